using PosFirmware.Hal;

namespace PosFirmware.Drivers.Magstripe
{
    /// <summary>
    /// A serial magstripe module (decoding head and UART in one part, 9600 8N1). Collects one line
    /// per swipe, at most MsrParser.MaxLineBytes; a line ends at CR or LF, or when no byte has come
    /// for LineGapMs (a module configured without a terminator, or a swipe cut off). Poll never
    /// blocks and reads at most MaxBytesPerPoll bytes per call, so a babbling module cannot hold
    /// the run loop.
    /// </summary>
    public sealed class MsrReader
    {
        /// <summary>A swipe arrives in one burst (about 1 ms per byte at 9600 baud).</summary>
        public const int LineGapMs = 100;

        public const int MaxBytesPerPoll = 64;

        private readonly ISerialPort _port;
        private readonly IClock _clock;
        private readonly MsrFormat _format;
        private readonly byte[] _line = PosFirmware.Security.SecretBuffers.New(MsrParser.MaxLineBytes);
        private readonly byte[] _chunk = PosFirmware.Security.SecretBuffers.New(MaxBytesPerPoll);
        private int _count;
        private bool _overflow;
        private long _lastByteMs;

        public MsrReader(ISerialPort port, IClock clock, MsrFormat format)
        {
            _port = port;
            _clock = clock;
            _format = format;
        }

        /// <summary>Drops a swipe in progress and everything the module sent (a swipe while not reading is forgotten).</summary>
        public void Reset()
        {
            _port.DiscardInBuffer();
            System.Array.Clear(_line, 0, _line.Length);
            _count = 0;
            _overflow = false;
        }

        /// <summary>True when a swipe finished: status Ok with swipe filled, or why it was refused.</summary>
        public bool Poll(MsrSwipe swipe, out MsrStatus status)
        {
            status = MsrStatus.Empty;
            long now = _clock.NowMs;
            int got = _port.Read(_chunk, 0, _chunk.Length);
            for (int i = 0; i < got; i++)
            {
                byte b = _chunk[i];
                if (b == (byte)'\r' || b == (byte)'\n')
                {
                    if (_count > 0 || _overflow)
                    {
                        // One swipe per read: bytes after the line end (a second swipe made
                        // while this one was handled) are dropped with the chunk.
                        status = Finish(swipe);
                        System.Array.Clear(_chunk, 0, got);
                        return true;
                    }

                    continue;
                }

                _lastByteMs = now;
                if (_count < _line.Length)
                {
                    _line[_count++] = b;
                }
                else
                {
                    _overflow = true;
                }
            }

            System.Array.Clear(_chunk, 0, got);
            if ((_count > 0 || _overflow) && now - _lastByteMs >= LineGapMs)
            {
                status = Finish(swipe);
                return true;
            }

            return false;
        }

        private MsrStatus Finish(MsrSwipe swipe)
        {
            MsrStatus status = _overflow ? MsrStatus.TooLong : MsrParser.Parse(_line, _count, _format, swipe);
            if (_overflow)
            {
                swipe.Clear();
            }

            // Track data lives in the swipe object only (invariant I7): wipe the raw line.
            System.Array.Clear(_line, 0, _line.Length);
            _count = 0;
            _overflow = false;
            return status;
        }
    }
}
