using System;

namespace PosFirmware.Messaging.Emv
{
    /// <summary>
    /// The EMV data objects of one transaction (terminal's and card's), by tag, in a fixed pool:
    /// no allocation after construction, bounded capacity, later values replace earlier ones.
    /// Clear() zeroes the pool when the transaction ends (I7: no card data kept after it).
    /// </summary>
    public sealed class TagStore
    {
        private readonly uint[] _tags;
        private readonly int[] _offsets;
        private readonly int[] _lengths;
        private readonly byte[] _pool;
        private int _count;
        private int _used;

        public TagStore(int maxItems, int poolBytes)
        {
            if (maxItems <= 0 || poolBytes <= 0)
            {
                throw new ArgumentOutOfRangeException("maxItems");
            }

            _tags = new uint[maxItems];
            _offsets = new int[maxItems];
            _lengths = new int[maxItems];
            _pool = new byte[poolBytes];
        }

        /// <summary>How many objects are stored.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Stores (or replaces) a value; false when the store is full (nothing changes then).</summary>
        public bool Set(uint tag, byte[] value, int offset, int length)
        {
            if (length < 0 || _used + length > _pool.Length)
            {
                return false;
            }

            int i = IndexOf(tag);
            if (i < 0)
            {
                if (_count == _tags.Length)
                {
                    return false;
                }

                i = _count++;
                _tags[i] = tag;
            }

            // Replaced values stay in the pool until Clear: the pool is sized for one transaction.
            Array.Copy(value, offset, _pool, _used, length);
            _offsets[i] = _used;
            _lengths[i] = length;
            _used += length;
            return true;
        }

        /// <summary>Locates a value inside Pool; false when the tag is absent.</summary>
        public bool TryGet(uint tag, out int offset, out int length)
        {
            int i = IndexOf(tag);
            offset = i < 0 ? 0 : _offsets[i];
            length = i < 0 ? 0 : _lengths[i];
            return i >= 0;
        }

        /// <summary>The bytes TryGet's offsets point into.</summary>
        public byte[] Pool
        {
            get { return _pool; }
        }

        /// <summary>Forgets and zeroes everything.</summary>
        public void Clear()
        {
            Array.Clear(_pool, 0, _used);
            _count = 0;
            _used = 0;
        }

        private int IndexOf(uint tag)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_tags[i] == tag)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
