using PosFirmware.Hal;
using PosFirmware.Virtual.Random;

namespace PosFirmware.Virtual.Parts.Keypad;

/// <summary>
/// A 4x4 membrane keypad as the GPIO pins see it: row pins the driver drives, column pins with
/// pull-ups that read low when a closed key joins them to a row driven low. Keys are pressed and
/// released by the test (or the virtual terminal's page); for BounceMs after each change the contact
/// chatters, reading open or closed at random from the seeded source, as real membrane domes do.
/// Counts pin operations so tests can show what a scan costs.
/// </summary>
public sealed class VirtualKeypadMatrix
{
    private readonly IClock _clock;
    private readonly SeededRandom _random;
    private readonly bool[] _closed;
    private readonly long[] _changedAtMs;
    private readonly bool[] _rowHigh;

    public VirtualKeypadMatrix(IClock clock, long seed, int rows = 4, int columns = 4)
    {
        _clock = clock;
        _random = new SeededRandom(seed);
        RowCount = rows;
        ColumnCount = columns;
        _closed = new bool[rows * columns];
        _changedAtMs = new long[rows * columns];
        Array.Fill(_changedAtMs, long.MinValue / 2);
        _rowHigh = new bool[rows];
        Array.Fill(_rowHigh, true);
        Rows = Enumerable.Range(0, rows).Select(r => (IPin)new RowPin(this, r)).ToArray();
        Columns = Enumerable.Range(0, columns).Select(c => (IPin)new ColumnPin(this, c)).ToArray();
    }

    public int RowCount { get; }

    public int ColumnCount { get; }

    public IPin[] Rows { get; }

    public IPin[] Columns { get; }

    /// <summary>How long a contact chatters after it moves.</summary>
    public int BounceMs { get; set; }

    public long PinReads { get; private set; }

    public long PinWrites { get; private set; }

    public void Press(int index) => Set(index, true);

    public void Release(int index) => Set(index, false);

    public bool IsDown(int index) => _closed[index];

    private void Set(int index, bool closed)
    {
        if (_closed[index] != closed)
        {
            _closed[index] = closed;
            _changedAtMs[index] = _clock.NowMs;
        }
    }

    private bool Contact(int index)
    {
        if (_clock.NowMs - _changedAtMs[index] < BounceMs)
        {
            return _random.Chance(0.5);
        }

        return _closed[index];
    }

    private bool ReadColumn(int column)
    {
        PinReads++;
        for (int r = 0; r < RowCount; r++)
        {
            if (!_rowHigh[r] && Contact(r * ColumnCount + column))
            {
                return false;
            }
        }

        return true;
    }

    private sealed class RowPin : IPin
    {
        private readonly VirtualKeypadMatrix _matrix;
        private readonly int _row;
        private PinMode _mode = PinMode.Input;

        public RowPin(VirtualKeypadMatrix matrix, int row)
        {
            _matrix = matrix;
            _row = row;
        }

        public int Number => 12 + _row;

        public void SetMode(PinMode mode) => _mode = mode;

        public bool Read() => _matrix._rowHigh[_row];

        public void Write(bool high)
        {
            if (_mode != PinMode.Output)
            {
                throw new InvalidOperationException($"row pin {Number} written while not an output");
            }

            _matrix.PinWrites++;
            _matrix._rowHigh[_row] = high;
        }
    }

    private sealed class ColumnPin : IPin
    {
        private readonly VirtualKeypadMatrix _matrix;
        private readonly int _column;
        private PinMode _mode = PinMode.Input;

        public ColumnPin(VirtualKeypadMatrix matrix, int column)
        {
            _matrix = matrix;
            _column = column;
        }

        public int Number => 32 + _column;

        public void SetMode(PinMode mode) => _mode = mode;

        public bool Read()
        {
            // Without the pull-up an open column floats: the driver must ask for it.
            if (_mode != PinMode.InputPullUp)
            {
                throw new InvalidOperationException($"column pin {Number} read without its pull-up");
            }

            return _matrix.ReadColumn(_column);
        }

        public void Write(bool high) => throw new InvalidOperationException($"column pin {Number} is an input");
    }
}
