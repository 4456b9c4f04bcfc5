namespace PosFirmware.UnitTests.Support
{
    /// <summary>Byte helpers for tests (nanoFramework has no ASCII encoder).</summary>
    public static class Bytes
    {
        /// <summary>The ASCII bytes of a string of characters below 0x80.</summary>
        public static byte[] Ascii(string text)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                bytes[i] = (byte)text[i];
            }

            return bytes;
        }

        /// <summary>The characters of bytes[offset .. offset+count), one per byte.</summary>
        public static string AsciiText(byte[] bytes, int offset, int count)
        {
            char[] c = new char[count];
            for (int i = 0; i < count; i++)
            {
                c[i] = (char)bytes[offset + i];
            }

            return new string(c);
        }
    }
}
