using System;
using PosFirmware.Hal;

namespace PosFirmware.Virtual.Terminal;

/// <summary>An INetwork that reports every send the terminal makes (what it sent, not what arrived).</summary>
public sealed class ObservedNetwork : INetwork
{
    private readonly INetwork _inner;

    public ObservedNetwork(INetwork inner)
    {
        _inner = inner;
    }

    /// <summary>Called with each frame the terminal sends (a copy).</summary>
    public Action<byte[]>? OnSend { get; set; }

    public bool IsLinkUp => _inner.IsLinkUp;

    public NetState State => _inner.State;

    public NetStatus LastError => _inner.LastError;

    public NetStatus Connect(string host, int port, Deadline deadline) => _inner.Connect(host, port, deadline);

    public NetStatus Send(byte[] data, int offset, int count, Deadline deadline)
    {
        OnSend?.Invoke(data.AsSpan(offset, count).ToArray());
        return _inner.Send(data, offset, count, deadline);
    }

    public int Receive(byte[] buffer, int offset, int count) => _inner.Receive(buffer, offset, count);

    public void Close() => _inner.Close();
}
