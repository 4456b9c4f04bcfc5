using PosFirmware.Devices;
using PosFirmware.Drivers.Cards;
using PosFirmware.Messaging.Emv;

namespace PosFirmware.Drivers.Contactless
{
    /// <summary>
    /// Turns the tags of a finished read into the engine's CardData: PAN (5A, else 57 before the
    /// separator), track 2 equivalent (57: nibbles, D as '=', the F pad dropped), expiry (5F24 YYMMDD,
    /// else 57), card sequence (5F34) and field 55 (the request tags, PAYMENTS.md section 9).
    /// </summary>
    public static class ContactlessCardData
    {
        public const int MaxField55Bytes = 255;

        /// <summary>Tag 57 (track 2 equivalent data) is at most 19 bytes (EMV Book 3, annex A).</summary>
        public const int MaxTrack2Bytes = 19;

        /// <summary>The shortest tag 57 decoded at all (16 nibbles); the PAN and expiry checks after it decide the rest.</summary>
        public const int MinTrack2Bytes = 8;

        /// <summary>After the separator: expiry YYMM (4 digits); a service code may follow.</summary>
        private const int ExpiryDigits = 4;

        /// <summary>
        /// Fills card; false when the data is malformed (bad digits, PAN failing Luhn, field 55 too long),
        /// and then card is empty. scratch is zero again when Fill returns, whatever it returns.
        /// </summary>
        public static bool Fill(TagStore tags, CardData card, byte[] scratch)
        {
            card.Clear();
            byte[] pool = tags.Pool;
            int o, l;
            if (!tags.TryGet(0x57, out o, out l) || l < MinTrack2Bytes || l > MaxTrack2Bytes)
            {
                return false;
            }

            string track2 = Nibbles(pool, o, l, true);
            int separator = track2 == null ? -1 : track2.IndexOf('=');
            if (separator < CardChecks.MinPanDigits || track2.Length < separator + 1 + ExpiryDigits)
            {
                return false;
            }

            string pan = track2.Substring(0, separator);
            int po, pl;
            if (tags.TryGet(0x5A, out po, out pl))
            {
                string fromTag = Nibbles(pool, po, pl, false);
                if (fromTag == null || fromTag != pan)
                {
                    // A card whose two PAN copies disagree is not to be trusted.
                    return false;
                }
            }

            byte[] panDigits = new byte[pan.Length];
            for (int i = 0; i < pan.Length; i++)
            {
                panDigits[i] = (byte)pan[i];
            }

            if (!CardChecks.IsValidPan(panDigits, 0, panDigits.Length))
            {
                return false;
            }

            string expiry = track2.Substring(separator + 1, ExpiryDigits);
            int eo, el;
            if (tags.TryGet(0x5F24, out eo, out el) && el == 3)
            {
                expiry = Nibbles(pool, eo, 2, false);
            }

            int so, sl;
            card.CardSequence = tags.TryGet(0x5F34, out so, out sl) && sl == 1 ? (pool[so] >> 4) * 10 + (pool[so] & 0x0F) : -1;
            int written;
            if (Field55.Build(tags, Field55.RequestTags, scratch, 0, out written) != TlvStatus.Ok || written > MaxField55Bytes)
            {
                // A field 55 too long for the request, or for the scratch, may be in it in part (I7).
                System.Array.Clear(scratch, 0, scratch.Length);
                return false;
            }

            card.Entry = CardEntry.Contactless;
            card.Pan = pan;
            card.Track2 = track2;
            card.Expiry = expiry;
            card.IccData = new byte[written];
            System.Array.Copy(scratch, card.IccData, written);
            System.Array.Clear(scratch, 0, written);
            return true;
        }

        /// <summary>BCD nibbles as text, trailing F pad dropped; D becomes '=' when allowed. Null on any other nibble.</summary>
        private static string Nibbles(byte[] data, int offset, int length, bool separatorAllowed)
        {
            char[] chars = new char[length * 2];
            int n = 0;
            for (int i = 0; i < length * 2; i++)
            {
                int v = (data[offset + i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0x0F;
                if (v <= 9)
                {
                    chars[n++] = (char)('0' + v);
                }
                else if (v == 0x0D && separatorAllowed)
                {
                    chars[n++] = '=';
                }
                else if (v == 0x0F && i == length * 2 - 1)
                {
                    break;
                }
                else
                {
                    return null;
                }
            }

            return new string(chars, 0, n);
        }
    }
}
