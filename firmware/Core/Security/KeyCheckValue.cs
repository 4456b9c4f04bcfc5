using System;

namespace PosFirmware.Security
{
    /// <summary>
    /// Key check values: the first bytes of the key's encryption of 8 zero bytes (PAYMENTS.md
    /// section 7). A working key whose KCV does not match what the host sent is rejected.
    /// </summary>
    public static class KeyCheckValue
    {
        /// <summary>The usual KCV length in bytes.</summary>
        public const int Length = 4;

        /// <summary>
        /// Writes the first `length` (1..8) bytes of E_key(0^8) into kcv[kcvOffset ..]. Throws
        /// ArgumentNullException for a null key, ArgumentOutOfRangeException for a null kcv, a length
        /// outside 1..8 or one that does not fit at kcvOffset.
        /// </summary>
        public static void Compute(DesKey key, byte[] kcv, int kcvOffset, int length)
        {
            if (key == null)
            {
                throw new ArgumentNullException("key");
            }

            if (length < 1 || length > DesKey.BlockSize || kcv == null || kcvOffset < 0 || kcvOffset > kcv.Length - length)
            {
                throw new ArgumentOutOfRangeException("length");
            }

            byte[] block = new byte[DesKey.BlockSize];
            key.EncryptBlock(block, 0, block, 0);
            Array.Copy(block, 0, kcv, kcvOffset, length);
        }

        /// <summary>
        /// True when the key's check value equals expected[offset .. offset+length). Throws
        /// ArgumentNullException for a null key or expected, ArgumentOutOfRangeException for a length
        /// outside 1..8 or a range that does not fit.
        /// </summary>
        public static bool Matches(DesKey key, byte[] expected, int offset, int length)
        {
            if (expected == null)
            {
                throw new ArgumentNullException("expected");
            }

            if (offset < 0 || length < 1 || length > DesKey.BlockSize || offset > expected.Length - length)
            {
                throw new ArgumentOutOfRangeException("offset");
            }

            byte[] actual = new byte[DesKey.BlockSize];
            Compute(key, actual, 0, length);
            return Mac.AreEqual(actual, 0, expected, offset, length);
        }
    }
}
