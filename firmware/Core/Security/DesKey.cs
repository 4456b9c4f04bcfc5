using System;

namespace PosFirmware.Security
{
    /// <summary>
    /// A DES or triple-DES key, scheduled once, for block operations: 8 bytes is single DES,
    /// 16 bytes is two-key TDES (K1 K2 K1), 24 bytes is three-key TDES, all EDE (ANSI X9.52).
    /// Clear() zeroes the schedule: key material does not outlive its use.
    /// </summary>
    public sealed class DesKey
    {
        /// <summary>The DES block size in bytes.</summary>
        public const int BlockSize = 8;

        private readonly uint[] _k1 = SecretBuffers.NewWords(DesEngine.ScheduleWords);
        private readonly uint[] _k2;
        private readonly uint[] _k3;
        private bool _isCleared;

        /// <summary>Schedules key[offset .. offset+length); length is 8, 16 or 24.</summary>
        public DesKey(byte[] key, int offset, int length)
        {
            if (key == null)
            {
                throw new ArgumentNullException("key");
            }

            if ((length != 8 && length != 16 && length != 24) || offset < 0 || offset > key.Length - length)
            {
                throw new ArgumentException("a DES key is 8, 16 or 24 bytes", "length");
            }

            KeyLength = length;
            DesEngine.Schedule(key, offset, _k1);
            if (length > 8)
            {
                _k2 = SecretBuffers.NewWords(DesEngine.ScheduleWords);
                DesEngine.Schedule(key, offset + 8, _k2);
                _k3 = _k1;
                if (length == 24)
                {
                    _k3 = SecretBuffers.NewWords(DesEngine.ScheduleWords);
                    DesEngine.Schedule(key, offset + 16, _k3);
                }
            }
        }

        /// <summary>A key from all of the given bytes.</summary>
        public DesKey(byte[] key)
            : this(key, 0, key == null ? 0 : key.Length)
        {
        }

        /// <summary>8, 16 or 24.</summary>
        public int KeyLength { get; private set; }

        /// <summary>True for 16- and 24-byte keys.</summary>
        public bool IsTripleDes
        {
            get { return KeyLength > 8; }
        }

        /// <summary>Encrypts one block; input and output may be the same array and offset.</summary>
        public void EncryptBlock(byte[] input, int inputOffset, byte[] output, int outputOffset)
        {
            CheckUsable(input, inputOffset, output, outputOffset);
            DesEngine.Crypt(_k1, true, input, inputOffset, output, outputOffset);
            if (_k2 != null)
            {
                DesEngine.Crypt(_k2, false, output, outputOffset, output, outputOffset);
                DesEngine.Crypt(_k3, true, output, outputOffset, output, outputOffset);
            }
        }

        /// <summary>Decrypts one block; input and output may be the same array and offset.</summary>
        public void DecryptBlock(byte[] input, int inputOffset, byte[] output, int outputOffset)
        {
            CheckUsable(input, inputOffset, output, outputOffset);
            if (_k2 == null)
            {
                DesEngine.Crypt(_k1, false, input, inputOffset, output, outputOffset);
                return;
            }

            DesEngine.Crypt(_k3, false, input, inputOffset, output, outputOffset);
            DesEngine.Crypt(_k2, true, output, outputOffset, output, outputOffset);
            DesEngine.Crypt(_k1, false, output, outputOffset, output, outputOffset);
        }

        /// <summary>Zeroes the key schedule; the key cannot be used afterwards.</summary>
        public void Clear()
        {
            Array.Clear(_k1, 0, _k1.Length);
            if (_k2 != null)
            {
                Array.Clear(_k2, 0, _k2.Length);
            }

            if (_k3 != null)
            {
                Array.Clear(_k3, 0, _k3.Length);
            }

            _isCleared = true;
        }

        private void CheckUsable(byte[] input, int inputOffset, byte[] output, int outputOffset)
        {
            if (_isCleared)
            {
                throw new InvalidOperationException("the key was cleared");
            }

            if (input == null || output == null)
            {
                throw new ArgumentNullException("input");
            }

            if (inputOffset < 0 || inputOffset > input.Length - BlockSize || outputOffset < 0 || outputOffset > output.Length - BlockSize)
            {
                throw new ArgumentOutOfRangeException("inputOffset");
            }
        }
    }
}
