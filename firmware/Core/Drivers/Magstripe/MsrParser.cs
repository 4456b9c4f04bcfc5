using PosFirmware.Drivers.Cards;

namespace PosFirmware.Drivers.Magstripe
{
    /// <summary>
    /// Parses one line from a serial magstripe module: track 1 `%B PAN ^ NAME ^ YYMM SSS ... ?`
    /// and/or track 2 `; PAN = YYMM SSS ... ?` (ISO/IEC 7813), each optionally followed by its LRC,
    /// the whole optionally wrapped in STX/ETX and ended by CR/LF. `E` between the sentinels is the
    /// module's mark for an unreadable track. A pure function: any bytes give a status, never an
    /// exception, and it reads at most MaxLineBytes.
    /// </summary>
    public static class MsrParser
    {
        public const int MaxLineBytes = 256;
        public const int MaxTrack1Chars = 79;
        public const int MaxTrack2Chars = 40;

        private const byte Stx = 0x02;
        private const byte Etx = 0x03;

        /// <summary>Parses line[0 .. count); the swipe is filled on Ok and empty on any other status.</summary>
        public static MsrStatus Parse(byte[] line, int count, MsrFormat format, MsrSwipe swipe)
        {
            swipe.Clear();
            if (count > MaxLineBytes || count > line.Length)
            {
                return MsrStatus.TooLong;
            }

            MsrStatus status = ParseForward(line, count, format, swipe);
            if (status == MsrStatus.Ok || status == MsrStatus.Reversed)
            {
                return status;
            }

            // A backwards swipe decodes as the track reversed (PAYMENTS.md section 9): if the line
            // read back to front is a good swipe, say so, so the cardholder is told to turn the card.
            Reverse(line, count);
            MsrStatus backwards = ParseForward(line, count, format, swipe);
            Reverse(line, count);
            swipe.Clear();
            return backwards == MsrStatus.Ok ? MsrStatus.Reversed : status;
        }

        private static void Reverse(byte[] line, int count)
        {
            for (int i = 0, j = count - 1; i < j; i++, j--)
            {
                byte t = line[i];
                line[i] = line[j];
                line[j] = t;
            }
        }

        /// <summary>
        /// One pass over the line. It may leave the swipe half filled on failure: Parse, its only
        /// caller, clears the swipe before the first pass and after anything but Ok.
        /// </summary>
        private static MsrStatus ParseForward(byte[] line, int count, MsrFormat format, MsrSwipe swipe)
        {
            if (EndSentinelFirst(line, count))
            {
                return MsrStatus.Reversed;
            }

            int t1Start = -1, t1End = -1, t2Start = -1, t2End = -1;
            bool t1Error = false, t2Error = false;
            int i = 0;
            while (i < count)
            {
                byte c = line[i];
                if (c == Stx || c == Etx || c == (byte)'\r' || c == (byte)'\n' || c == (byte)' ')
                {
                    i++;
                    continue;
                }

                bool track1 = c == (byte)'%';
                if (!track1 && c != (byte)';')
                {
                    return MsrStatus.BadCharacter;
                }

                int end = IndexOf(line, i + 1, count, (byte)'?');
                if (end < 0)
                {
                    return MsrStatus.Partial;
                }

                if (EndsReversed(line, i + 1, end))
                {
                    return MsrStatus.Reversed;
                }

                int next = end + 1;
                if (format == MsrFormat.WithLrc)
                {
                    if (next >= count)
                    {
                        return MsrStatus.Partial;
                    }

                    if (line[next] != Lrc(line, i, end, track1))
                    {
                        return MsrStatus.BadLrc;
                    }

                    next++;
                }

                bool error = end == i + 2 && line[i + 1] == (byte)'E';
                if (track1)
                {
                    t1Start = i + 1;
                    t1End = end;
                    t1Error = error;
                }
                else
                {
                    t2Start = i + 1;
                    t2End = end;
                    t2Error = error;
                }

                i = next;
            }

            if (t1Start < 0 && t2Start < 0)
            {
                return MsrStatus.Empty;
            }

            if (t2Error || (t2Start < 0 && t1Error))
            {
                return MsrStatus.TrackError;
            }

            if (t2Start < 0)
            {
                return MsrStatus.NoTrack2;
            }

            MsrStatus status = ReadTrack2(line, t2Start, t2End, swipe);
            if (status != MsrStatus.Ok || t1Start < 0 || t1Error)
            {
                return status;
            }

            return CheckTrack1(line, t1Start, t1End, swipe);
        }

        /// <summary>The LRC character of a track from its start sentinel to its end sentinel.</summary>
        public static byte Lrc(byte[] line, int start, int endSentinel, bool track1)
        {
            int offset = track1 ? 0x20 : 0x30;
            int mask = track1 ? 0x3F : 0x0F;
            int lrc = 0;
            for (int i = start; i <= endSentinel; i++)
            {
                lrc ^= (line[i] - offset) & mask;
            }

            return (byte)(lrc + offset);
        }

        private static MsrStatus ReadTrack2(byte[] line, int start, int end, MsrSwipe swipe)
        {
            if (end - start > MaxTrack2Chars)
            {
                return MsrStatus.BadCharacter;
            }

            int separator = -1;
            for (int i = start; i < end; i++)
            {
                byte c = line[i];
                if (c == (byte)'=' && separator < 0)
                {
                    separator = i;
                }
                else if (c < (byte)'0' || c > (byte)'9')
                {
                    return MsrStatus.BadCharacter;
                }
            }

            if (separator < 0)
            {
                return MsrStatus.Partial;
            }

            if (!CardChecks.IsValidPan(line, start, separator - start))
            {
                return MsrStatus.BadPan;
            }

            if (end - separator - 1 < 7)
            {
                return MsrStatus.Partial;
            }

            if (!CardChecks.IsValidExpiry(line, separator + 1))
            {
                return MsrStatus.BadExpiry;
            }

            if (!CardChecks.IsValidServiceCode(line, separator + 5))
            {
                return MsrStatus.BadServiceCode;
            }

            swipe.Pan = Text(line, start, separator - start);
            swipe.Expiry = Text(line, separator + 1, 4);
            swipe.ServiceCode = Text(line, separator + 5, 3);
            swipe.HasChip = CardChecks.HasChip(line, separator + 5);
            swipe.Track2 = Text(line, start, end - start);
            return MsrStatus.Ok;
        }

        private static MsrStatus CheckTrack1(byte[] line, int start, int end, MsrSwipe swipe)
        {
            if (end - start > MaxTrack1Chars)
            {
                return MsrStatus.BadCharacter;
            }

            for (int i = start; i < end; i++)
            {
                if (line[i] < 0x20 || line[i] > 0x5F)
                {
                    return MsrStatus.BadCharacter;
                }
            }

            int panEnd = IndexOf(line, start + 1, end, (byte)'^');
            int nameEnd = panEnd < 0 ? -1 : IndexOf(line, panEnd + 1, end, (byte)'^');
            if (line[start] != (byte)'B' || nameEnd < 0)
            {
                return MsrStatus.BadCharacter;
            }

            string pan = Text(line, start + 1, panEnd - start - 1);
            if (pan != swipe.Pan)
            {
                return MsrStatus.TracksDisagree;
            }

            swipe.Name = Text(line, panEnd + 1, nameEnd - panEnd - 1).Trim();
            return MsrStatus.Ok;
        }

        /// <summary>A line read backwards meets an end sentinel before any start sentinel.</summary>
        private static bool EndSentinelFirst(byte[] line, int count)
        {
            for (int i = 0; i < count; i++)
            {
                if (line[i] == (byte)'%' || line[i] == (byte)';')
                {
                    return false;
                }

                if (line[i] == (byte)'?')
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A track read backwards ends with its own start sentinel.</summary>
        private static bool EndsReversed(byte[] line, int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                if (line[i] == (byte)';' || line[i] == (byte)'%')
                {
                    return true;
                }
            }

            return false;
        }

        private static int IndexOf(byte[] line, int from, int to, byte value)
        {
            for (int i = from; i < to; i++)
            {
                if (line[i] == value)
                {
                    return i;
                }
            }

            return -1;
        }

        private static string Text(byte[] line, int offset, int count)
        {
            char[] chars = new char[count];
            for (int i = 0; i < count; i++)
            {
                chars[i] = (char)line[offset + i];
            }

            return new string(chars);
        }
    }
}
