using PosFirmware.Hal;

namespace PosFirmware.Virtual.Flash;

/// <summary>A file open for writing on the VirtualFlash: pending bytes live here until Close.</summary>
internal sealed class FlashFileHandle : IFlashFile
{
    private readonly VirtualFlash _flash;
    private readonly int _epoch;
    private byte[] _pending = new byte[256];
    private int _pendingCount;
    private bool _isClosed;

    public FlashFileHandle(VirtualFlash flash, string name, int epoch)
    {
        _flash = flash;
        _epoch = epoch;
        Name = name;
    }

    public string Name { get; }

    public int PendingCount => _pendingCount;

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
        using var op = _flash.Begin("close", Name, _pendingCount);
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
        if (_pendingCount + count > _pending.Length)
        {
            Array.Resize(ref _pending, Math.Max(_pending.Length * 2, _pendingCount + count));
        }

        Array.Copy(data, offset, _pending, _pendingCount, count);
        _pendingCount += count;
    }

    internal byte[] TakePending()
    {
        byte[] bytes = _pending.AsSpan(0, _pendingCount).ToArray();
        _pendingCount = 0;
        return bytes;
    }

    internal void Kill()
    {
        _pendingCount = 0;
        _isClosed = true;
    }
}
