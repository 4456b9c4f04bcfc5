namespace PosFirmware.Security
{
    /// <summary>
    /// Where buffers for secrets are made. On the device this is `new byte[n]` and one null check;
    /// in tests a watch sees each buffer, and the test checks every one is zero when the code says
    /// it wiped them (tests/UnitTests/Support/SecretWatch.cs).
    /// </summary>
    public static class SecretBuffers
    {
        /// <summary>
        /// Test seam, null on the device: when set, sees every secret buffer made from then on.
        /// </summary>
        public static ISecretWatch Watch { get; set; }

        /// <summary>A new zeroed buffer of length bytes that will hold secrets.</summary>
        public static byte[] New(int length)
        {
            return Held(new byte[length]);
        }

        /// <summary>A new zeroed array of length words that will hold secrets (a key schedule).</summary>
        public static uint[] NewWords(int length)
        {
            uint[] words = new uint[length];
            ISecretWatch watch = Watch;
            if (watch != null)
            {
                watch.Held(words);
            }

            return words;
        }

        /// <summary>Declares a buffer made elsewhere (e.g. a tag store's pool) as holding secrets; returns it.</summary>
        public static byte[] Held(byte[] buffer)
        {
            ISecretWatch watch = Watch;
            if (watch != null)
            {
                watch.Held(buffer);
            }

            return buffer;
        }
    }
}
