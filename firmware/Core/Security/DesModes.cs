using System;

namespace PosFirmware.Security
{
    /// <summary>
    /// ECB and CBC over whole blocks with a DesKey. Padding is the caller's (MACs and PIN blocks
    /// each have their own rule), so a length that is not a multiple of 8 is a programming error.
    /// </summary>
    public static class DesModes
    {
        /// <summary>ECB-encrypts data[offset .. offset+count) into output[outputOffset ..].</summary>
        public static void EncryptEcb(DesKey key, byte[] data, int offset, int count, byte[] output, int outputOffset)
        {
            CheckBlocks(data, offset, count, output, outputOffset);
            for (int i = 0; i < count; i += DesKey.BlockSize)
            {
                key.EncryptBlock(data, offset + i, output, outputOffset + i);
            }
        }

        /// <summary>ECB-decrypts data[offset .. offset+count) into output[outputOffset ..].</summary>
        public static void DecryptEcb(DesKey key, byte[] data, int offset, int count, byte[] output, int outputOffset)
        {
            CheckBlocks(data, offset, count, output, outputOffset);
            for (int i = 0; i < count; i += DesKey.BlockSize)
            {
                key.DecryptBlock(data, offset + i, output, outputOffset + i);
            }
        }

        /// <summary>CBC-encrypts with the 8-byte IV; output may be the input (in place).</summary>
        public static void EncryptCbc(DesKey key, byte[] iv, byte[] data, int offset, int count, byte[] output, int outputOffset)
        {
            CheckBlocks(data, offset, count, output, outputOffset);
            CheckIv(iv);
            for (int i = 0; i < count; i += DesKey.BlockSize)
            {
                for (int j = 0; j < DesKey.BlockSize; j++)
                {
                    byte chain = i == 0 ? iv[j] : output[outputOffset + i - DesKey.BlockSize + j];
                    output[outputOffset + i + j] = (byte)(data[offset + i + j] ^ chain);
                }

                key.EncryptBlock(output, outputOffset + i, output, outputOffset + i);
            }
        }

        /// <summary>CBC-decrypts with the 8-byte IV into a separate output buffer region.</summary>
        public static void DecryptCbc(DesKey key, byte[] iv, byte[] data, int offset, int count, byte[] output, int outputOffset)
        {
            CheckBlocks(data, offset, count, output, outputOffset);
            CheckIv(iv);
            if (data == output && offset < outputOffset + count && outputOffset < offset + count)
            {
                throw new ArgumentException("CBC decryption needs separate input and output regions");
            }

            for (int i = 0; i < count; i += DesKey.BlockSize)
            {
                key.DecryptBlock(data, offset + i, output, outputOffset + i);
                for (int j = 0; j < DesKey.BlockSize; j++)
                {
                    byte chain = i == 0 ? iv[j] : data[offset + i - DesKey.BlockSize + j];
                    output[outputOffset + i + j] ^= chain;
                }
            }
        }

        private static void CheckBlocks(byte[] data, int offset, int count, byte[] output, int outputOffset)
        {
            if (data == null || output == null)
            {
                throw new ArgumentNullException("data");
            }

            if (count < 0 || (count % DesKey.BlockSize) != 0)
            {
                throw new ArgumentException("DES works on whole 8-byte blocks", "count");
            }

            if (offset < 0 || offset > data.Length - count || outputOffset < 0 || outputOffset > output.Length - count)
            {
                throw new ArgumentOutOfRangeException("offset");
            }
        }

        private static void CheckIv(byte[] iv)
        {
            if (iv == null || iv.Length != DesKey.BlockSize)
            {
                throw new ArgumentException("the IV is one 8-byte block", "iv");
            }
        }
    }
}
