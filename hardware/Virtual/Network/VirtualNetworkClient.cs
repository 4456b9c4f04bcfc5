using PosFirmware.Hal;

namespace PosFirmware.Virtual.Network;

/// <summary>
/// A terminal's INetwork on the virtual network: its own Wi-Fi link (SetLinkUp) under the
/// network's partitions, and one TCP connection at a time.
/// </summary>
public sealed class VirtualNetworkClient : INetwork
{
    private readonly VirtualNetwork _network;
    private VirtualSocket? _socket;
    private Deadline _connectDeadline;
    private NetStatus _lastError;
    private int _connectionCount;

    internal VirtualNetworkClient(VirtualNetwork network, string name)
    {
        _network = network;
        Name = name;
    }

    public string Name { get; }

    /// <summary>This terminal's own Wi-Fi, apart from network-wide partitions.</summary>
    public bool IsWifiUp { get; private set; } = true;

    public bool IsLinkUp => IsWifiUp && !_network.IsPartitioned;

    public NetState State
    {
        get
        {
            Refresh();
            return _socket?.State ?? NetState.Closed;
        }
    }

    public NetStatus LastError
    {
        get
        {
            Refresh();
            return _socket != null && _socket.State == NetState.Failed ? _socket.LastError : _lastError;
        }
    }

    /// <summary>Takes this terminal's Wi-Fi down or up; down fails the open connection.</summary>
    public void SetLinkUp(bool up)
    {
        IsWifiUp = up;
        if (!up)
        {
            _socket?.Fail(NetStatus.LinkDown);
        }
    }

    public NetStatus Connect(string host, int port, Deadline deadline)
    {
        Refresh();
        if (_socket != null && (_socket.State == NetState.Connecting || _socket.State == NetState.Connected))
        {
            return _lastError = NetStatus.Busy;
        }

        Close();
        if (!IsLinkUp)
        {
            return _lastError = NetStatus.LinkDown;
        }

        _connectionCount++;
        var socket = new VirtualSocket(_network, $"{Name}#{_connectionCount} -> {host}:{port}", isClientSide: true);
        NetStatus status = _network.BeginConnect(socket, host, port);
        if (status != NetStatus.Ok)
        {
            return _lastError = status;
        }

        _socket = socket;
        _connectDeadline = deadline;
        _lastError = NetStatus.Ok;
        Refresh();
        return NetStatus.Ok;
    }

    public NetStatus Send(byte[] data, int offset, int count, Deadline deadline)
    {
        Refresh();
        if (!IsLinkUp)
        {
            _socket?.Fail(NetStatus.LinkDown);
            return _lastError = NetStatus.LinkDown;
        }

        if (_socket == null)
        {
            return _lastError = NetStatus.NotConnected;
        }

        // Virtual sends never wait for buffer space, so the deadline cannot pass during one.
        return _socket.Send(data, offset, count);
    }

    public int Receive(byte[] buffer, int offset, int count)
    {
        Refresh();
        return _socket?.Receive(buffer, offset, count) ?? 0;
    }

    public void Close()
    {
        _socket?.Close();
        _socket = null;
        _lastError = NetStatus.Ok;
    }

    private void Refresh()
    {
        _network.Pump();
        if (_socket != null && _socket.State == NetState.Connecting && _connectDeadline.HasExpired(_network.NowMs))
        {
            _socket.Fail(NetStatus.TimedOut);
        }

        if (_socket != null && !IsLinkUp)
        {
            _socket.Fail(NetStatus.LinkDown);
        }
    }
}
