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
    }
}
