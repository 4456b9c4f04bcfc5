namespace PosFirmware.Common
{
    /// <summary>
    /// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320, init and final XOR 0xFFFFFFFF), the
    /// check on every stored record: a power cut cannot tear a LittleFS write, but flash bits can
    /// still rot, and a record whose CRC fails is skipped, never trusted.
    /// Check value: CRC of ASCII "123456789" is 0xCBF43926.
    /// </summary>
    public static class Crc32
    {
        private static uint[] _table;

        /// <summary>The CRC of data[offset .. offset+count).</summary>
        public static uint Compute(byte[] data, int offset, int count)
        {
            return Finish(Update(Start, data, offset, count));
        }

        /// <summary>The register value to start an incremental CRC with.</summary>
        public const uint Start = 0xFFFFFFFF;

        /// <summary>Feeds more bytes into an incremental CRC register.</summary>
        public static uint Update(uint crc, byte[] data, int offset, int count)
        {
            uint[] table = Table();
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                crc = table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
            }

            return crc;
        }

        /// <summary>Turns an incremental register into the CRC value.</summary>
        public static uint Finish(uint crc)
        {
            return crc ^ 0xFFFFFFFF;
        }

        // Built on first use instead of a static initializer so the 1 KB table costs nothing
        // on a device that never checks a CRC before the journal is opened.
        private static uint[] Table()
        {
            if (_table != null)
            {
                return _table;
            }

            uint[] table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++)
                {
                    c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
                }

                table[n] = c;
            }

            _table = table;
            return table;
        }
    }
}
