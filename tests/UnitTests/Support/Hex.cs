using System;

namespace PosFirmware.UnitTests.Support
{
    /// <summary>Hex strings to bytes and back, for test vectors (nanoFramework has no FromHexString).</summary>
    public static class Hex
    {
        public static byte[] Decode(string hex)
        {
            if ((hex.Length & 1) != 0)
            {
                throw new ArgumentException("odd hex length");
            }

            byte[] b = new byte[hex.Length / 2];
            for (int i = 0; i < b.Length; i++)
            {
                b[i] = (byte)((Nibble(hex[2 * i]) << 4) | Nibble(hex[2 * i + 1]));
            }

            return b;
        }

        public static string Encode(byte[] data, int offset, int count)
        {
            const string digits = "0123456789ABCDEF";
            char[] c = new char[count * 2];
            for (int i = 0; i < count; i++)
            {
                c[2 * i] = digits[data[offset + i] >> 4];
                c[2 * i + 1] = digits[data[offset + i] & 0xF];
            }

            return new string(c);
        }

        public static string Encode(byte[] data)
        {
            return Encode(data, 0, data.Length);
        }

        private static int Nibble(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            throw new ArgumentException("not a hex digit");
        }
    }
}
