using PosFirmware.Hal;

namespace PosFirmware.Virtual.Parts.Serial;

/// <summary>
/// The driver's end of a UART whose other end is a chip model. Bytes the model sends arrive at the
/// line's speed on the injected clock (10 bits per byte for 8N1): a 100-byte answer at 115 200 baud
/// is readable about 9 ms after it was sent, so drivers meet real timing and their deadlines matter.
/// BaudRate 0 delivers at once. Everything the driver writes goes to the model's handler.
/// </summary>
public sealed class VirtualSerialPort : ISerialPort
{
    private readonly IClock _clock;
    private readonly Queue<(byte Value, long AtMs)> _incoming = new();
    private long _lineFreeAtMs;

    public VirtualSerialPort(IClock clock, int baudRate)
    {
        _clock = clock;
        BaudRate = baudRate;
    }

    public int BaudRate { get; }

    /// <summary>Called with every write from the driver (the model's receive side).</summary>
    public Action<byte[]>? OnWrite { get; set; }

    /// <summary>When true, writes fail as an unpowered or unconfigured UART does.</summary>
    public bool Closed { get; set; }

    public long BytesWritten { get; private set; }

    public long BytesRead { get; private set; }

    /// <summary>Bytes sent by the model that the driver has not read (arrived or still on the wire).</summary>
    public int Pending => _incoming.Count;

    public int BytesToRead => _incoming.Count(b => b.AtMs <= _clock.NowMs);

    /// <summary>The model sends bytes: they arrive one after another at the line's speed.</summary>
    public void Send(byte[] data) => Send(data, 0);

    /// <summary>The model sends bytes after working on something for delayMs.</summary>
    public void Send(byte[] data, int delayMs)
    {
        long now = _clock.NowMs + delayMs;
        double perByteMs = BaudRate == 0 ? 0 : 10_000.0 / BaudRate;
        double at = Math.Max(now, _lineFreeAtMs);
        foreach (byte b in data)
        {
            at += perByteMs;
            _incoming.Enqueue((b, (long)Math.Ceiling(at)));
        }

        _lineFreeAtMs = (long)Math.Ceiling(at);
    }

    public int Read(byte[] buffer, int offset, int count)
    {
        int n = 0;
        long now = _clock.NowMs;
        while (n < count && _incoming.Count > 0 && _incoming.Peek().AtMs <= now)
        {
            buffer[offset + n++] = _incoming.Dequeue().Value;
        }

        BytesRead += n;
        return n;
    }

    /// <summary>
    /// Holds the driver's writes in a fixed buffer until DeliverWrites, so a benchmark counts what the
    /// driver allocates and not what the model does when it hears the bytes.
    /// </summary>
    public bool DeferWrites { get; set; }

    private readonly byte[] _deferred = new byte[64 * 1024];
    private int _deferredCount;

    public SerialStatus Write(byte[] data, int offset, int count)
    {
        if (Closed)
        {
            return SerialStatus.NotOpen;
        }

        BytesWritten += count;
        if (DeferWrites)
        {
            if (_deferredCount + count > _deferred.Length)
            {
                return SerialStatus.Timeout;
            }

            Array.Copy(data, offset, _deferred, _deferredCount, count);
            _deferredCount += count;
            return SerialStatus.Ok;
        }

        OnWrite?.Invoke(data.AsSpan(offset, count).ToArray());
        return SerialStatus.Ok;
    }

    /// <summary>Hands the deferred writes to the model.</summary>
    public void DeliverWrites()
    {
        if (_deferredCount > 0)
        {
            byte[] bytes = _deferred.AsSpan(0, _deferredCount).ToArray();
            _deferredCount = 0;
            OnWrite?.Invoke(bytes);
        }
    }

    public void DiscardInBuffer()
    {
        long now = _clock.NowMs;
        while (_incoming.Count > 0 && _incoming.Peek().AtMs <= now)
        {
            _incoming.Dequeue();
        }
    }
}
