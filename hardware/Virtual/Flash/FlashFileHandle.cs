using PosFirmware.Hal;

namespace PosFirmware.Virtual.Flash;

/// <summary>A file open for writing on the VirtualFlash: pending bytes live here until Close.</summary>
internal sealed class FlashFileHandle : IFlashFile
{
    private readonly VirtualFlash _flash;
    private readonly int _epoch;
    private readonly List<byte> _pending = new();
    private bool _isClosed;

    public FlashFileHandle(VirtualFlash flash, string name, int epoch)
    {
        _flash = flash;
        _epoch = epoch;
        Name = name;
    }

    public string Name { get; }

    public int PendingCount => _pending.Count;

    public FlashStatus Write(byte[] data, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (offset < 0 || count < 0 || offset > data.Length - count)
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        using var op = _flash.Begin("write", Name, count);
        if (_isClosed || _epoch != _flash.PowerEpoch)
        {
            return FlashStatus.Closed;
        }

        return _flash.Append(this, data, offset, count);
    }

    public FlashStatus Close()
    {
        using var op = _flash.Begin("close", Name, _pending.Count);
        if (_isClosed || _epoch != _flash.PowerEpoch)
        {
            return FlashStatus.Closed;
        }

        _flash.Commit(this);
        _isClosed = true;
        op.Commit();
        return FlashStatus.Ok;
    }

    internal void AddPending(byte[] data, int offset, int count)
    {
        for (int i = 0; i < count; i++)
        {
            _pending.Add(data[offset + i]);
        }
    }

    internal byte[] TakePending()
    {
        byte[] bytes = _pending.ToArray();
        _pending.Clear();
        return bytes;
    }

    internal void Kill()
    {
        _pending.Clear();
        _isClosed = true;
    }
}
