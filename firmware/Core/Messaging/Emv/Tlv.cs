namespace PosFirmware.Messaging.Emv
{
    /// <summary>
    /// BER-TLV as EMV uses it (EMV Book 3 annex B): tags of 1-4 bytes (low 5 bits 11111 means more
    /// bytes follow while bit 8 is set), lengths short (&lt;0x80) or long (0x81-0x84 + bytes),
    /// constructed templates when bit 6 of the first tag byte is set. Every walk is bounded
    /// (MaxDepth, MaxItems) and returns a status: a card or host cannot make it throw, loop or
    /// allocate. 0x00 and 0xFF padding bytes between objects are skipped, as EMV allows.
    /// </summary>
    public static class Tlv
    {
        /// <summary>Deepest template nesting accepted (EMV uses 3 or 4).</summary>
        public const int MaxDepth = 8;

        /// <summary>Most items walked in one buffer.</summary>
        public const int MaxItems = 512;

        /// <summary>True when the tag's first byte marks a constructed object.</summary>
        public static bool IsConstructed(uint tag)
        {
            return (FirstByte(tag) & 0x20) != 0;
        }

        /// <summary>
        /// Reads one tag and length at offset (before end). On Ok, valueOffset and length locate the
        /// value, which lies within end; next is valueOffset + length.
        /// </summary>
        public static TlvStatus ReadHeader(byte[] buffer, int offset, int end, out uint tag, out int valueOffset, out int length)
        {
            tag = 0;
            valueOffset = 0;
            length = 0;
            if (offset >= end)
            {
                return TlvStatus.Truncated;
            }

            uint t;
            int p;
            TlvStatus ts = ReadTag(buffer, offset, end, out t, out p);
            if (ts != TlvStatus.Ok)
            {
                return ts;
            }

            if (p >= end)
            {
                return TlvStatus.Truncated;
            }

            int first = buffer[p++];
            int len;
            if (first < 0x80)
            {
                len = first;
            }
            else
            {
                int count = first & 0x7F;
                if (count == 0 || count > 4)
                {
                    return TlvStatus.BadLength;
                }

                if (end - p < count)
                {
                    return TlvStatus.Truncated;
                }

                long l = 0;
                for (int i = 0; i < count; i++)
                {
                    l = (l << 8) | buffer[p++];
                }

                if (l > end - p)
                {
                    return TlvStatus.LengthPastEnd;
                }

                len = (int)l;
            }

            if (len > end - p)
            {
                return TlvStatus.LengthPastEnd;
            }

            tag = t;
            valueOffset = p;
            length = len;
            return TlvStatus.Ok;
        }

        /// <summary>
        /// Reads one tag (1-4 bytes: while the low 5 bits of the first byte are 11111, following
        /// bytes with bit 8 set continue it) at offset; next is the position after it.
        /// </summary>
        public static TlvStatus ReadTag(byte[] buffer, int offset, int end, out uint tag, out int next)
        {
            tag = 0;
            next = offset;
            if (offset >= end)
            {
                return TlvStatus.Truncated;
            }

            int p = offset;
            uint t = buffer[p++];
            if ((t & 0x1F) == 0x1F)
            {
                int extra = 0;
                byte b;
                do
                {
                    if (p >= end)
                    {
                        return TlvStatus.Truncated;
                    }

                    if (++extra > 3)
                    {
                        return TlvStatus.TagTooLong;
                    }

                    b = buffer[p++];
                    t = (t << 8) | b;
                }
                while ((b & 0x80) != 0);
            }

            tag = t;
            next = p;
            return TlvStatus.Ok;
        }

        /// <summary>Checks a whole buffer: every object well formed, within bounds, nesting and count limits.</summary>
        public static TlvStatus Validate(byte[] buffer, int offset, int count)
        {
            return Validate(buffer, offset, count, new int[MaxDepth + 1]);
        }

        /// <summary>Validate with the caller's walk stack (MaxDepth + 1 ints): no allocation, for hot paths.</summary>
        public static TlvStatus Validate(byte[] buffer, int offset, int count, int[] stack)
        {
            int vo, vl;
            // No real tag is 0xFFFFFFFF, so the walk visits everything and ends NotFound when clean.
            TlvStatus s = Walk(buffer, offset, count, 0xFFFFFFFF, stack, out vo, out vl);
            return s == TlvStatus.NotFound ? TlvStatus.Ok : s;
        }

        /// <summary>
        /// Finds the first object with this tag anywhere in the buffer, descending into templates
        /// (depth-first, in order). The whole walk up to the match is validated.
        /// </summary>
        public static TlvStatus Find(byte[] buffer, int offset, int count, uint tag, out int valueOffset, out int valueLength)
        {
            return Walk(buffer, offset, count, tag, new int[MaxDepth + 1], out valueOffset, out valueLength);
        }

        /// <summary>Find with the caller's walk stack (MaxDepth + 1 ints): no allocation, for hot paths.</summary>
        public static TlvStatus Find(byte[] buffer, int offset, int count, uint tag, int[] stack, out int valueOffset, out int valueLength)
        {
            return Walk(buffer, offset, count, tag, stack, out valueOffset, out valueLength);
        }

        // Depth-first walk with an explicit, bounded stack of template ends: no recursion, so
        // 10 000 nested templates cost one status, not a stack overflow.
        private static TlvStatus Walk(byte[] buffer, int offset, int count, uint wanted, int[] ends, out int valueOffset, out int valueLength)
        {
            valueOffset = 0;
            valueLength = 0;
            if (buffer == null || offset < 0 || count < 0 || offset > buffer.Length - count)
            {
                return TlvStatus.LengthPastEnd;
            }

            if (ends == null || ends.Length < MaxDepth + 1)
            {
                return TlvStatus.TooDeep;
            }

            int depth = 0;
            ends[0] = offset + count;
            int p = offset;
            int items = 0;
            while (true)
            {
                while (depth > 0 && p >= ends[depth])
                {
                    depth--;
                }

                int end = ends[depth];
                if (p >= end)
                {
                    return TlvStatus.NotFound;
                }

                if (buffer[p] == 0x00 || buffer[p] == 0xFF)
                {
                    p++;
                    continue;
                }

                if (++items > MaxItems)
                {
                    return TlvStatus.TooManyItems;
                }

                uint tag;
                int vo, vl;
                TlvStatus s = ReadHeader(buffer, p, end, out tag, out vo, out vl);
                if (s != TlvStatus.Ok)
                {
                    return s;
                }

                if (tag == wanted)
                {
                    valueOffset = vo;
                    valueLength = vl;
                    return TlvStatus.Ok;
                }

                if (IsConstructed(tag) && vl > 0)
                {
                    if (depth == MaxDepth)
                    {
                        return TlvStatus.TooDeep;
                    }

                    ends[++depth] = vo + vl;
                    p = vo;
                }
                else
                {
                    p = vo + vl;
                }
            }
        }

        /// <summary>Bytes the tag takes (1-4).</summary>
        public static int TagSize(uint tag)
        {
            return tag > 0xFFFFFF ? 4 : tag > 0xFFFF ? 3 : tag > 0xFF ? 2 : 1;
        }

        /// <summary>Bytes a length takes in BER (1-4 here).</summary>
        public static int LengthSize(int length)
        {
            return length < 0x80 ? 1 : length <= 0xFF ? 2 : length <= 0xFFFF ? 3 : 4;
        }

        /// <summary>
        /// Writes tag, length and value[valueOffset .. +valueLength) at output[outputOffset]; written is
        /// the byte count. OutputTooSmall writes nothing.
        /// </summary>
        public static TlvStatus Write(uint tag, byte[] value, int valueOffset, int valueLength, byte[] output, int outputOffset, out int written)
        {
            written = 0;
            if (valueLength < 0 || valueLength > 0xFFFFFF)
            {
                return TlvStatus.BadLength;
            }

            int ts = TagSize(tag);
            int ls = LengthSize(valueLength);
            int total = ts + ls + valueLength;
            if (output == null || outputOffset < 0 || total > output.Length - outputOffset)
            {
                return TlvStatus.OutputTooSmall;
            }

            int p = outputOffset;
            for (int i = ts - 1; i >= 0; i--)
            {
                output[p++] = (byte)(tag >> (8 * i));
            }

            if (ls == 1)
            {
                output[p++] = (byte)valueLength;
            }
            else
            {
                output[p++] = (byte)(0x80 | (ls - 1));
                for (int i = ls - 2; i >= 0; i--)
                {
                    output[p++] = (byte)(valueLength >> (8 * i));
                }
            }

            for (int i = 0; i < valueLength; i++)
            {
                output[p++] = value[valueOffset + i];
            }

            written = total;
            return TlvStatus.Ok;
        }

        private static uint FirstByte(uint tag)
        {
            return tag >> (8 * (TagSize(tag) - 1));
        }
    }
}
