namespace PosFirmware.Common
{
    /// <summary>
    /// Fixed-width decimal digits for ISO 8583 numeric fields (amounts, STANs, batch numbers).
    /// Written by hand so the result is the same on nanoFramework and .NET and nothing throws: a value
    /// that does not fit keeps its low digits, as a counter that wraps would.
    /// </summary>
    public static class Digits
    {
        /// <summary>value as exactly width digits, zero-padded on the left (negative values give zeros).</summary>
        public static string Pad(long value, int width)
        {
            char[] c = new char[width];
            long v = value < 0 ? 0 : value;
            for (int i = width - 1; i >= 0; i--)
            {
                c[i] = (char)('0' + (int)(v % 10));
                v /= 10;
            }

            return new string(c);
        }

        /// <summary>
        /// The value of text[offset .. offset+count) when every character is a digit and it fits a
        /// long; -1 otherwise (outside text is never trusted to parse).
        /// </summary>
        public static long Parse(string text, int offset, int count)
        {
            if (text == null || offset < 0 || count <= 0 || count > 18 || offset > text.Length - count)
            {
                return -1;
            }

            long v = 0;
            for (int i = 0; i < count; i++)
            {
                char d = text[offset + i];
                if (d < '0' || d > '9')
                {
                    return -1;
                }

                v = v * 10 + (d - '0');
            }

            return v;
        }

        /// <summary>True when text is non-empty and only digits.</summary>
        public static bool AreAll(string text)
        {
            if (text == null || text.Length == 0)
            {
                return false;
            }

            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] < '0' || text[i] > '9')
                {
                    return false;
                }
            }

            return true;
        }
    }
}
