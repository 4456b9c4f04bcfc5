using PosFirmware.Hal;

namespace PosFirmware.Virtual.Network;

/// <summary>
/// One end of a virtual TCP connection. Bytes arrive in order, each segment at its delivery
/// time on the simulated clock; Receive takes what has arrived and never blocks.
/// </summary>
public sealed class VirtualSocket
{
    private readonly VirtualNetwork _network;
    private readonly LinkedList<Segment> _inbound = new();
    private long _lastDeliveryMs;

    internal VirtualSocket(VirtualNetwork network, string name, bool isClientSide)
    {
        _network = network;
        Name = name;
        IsClientSide = isClientSide;
    }

    /// <summary>True for the terminal's end, which a Wi-Fi loss fails at once.</summary>
    internal bool IsClientSide { get; }

    /// <summary>A readable name for traces ("terminal-3 -> host:5000").</summary>
    public string Name { get; }

    internal VirtualSocket? Peer { get; set; }

    /// <summary>Connected until a reset, a close by either side, or a partition kills it.</summary>
    public NetState State { get; internal set; } = NetState.Connecting;

    /// <summary>Why the connection ended (Ok while it is open).</summary>
    public NetStatus LastError { get; internal set; }

    /// <summary>Bytes that have arrived and not been read.</summary>
    public int Available
    {
        get
        {
            _network.Pump();
            long now = _network.NowMs;
            int n = 0;
            foreach (var s in _inbound)
            {
                if (s.DeliverAtMs > now)
                {
                    break;
                }

                n += s.Data.Length - s.Offset;
            }

            return n;
        }
    }

    /// <summary>Sends a segment to the peer through the network's faults.</summary>
    public NetStatus Send(byte[] data, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (offset < 0 || count < 0 || offset > data.Length - count)
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        _network.Pump();
        if (State != NetState.Connected)
        {
            return State == NetState.Failed ? LastError : NetStatus.NotConnected;
        }

        return _network.Transmit(this, data.AsSpan(offset, count).ToArray());
    }

    /// <summary>Copies up to count arrived bytes; 0 when none have arrived.</summary>
    public int Receive(byte[] buffer, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (offset < 0 || count < 0 || offset > buffer.Length - count)
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        _network.Pump();
        long now = _network.NowMs;
        int copied = 0;
        while (copied < count && _inbound.First is { } node && node.Value.DeliverAtMs <= now)
        {
            var seg = node.Value;
            int n = Math.Min(count - copied, seg.Data.Length - seg.Offset);
            Array.Copy(seg.Data, seg.Offset, buffer, offset + copied, n);
            copied += n;
            seg.Offset += n;
            if (seg.Offset == seg.Data.Length)
            {
                _inbound.RemoveFirst();
            }
        }

        return copied;
    }

    /// <summary>Closes in order: the peer sees ClosedByPeer once the bytes before it arrive.</summary>
    public void Close()
    {
        _network.Pump();
        if (State == NetState.Connected || State == NetState.Connecting)
        {
            _network.SendFin(this);
        }

        State = NetState.Closed;
        _inbound.Clear();
    }

    internal long NextDeliveryMs => _inbound.First?.Value.DeliverAtMs ?? long.MaxValue;

    internal void Enqueue(byte[] data, long deliverAtMs, bool isFin = false)
    {
        // TCP keeps order: a segment never overtakes the one sent before it.
        long at = Math.Max(deliverAtMs, _lastDeliveryMs);
        _lastDeliveryMs = at;
        _inbound.AddLast(new Segment(data, at, isFin));
    }

    internal void Fail(NetStatus why)
    {
        if (State == NetState.Connected || State == NetState.Connecting)
        {
            State = NetState.Failed;
            LastError = why;
        }
    }

    internal void DropInFlight(long nowMs, Action<int> count)
    {
        var node = _inbound.First;
        while (node != null)
        {
            var next = node.Next;
            if (node.Value.DeliverAtMs > nowMs)
            {
                count(1);
                _inbound.Remove(node);
            }

            node = next;
        }
    }

    /// <summary>Processes a FIN that has arrived: after the data before it, the connection ends.</summary>
    internal void ApplyArrivedFin(long nowMs)
    {
        var node = _inbound.First;
        while (node != null && node.Value.DeliverAtMs <= nowMs)
        {
            if (node.Value.IsFin)
            {
                _inbound.Remove(node);
                Fail(NetStatus.ClosedByPeer);
                return;
            }

            node = node.Next;
        }
    }

    internal sealed class Segment
    {
        public Segment(byte[] data, long deliverAtMs, bool isFin)
        {
            Data = data;
            DeliverAtMs = deliverAtMs;
            IsFin = isFin;
        }

        public byte[] Data { get; }

        public long DeliverAtMs { get; }

        public bool IsFin { get; }

        public int Offset { get; set; }
    }
}
