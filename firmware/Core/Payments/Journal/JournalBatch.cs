namespace PosFirmware.Payments.Journal
{
    /// <summary>
    /// Records that become durable together, in one open-append-close: a state change that must not
    /// be half-seen after a power cut (an approval and the clearing of its reversal) goes as one batch.
    /// Each record on flash: magic 0xA5, type, payload length (2 bytes, big-endian), payload, CRC-32
    /// (big-endian) of type, length and payload. One buffer, allocated once and reused.
    /// </summary>
    public sealed class JournalBatch
    {
        public const byte Magic = 0xA5;

        /// <summary>Bytes a record takes beyond its payload.</summary>
        public const int OverheadBytes = 8;

        /// <summary>Bytes before the payload: magic, type, payload length.</summary>
        public const int HeaderBytes = 4;

        private readonly byte[] _buffer;
        private int _length;
        private bool _overflow;

        // During compaction the batch streams into the new file: a full buffer is written to it
        // (still not durable: nothing is until the file's one close) and reused.
        private Hal.IFlashFile _spill;
        private Hal.FlashStatus _spillStatus;

        public JournalBatch(int capacityBytes)
        {
            _buffer = new byte[capacityBytes];
        }

        public byte[] Buffer
        {
            get { return _buffer; }
        }

        public int Length
        {
            get { return _length; }
        }

        /// <summary>True when an Add did not fit (the batch must not be committed).</summary>
        public bool Overflowed
        {
            get { return _overflow; }
        }

        public int Count { get; private set; }

        /// <summary>The record type in the header at buffer[at].</summary>
        public static byte TypeAt(byte[] buffer, int at)
        {
            return buffer[at + 1];
        }

        /// <summary>The payload length in the header at buffer[at].</summary>
        public static int PayloadLengthAt(byte[] buffer, int at)
        {
            return (buffer[at + 2] << 8) | buffer[at + 3];
        }

        /// <summary>
        /// Hands each record of the batch to reader, in order: what a commit made durable, as replay
        /// would see it. Not during compaction (spilled records are no longer in the buffer).
        /// </summary>
        public void ReadTo(IJournalReader reader)
        {
            // Each turn advances by at least OverheadBytes: at most Length / OverheadBytes turns.
            int p = 0;
            while (p < _length)
            {
                int length = PayloadLengthAt(_buffer, p);
                reader.OnRecord(TypeAt(_buffer, p), _buffer, p + HeaderBytes, length);
                p += OverheadBytes + length;
            }
        }

        internal void StartSpill(Hal.IFlashFile file)
        {
            Clear();
            _spill = file;
            _spillStatus = Hal.FlashStatus.Ok;
        }

        /// <summary>Writes what is left to the spill file and detaches it; the first write failure, or Ok.</summary>
        internal Hal.FlashStatus EndSpill()
        {
            if (_length > 0)
            {
                SpillNow();
            }

            _spill = null;
            return _spillStatus;
        }

        private void SpillNow()
        {
            Hal.FlashStatus s = _spill.Write(_buffer, 0, _length);
            if (s != Hal.FlashStatus.Ok && _spillStatus == Hal.FlashStatus.Ok)
            {
                _spillStatus = s;
                _overflow = true;
            }

            // The batch goes on (Count and any overflow stay); only the buffer is reused.
            EmptyBuffer();
        }

        public void Clear()
        {
            EmptyBuffer();
            _overflow = false;
            Count = 0;
        }

        private void EmptyBuffer()
        {
            // Records may hold a PAN (a pending reversal): do not leave it in RAM after use (I7).
            System.Array.Clear(_buffer, 0, _length);
            _length = 0;
        }

        /// <summary>Adds the payload a RecordWriter built; a writer that overflowed marks the batch overflowed.</summary>
        public bool Add(byte type, RecordWriter payload)
        {
            if (payload.Overflowed)
            {
                _overflow = true;
                return false;
            }

            return Add(type, payload.Buffer, 0, payload.Length);
        }

        /// <summary>Adds one record; false (and the batch marked overflowed) when it does not fit.</summary>
        public bool Add(byte type, byte[] payload, int offset, int length)
        {
            if (_spill != null && _length > 0 && _length + OverheadBytes + length > _buffer.Length)
            {
                SpillNow();
            }

            if (length < 0 || length > 0xFFFF || _length + OverheadBytes + length > _buffer.Length)
            {
                _overflow = true;
                return false;
            }

            int p = _length;
            _buffer[p] = Magic;
            _buffer[p + 1] = type;
            _buffer[p + 2] = (byte)(length >> 8);
            _buffer[p + 3] = (byte)length;
            System.Array.Copy(payload, offset, _buffer, p + 4, length);
            uint crc = Common.Crc32.Compute(_buffer, p + 1, 3 + length);
            int c = p + 4 + length;
            _buffer[c] = (byte)(crc >> 24);
            _buffer[c + 1] = (byte)(crc >> 16);
            _buffer[c + 2] = (byte)(crc >> 8);
            _buffer[c + 3] = (byte)crc;
            _length = c + 4;
            Count++;
            return true;
        }
    }
}
