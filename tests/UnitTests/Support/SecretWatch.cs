using PosFirmware.Security;

namespace PosFirmware.UnitTests.Support
{
    /// <summary>
    /// Holds every secret buffer the code makes while it is on (SecretBuffers.Watch), so a test can
    /// check that the code zeroed them when it says it did. Start() before the code under test makes
    /// its buffers, Stop() in a finally (tests run one at a time, here and on nanoFramework).
    /// </summary>
    public sealed class SecretWatch : ISecretWatch
    {
        public const int MaxBuffers = 64;

        private readonly System.Array[] _buffers = new System.Array[MaxBuffers];

        private SecretWatch()
        {
        }

        /// <summary>Buffers seen so far.</summary>
        public int Count { get; private set; }

        /// <summary>True when more than MaxBuffers were made (the test then sees only the first ones).</summary>
        public bool Overflowed { get; private set; }

        public static SecretWatch Start()
        {
            SecretWatch watch = new SecretWatch();
            SecretBuffers.Watch = watch;
            return watch;
        }

        public void Stop()
        {
            if (SecretBuffers.Watch == this)
            {
                SecretBuffers.Watch = null;
            }
        }

        public void Held(System.Array buffer)
        {
            if (Count < MaxBuffers)
            {
                _buffers[Count++] = buffer;
            }
            else
            {
                Overflowed = true;
            }
        }

        public System.Array Buffer(int index)
        {
            return _buffers[index];
        }

        /// <summary>How many of the buffers seen hold a byte that is not zero.</summary>
        public int NotZeroed()
        {
            int n = 0;
            for (int i = 0; i < Count; i++)
            {
                if (!IsZero(_buffers[i]))
                {
                    n++;
                }
            }

            return n;
        }

        /// <summary>True when every element of a byte[] or uint[] is zero.</summary>
        public static bool IsZero(System.Array buffer)
        {
            byte[] bytes = buffer as byte[];
            if (bytes != null)
            {
                for (int i = 0; i < bytes.Length; i++)
                {
                    if (bytes[i] != 0)
                    {
                        return false;
                    }
                }

                return true;
            }

            uint[] words = (uint[])buffer;
            for (int i = 0; i < words.Length; i++)
            {
                if (words[i] != 0)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
