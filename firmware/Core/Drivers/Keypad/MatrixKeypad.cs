using PosFirmware.Devices;
using PosFirmware.Hal;

namespace PosFirmware.Drivers.Keypad
{
    /// <summary>
    /// A 4x4 membrane keypad on eight GPIO pins: rows are outputs, columns are inputs with pull-ups;
    /// a pressed key connects its row to its column, so a column reads low while its row is driven low.
    ///
    /// Scanning costs pin operations, and nanoCLR manages about 1.5 k GPIO writes per second
    /// (PLATFORM.md), so the idle scan drives all rows low once and then only reads the four columns;
    /// the full row-by-row scan runs only when some key goes down, and while one key is held only its
    /// row is driven and the four columns read. Pins are written only when their level changes.
    ///
    /// Debounce: a reading of the matrix counts only once it has been the same for DebounceMs
    /// (membrane contacts bounce for a few ms). A key is taken on its debounced press, once: holding
    /// it does not repeat. While two or more keys are down nothing new is taken (a 4x4 matrix without
    /// diodes cannot tell three keys from four: ghosting), so a palm on the keypad types nothing.
    /// </summary>
    public sealed class MatrixKeypad : IKeypadPort
    {
        public const int DebounceMs = 20;

        /// <summary>Scans no more often than this (twice per debounce time): the run loop may pass much faster.</summary>
        public const int ScanIntervalMs = 10;

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
        private readonly bool[] _rowHigh = new bool[8];
        private readonly bool[] _rowKnown = new bool[8];
        private int _heldRow = -1;
        private int _heldMask;

        public MatrixKeypad(IPin[] rows, IPin[] columns, IClock clock, KeyCode[] layout)
        {
            if (rows == null || columns == null || rows.Length > 8 || rows.Length * columns.Length > 31 || layout == null || layout.Length != rows.Length * columns.Length)
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

            DriveAllLow();
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
            // A single key held: its row alone is low, so reading the columns says whether it is
            // still the only key in that row. New keys elsewhere are not taken while one is held
            // (ghosting rule), so this is all the scan needs until the key moves.
            if (_heldRow >= 0)
            {
                int held = ReadColumns(_heldRow);
                if (held == _heldMask)
                {
                    return held;
                }
            }

            _heldRow = -1;
            DriveAllLow();
            if (ReadColumns(0) == 0)
            {
                return 0;
            }

            int mask = 0;
            for (int r = 0; r < _rows.Length; r++)
            {
                SelectRow(r);
                mask |= ReadColumns(r);
            }

            if (IsSingleKey(mask))
            {
                _heldRow = IndexOf(mask) / _columns.Length;
                _heldMask = mask;
                SelectRow(_heldRow);
            }

            return mask;
        }

        /// <summary>The columns reading low, as key bits of the given row.</summary>
        private int ReadColumns(int row)
        {
            int mask = 0;
            for (int c = 0; c < _columns.Length; c++)
            {
                if (!_columns[c].Read())
                {
                    mask |= 1 << (row * _columns.Length + c);
                }
            }

            return mask;
        }

        private void DriveAllLow()
        {
            for (int r = 0; r < _rows.Length; r++)
            {
                DriveRow(r, false);
            }
        }

        /// <summary>Only this row low.</summary>
        private void SelectRow(int row)
        {
            for (int r = 0; r < _rows.Length; r++)
            {
                DriveRow(r, r != row);
            }
        }

        /// <summary>Drives a row, writing the pin only when its level changes (GPIO writes are slow in nanoCLR).</summary>
        private void DriveRow(int row, bool high)
        {
            if (_rowKnown[row] && _rowHigh[row] == high)
            {
                return;
            }

            _rows[row].Write(high);
            _rowHigh[row] = high;
            _rowKnown[row] = true;
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
