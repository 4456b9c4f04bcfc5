namespace PosFirmware.Payments.Journal
{
    /// <summary>
    /// Reads a record payload written by RecordWriter. Reading past the end sets Failed and returns
    /// zeros/nulls; the caller checks Failed once at the end (a record that fails is ignored whole).
    /// </summary>
    public sealed class RecordReader
    {
        private byte[] _buffer;
        private int _position;
        private int _end;

        public bool Failed { get; private set; }

        /// <summary>True when every byte was read and nothing failed.</summary>
        public bool Complete
        {
            get { return !Failed && _position == _end; }
        }

        /// <summary>True when nothing is left to read: fields added to a record later are optional at its end.</summary>
        public bool AtEnd
        {
            get { return _position >= _end; }
        }

        /// <summary>Bytes not read yet.</summary>
        public int Remaining
        {
            get { return _end - _position; }
        }

        public RecordReader Start(byte[] buffer, int offset, int length)
        {
            _buffer = buffer;
            _position = offset;
            _end = offset + length;
            Failed = false;
            return this;
        }

        public int U8()
        {
            if (_position >= _end)
            {
                Failed = true;
                return 0;
            }

            return _buffer[_position++];
        }

        public int U16()
        {
            int hi = U8();
            return (hi << 8) | U8();
        }

        public int I32()
        {
            int hi = U16();
            return (hi << 16) | U16();
        }

        public long I64()
        {
            long hi = I32();
            return (hi << 32) | (uint)I32();
        }

        public string Ascii()
        {
            int n = U8();
            if (n == 255 || Failed)
            {
                return null;
            }

            if (_end - _position < n)
            {
                Failed = true;
                return null;
            }

            char[] c = new char[n];
            for (int i = 0; i < n; i++)
            {
                c[i] = (char)_buffer[_position++];
            }

            return new string(c);
        }

        public byte[] Bytes()
        {
            int n = U16();
            if (n == 0xFFFF || Failed)
            {
                return null;
            }

            if (_end - _position < n)
            {
                Failed = true;
                return null;
            }

            byte[] b = new byte[n];
            System.Array.Copy(_buffer, _position, b, 0, n);
            _position += n;
            return b;
        }
    }
}
