using System;
using PosFirmware.Common;

namespace PosFirmware.Security
{
    /// <summary>
    /// The MACs of payment messages (PAYMENTS.md section 7): ANSI X9.9 (single-DES CBC-MAC),
    /// ANSI X9.19 retail MAC (ISO 9797-1 algorithm 3) and the UnionPay POS MAC. Each writes an
    /// 8-byte MAC into mac[macOffset ..]; no allocation beyond one 8-byte working block.
    /// </summary>
    public static class Mac
    {
        /// <summary>
        /// X9.9: single-DES CBC-MAC with a zero IV under an 8-byte key. Throws ArgumentNullException
        /// for a null key, data or mac, ArgumentException for a TDES key, ArgumentOutOfRangeException
        /// when data[offset .. offset+count) or the 8 bytes at mac[macOffset] do not fit.
        /// </summary>
        public static void X99(DesKey key, MacPadding padding, byte[] data, int offset, int count, byte[] mac, int macOffset)
        {
            CheckKey(key);
            if (key.IsTripleDes)
            {
                throw new ArgumentException("X9.9 uses a single-DES key", "key");
            }

            CbcMac(key, padding, data, offset, count, mac, macOffset);
        }

        /// <summary>
        /// X9.19 retail MAC: single-DES CBC-MAC under K1, then the last block decrypted under K2 and
        /// encrypted under K1 again. key16 holds K1 K2 at key16[keyOffset ..]. Throws as X99 does, and
        /// ArgumentNullException / ArgumentOutOfRangeException for a null key16 or one without 16
        /// bytes at keyOffset, before any key is scheduled; the two schedules are zeroed on every exit.
        /// </summary>
        public static void X919(byte[] key16, int keyOffset, MacPadding padding, byte[] data, int offset, int count, byte[] mac, int macOffset)
        {
            if (key16 == null)
            {
                throw new ArgumentNullException("key16");
            }

            if (keyOffset < 0 || keyOffset > key16.Length - 2 * DesKey.BlockSize)
            {
                throw new ArgumentOutOfRangeException("keyOffset");
            }

            DesKey k1 = new DesKey(key16, keyOffset, 8);
            DesKey k2 = new DesKey(key16, keyOffset + 8, 8);
            try
            {
                CbcMac(k1, padding, data, offset, count, mac, macOffset);
                k2.DecryptBlock(mac, macOffset, mac, macOffset);
                k1.EncryptBlock(mac, macOffset, mac, macOffset);
            }
            finally
            {
                k1.Clear();
                k2.Clear();
            }
        }

        /// <summary>
        /// The UnionPay POS MAC: XOR all 8-byte blocks of the zero-padded data; hex it (16 upper-case
        /// ASCII characters); encrypt the first 8 under the MAK; XOR with the last 8; encrypt again;
        /// the result's hex, whose first 8 characters go in field 64. Writes those 8 ASCII bytes.
        /// A 16-byte MAK does the encryptions as 3DES. Throws as X99 does; the working block is zeroed.
        /// </summary>
        public static void UnionPay(DesKey mak, byte[] data, int offset, int count, byte[] mac, int macOffset)
        {
            CheckKey(mak);
            CheckRange(data, offset, count, mac, macOffset);
            // One working array: the XOR of the blocks at 0, the cipher block at 8, the tail at 16.
            const int X = 0, Block = DesKey.BlockSize, Tail = 2 * DesKey.BlockSize;
            byte[] w = SecretBuffers.New(3 * DesKey.BlockSize);
            for (int i = 0; i < count; i++)
            {
                w[X + i % DesKey.BlockSize] ^= data[offset + i];
            }

            // The 16 hex characters: first 8 and last 8, as ASCII.
            HexAscii.Write(w, X, 4, w, Block);
            mak.EncryptBlock(w, Block, w, Block);
            HexAscii.Write(w, X + 4, 4, w, Tail);
            for (int i = 0; i < DesKey.BlockSize; i++)
            {
                w[Block + i] ^= w[Tail + i];
            }

            mak.EncryptBlock(w, Block, w, Block);
            HexAscii.Write(w, Block, 4, mac, macOffset);
            Array.Clear(w, 0, w.Length);
        }

        /// <summary>
        /// True when two MACs are equal, comparing every byte (no early exit to time). Throws
        /// ArgumentNullException for a null array, ArgumentOutOfRangeException when a range does not fit.
        /// </summary>
        public static bool AreEqual(byte[] a, int aOffset, byte[] b, int bOffset, int count)
        {
            if (a == null || b == null)
            {
                throw new ArgumentNullException(a == null ? "a" : "b");
            }

            if (count < 0 || aOffset < 0 || aOffset > a.Length - count || bOffset < 0 || bOffset > b.Length - count)
            {
                throw new ArgumentOutOfRangeException("count");
            }

            int diff = 0;
            for (int i = 0; i < count; i++)
            {
                diff |= a[aOffset + i] ^ b[bOffset + i];
            }

            return diff == 0;
        }

        private static void CbcMac(DesKey key, MacPadding padding, byte[] data, int offset, int count, byte[] mac, int macOffset)
        {
            CheckRange(data, offset, count, mac, macOffset);
            int padded = PaddedLength(padding, count);
            for (int j = 0; j < DesKey.BlockSize; j++)
            {
                mac[macOffset + j] = 0;
            }

            for (int i = 0; i < padded; i += DesKey.BlockSize)
            {
                for (int j = 0; j < DesKey.BlockSize; j++)
                {
                    mac[macOffset + j] ^= PaddedByte(padding, data, offset, count, i + j);
                }

                key.EncryptBlock(mac, macOffset, mac, macOffset);
            }
        }

        private static int PaddedLength(MacPadding padding, int count)
        {
            if (padding == MacPadding.Bit)
            {
                return (count / DesKey.BlockSize + 1) * DesKey.BlockSize;
            }

            int blocks = (count + DesKey.BlockSize - 1) / DesKey.BlockSize;
            return (blocks == 0 ? 1 : blocks) * DesKey.BlockSize;
        }

        private static byte PaddedByte(MacPadding padding, byte[] data, int offset, int count, int index)
        {
            if (index < count)
            {
                return data[offset + index];
            }

            return padding == MacPadding.Bit && index == count ? (byte)0x80 : (byte)0;
        }

        private static void CheckKey(DesKey key)
        {
            if (key == null)
            {
                throw new ArgumentNullException("key");
            }
        }

        private static void CheckRange(byte[] data, int offset, int count, byte[] mac, int macOffset)
        {
            if (data == null || mac == null)
            {
                throw new ArgumentNullException(data == null ? "data" : "mac");
            }

            if (offset < 0 || count < 0 || offset > data.Length - count || macOffset < 0 || macOffset > mac.Length - DesKey.BlockSize)
            {
                throw new ArgumentOutOfRangeException("count");
            }
        }
    }
}
