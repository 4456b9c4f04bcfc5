namespace PosFirmware.Virtual.Flash;

/// <summary>
/// The flash's most recent operations in a ring of fixed capacity, oldest first. A list that drops
/// its first entry copies the whole log on every operation once full, which was most of a long
/// simulation's time; the ring grows to its capacity once and then overwrites in place.
/// </summary>
internal sealed class OperationLog : IReadOnlyList<FlashOperation>
{
    private readonly int _capacity;
    private FlashOperation[] _ring = Array.Empty<FlashOperation>();
    private int _start;

    public OperationLog(int capacity)
    {
        _capacity = capacity;
    }

    public int Count { get; private set; }

    public FlashOperation this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            return _ring[(_start + index) % _ring.Length];
        }
    }

    public void Add(FlashOperation op)
    {
        if (_capacity == 0)
        {
            return;
        }

        if (Count < _ring.Length)
        {
            _ring[(_start + Count++) % _ring.Length] = op;
            return;
        }

        if (_ring.Length < _capacity)
        {
            // Not yet at capacity: grow (the ring is in order here, _start is 0).
            Array.Resize(ref _ring, Math.Min(_capacity, Math.Max(64, _ring.Length * 2)));
            _ring[Count++] = op;
            return;
        }

        _ring[_start] = op;
        _start = (_start + 1) % _ring.Length;
    }

    public IEnumerator<FlashOperation> GetEnumerator()
    {
        for (int i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
