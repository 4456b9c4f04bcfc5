namespace PosFirmware.Virtual.Network;

/// <summary>A host endpoint on the virtual network; it queues connections until accepted.</summary>
public sealed class VirtualListener
{
    private readonly Queue<VirtualSocket> _pending = new();
    private readonly VirtualNetwork _network;

    internal VirtualListener(VirtualNetwork network, string host, int port, int backlog)
    {
        _network = network;
        Host = host;
        Port = port;
        Backlog = backlog;
    }

    public string Host { get; }

    public int Port { get; }

    /// <summary>Connections beyond this many waiting to be accepted are refused.</summary>
    public int Backlog { get; }

    public bool IsClosed { get; private set; }

    public int PendingCount
    {
        get
        {
            _network.Pump();
            return _pending.Count;
        }
    }

    /// <summary>The next established connection, or null when none is waiting.</summary>
    public VirtualSocket? Accept()
    {
        _network.Pump();
        return _pending.Count > 0 ? _pending.Dequeue() : null;
    }

    /// <summary>Stops listening; later connection attempts are refused.</summary>
    public void Close()
    {
        IsClosed = true;
        _network.RemoveListener(this);
    }

    internal bool TryEnqueue(VirtualSocket socket)
    {
        if (IsClosed || _pending.Count >= Backlog)
        {
            return false;
        }

        _pending.Enqueue(socket);
        return true;
    }
}
