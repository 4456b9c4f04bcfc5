namespace PosFirmware.Common
{
    /// <summary>
    /// Bytes as upper-case hex ASCII characters and back, in place in caller buffers: ISO 8583
    /// hex bitmaps and hex binary fields, and the UnionPay MAC's hex steps. Reading accepts either case.
    /// </summary>
    public static class HexAscii
    {
        private const string Digits = "0123456789ABCDEF";

        /// <summary>Writes 2 * count characters for source[offset .. offset+count) at target[targetOffset].</summary>
        public static void Write(byte[] source, int offset, int count, byte[] target, int targetOffset)
        {
            for (int i = 0; i < count; i++)
            {
                int b = source[offset + i];
                target[targetOffset + 2 * i] = (byte)Digits[b >> 4];
                target[targetOffset + 2 * i + 1] = (byte)Digits[b & 0xF];
            }
        }

        /// <summary>
        /// True when text[textOffset ..] holds exactly the 2 * count upper-case characters of
        /// source[offset .. offset+count). Looks at every character (no early exit to time), for MACs.
        /// </summary>
        public static bool Matches(byte[] source, int offset, int count, byte[] text, int textOffset)
        {
            int difference = 0;
            for (int i = 0; i < count; i++)
            {
                int b = source[offset + i];
                difference |= text[textOffset + 2 * i] ^ Digits[b >> 4];
                difference |= text[textOffset + 2 * i + 1] ^ Digits[b & 0xF];
            }

            return difference == 0;
        }

        /// <summary>
        /// Reads count bytes from 2 * count characters at source[offset] into target[targetOffset];
        /// false at the first character that is not a hex digit (target is then partly written).
        /// </summary>
        public static bool TryRead(byte[] source, int offset, int count, byte[] target, int targetOffset)
        {
            for (int i = 0; i < count; i++)
            {
                int hi = Value(source[offset + 2 * i]);
                int lo = Value(source[offset + 2 * i + 1]);
                if (hi < 0 || lo < 0)
                {
                    return false;
                }

                target[targetOffset + i] = (byte)((hi << 4) | lo);
            }

            return true;
        }

        private static int Value(int c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        }
    }
}
