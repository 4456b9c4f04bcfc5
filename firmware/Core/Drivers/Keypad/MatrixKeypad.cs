using PosFirmware.App.Input;
using PosFirmware.App.Ports;
using PosFirmware.Hal;

namespace PosFirmware.Drivers.Keypad
{
    /// <summary>
    /// A 4x4 membrane keypad on eight GPIO pins: rows are outputs, columns are inputs with pull-ups;
    /// a pressed key connects its row to its column, so a column reads low while its row is driven low.
    ///
    /// Scanning costs pin operations, and nanoCLR manages about 1.5 k GPIO writes per second
    /// (PLATFORM.md), so the idle scan drives all rows low once and then only reads the four columns;
    /// the full row-by-row scan runs only while some key is down.
    ///
    /// Debounce: a reading of the matrix counts only once it has been the same for DebounceMs
    /// (membrane contacts bounce for a few ms). A key is taken on its debounced press, once: holding
    /// it does not repeat. While two or more keys are down nothing new is taken (a 4x4 matrix without
    /// diodes cannot tell three keys from four: ghosting), so a palm on the keypad types nothing.
    /// </summary>
    public sealed class MatrixKeypad : IKeypadPort
    {
        public const int DebounceMs = 20;

        /// <summary>Scans no more often than this: the run loop may pass much faster.</summary>
        public const int ScanIntervalMs = 5;

        public const int QueueCapacity = 8;

        private readonly IPin[] _rows;
        private readonly IPin[] _columns;
        private readonly IClock _clock;
        private readonly KeyCode[] _layout;
        private readonly KeyQueue _queue = new KeyQueue(QueueCapacity);
        private int _raw;
        private long _rawSinceMs;
        private int _stable;
        private long _lastScanMs = long.MinValue;
        private bool _rowsIdle;

        public MatrixKeypad(IPin[] rows, IPin[] columns, IClock clock, KeyCode[] layout)
        {
            if (rows == null || columns == null || rows.Length * columns.Length > 31 || layout == null || layout.Length != rows.Length * columns.Length)
            {
                throw new System.ArgumentException("keypad: the layout must have a key for every row and column (at most 31)");
            }

            _rows = rows;
            _columns = columns;
            _clock = clock;
            _layout = layout;
            for (int c = 0; c < _columns.Length; c++)
            {
                _columns[c].SetMode(PinMode.InputPullUp);
            }

            for (int r = 0; r < _rows.Length; r++)
            {
                _rows[r].SetMode(PinMode.Output);
            }

            DriveAllRows(false);
        }

        /// <summary>Keys dropped because the queue was full.</summary>
        public int DroppedKeys
        {
            get { return _queue.Dropped; }
        }

        /// <summary>Scans (when due) and takes the oldest debounced key.</summary>
        public bool TryTakeKey(out KeyCode key)
        {
            Scan();
            return _queue.TryTake(out key);
        }

        /// <summary>Forgets keys typed ahead (e.g. before a PIN prompt).</summary>
        public void Flush()
        {
            _queue.Clear();
        }

        /// <summary>One scan of the matrix, if ScanIntervalMs has passed since the last.</summary>
        public void Scan()
        {
            long now = _clock.NowMs;
            if (_lastScanMs != long.MinValue && now - _lastScanMs < ScanIntervalMs)
            {
                return;
            }

            _lastScanMs = now;
            int reading = Read();
            if (reading != _raw)
            {
                _raw = reading;
                _rawSinceMs = now;
                return;
            }

            if (reading == _stable || now - _rawSinceMs < DebounceMs)
            {
                return;
            }

            int pressed = reading & ~_stable;
            _stable = reading;
            if (pressed != 0 && IsSingleKey(reading))
            {
                _queue.TryAdd(_layout[IndexOf(pressed)]);
            }
        }

        private int Read()
        {
            if (!_rowsIdle)
            {
                DriveAllRows(false);
            }

            bool any = false;
            for (int c = 0; c < _columns.Length; c++)
            {
                any |= !_columns[c].Read();
            }

            if (!any)
            {
                return 0;
            }

            int mask = 0;
            for (int r = 0; r < _rows.Length; r++)
            {
                for (int other = 0; other < _rows.Length; other++)
                {
                    _rows[other].Write(other != r);
                }

                for (int c = 0; c < _columns.Length; c++)
                {
                    if (!_columns[c].Read())
                    {
                        mask |= 1 << (r * _columns.Length + c);
                    }
                }
            }

            // Left with one row low; the next read puts all rows low again before it looks.
            _rowsIdle = false;
            return mask;
        }

        private void DriveAllRows(bool high)
        {
            for (int r = 0; r < _rows.Length; r++)
            {
                _rows[r].Write(high);
            }

            _rowsIdle = !high;
        }

        private static bool IsSingleKey(int mask)
        {
            return mask != 0 && (mask & (mask - 1)) == 0;
        }

        private static int IndexOf(int singleBit)
        {
            int index = 0;
            while ((singleBit & 1) == 0 && index < 31)
            {
                singleBit >>= 1;
                index++;
            }

            return index;
        }
    }
}
