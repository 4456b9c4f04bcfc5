namespace PosFirmware.Payments.Journal
{
    /// <summary>
    /// Builds a record payload in a reused buffer: big-endian integers, short ASCII strings and byte
    /// strings with a one- or two-byte length. Writing past the end sets Overflowed instead of throwing.
    /// </summary>
    public sealed class RecordWriter
    {
        private readonly byte[] _buffer;

        public RecordWriter(int capacityBytes)
        {
            _buffer = new byte[capacityBytes];
        }

        public byte[] Buffer
        {
            get { return _buffer; }
        }

        public int Length { get; private set; }

        public bool Overflowed { get; private set; }

        public RecordWriter Reset()
        {
            System.Array.Clear(_buffer, 0, Length);
            Length = 0;
            Overflowed = false;
            return this;
        }

        public RecordWriter U8(int value)
        {
            if (Room(1))
            {
                _buffer[Length++] = (byte)value;
            }

            return this;
        }

        public RecordWriter U16(int value)
        {
            return U8(value >> 8).U8(value);
        }

        public RecordWriter I32(int value)
        {
            return U16(value >> 16).U16(value & 0xFFFF);
        }

        public RecordWriter I64(long value)
        {
            return I32((int)(value >> 32)).I32((int)(value & 0xFFFFFFFF));
        }

        /// <summary>A string of characters below 0x80 (0..254 characters); null is written as 255.</summary>
        public RecordWriter Ascii(string value)
        {
            if (value == null)
            {
                return U8(255);
            }

            if (value.Length > 254)
            {
                Overflowed = true;
                return this;
            }

            U8(value.Length);
            for (int i = 0; i < value.Length; i++)
            {
                U8(value[i] < 0x80 ? value[i] : '?');
            }

            return this;
        }

        /// <summary>All of value (Bytes(value, 0, value.Length)); null is written as 0xFFFF.</summary>
        public RecordWriter Bytes(byte[] value)
        {
            return Bytes(value, 0, value == null ? 0 : value.Length);
        }

        /// <summary>Bytes with a two-byte length; null is written as 0xFFFF.</summary>
        public RecordWriter Bytes(byte[] value, int offset, int count)
        {
            if (value == null)
            {
                return U16(0xFFFF);
            }

            U16(count);
            if (Room(count))
            {
                System.Array.Copy(value, offset, _buffer, Length, count);
                Length += count;
            }

            return this;
        }

        private bool Room(int count)
        {
            if (Length + count > _buffer.Length)
            {
                Overflowed = true;
                return false;
            }

            return true;
        }
    }
}
