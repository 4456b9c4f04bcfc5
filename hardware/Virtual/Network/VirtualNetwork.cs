using PosFirmware.Hal;
using PosFirmware.Virtual.Random;

namespace PosFirmware.Virtual.Network;

/// <summary>
/// A simulated IP network on the simulated clock: terminals connect through
/// VirtualNetworkClient (an INetwork), hosts listen with VirtualListener. Every delay and fault
/// is drawn from one seeded stream, so a run replays exactly. Time moves only with the clock;
/// the network catches up lazily (Pump) whenever any of its objects is used.
/// Faults: latency, drop, duplicate, corrupt, reset, refuse (see NetworkFaults), partitions
/// (the Wi-Fi link of every terminal goes down) and ResetAll (every connection reset at once).
/// </summary>
public sealed class VirtualNetwork
{
    private readonly IClock _clock;
    private readonly SeededRandom _random;
    private readonly Dictionary<(string Host, int Port), VirtualListener> _listeners = new();
    private readonly HashSet<string> _knownHosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<PendingConnect> _connects = new();
    private readonly List<(VirtualSocket Socket, long AtMs)> _resets = new();
    private readonly List<VirtualSocket> _sockets = new();
    private int _clientCount;

    public VirtualNetwork(IClock clock, SeededRandom random)
    {
        _clock = clock;
        _random = random;
    }

    public NetworkFaults Faults { get; } = new();

    public NetworkStats Stats { get; } = new();

    /// <summary>True while every terminal's link is down.</summary>
    public bool IsPartitioned { get; private set; }

    internal long NowMs => _clock.NowMs;

    /// <summary>Starts a host listening at host:port.</summary>
    public VirtualListener Listen(string host, int port, int backlog = 128)
    {
        if (_listeners.ContainsKey((host, port)))
        {
            throw new InvalidOperationException($"{host}:{port} is already listening");
        }

        var listener = new VirtualListener(this, host, port, backlog);
        _listeners[(host, port)] = listener;
        _knownHosts.Add(host);
        return listener;
    }

    /// <summary>A terminal's connection to this network (its Wi-Fi).</summary>
    public VirtualNetworkClient CreateClient(string? name = null)
    {
        _clientCount++;
        return new VirtualNetworkClient(this, name ?? $"terminal-{_clientCount}");
    }

    /// <summary>Brings every terminal's link down (true) or back (false). Bytes in flight are lost.</summary>
    public void SetPartitioned(bool partitioned)
    {
        Pump();
        if (partitioned && !IsPartitioned)
        {
            Stats.Partitions++;
            foreach (var s in _sockets)
            {
                s.DropInFlight(NowMs, n => Stats.LostToPartition += n);
                if (s.IsClientSide)
                {
                    s.Fail(NetStatus.LinkDown);
                }
            }
        }

        IsPartitioned = partitioned;
    }

    /// <summary>Resets every open connection now (a router reboot, a host restart).</summary>
    public void ResetAll()
    {
        Pump();
        foreach (var s in _sockets)
        {
            if (s.State == NetState.Connected || s.State == NetState.Connecting)
            {
                s.Fail(NetStatus.Reset);
                Stats.Resets++;
            }
        }
    }

    /// <summary>
    /// The earliest simulated time at which something will arrive or complete, or long.MaxValue:
    /// a simulation may advance its clock straight there.
    /// </summary>
    public long NextEventMs
    {
        get
        {
            Pump();
            long next = long.MaxValue;
            foreach (var c in _connects)
            {
                next = Math.Min(next, c.AtMs);
            }

            foreach (var r in _resets)
            {
                next = Math.Min(next, r.AtMs);
            }

            foreach (var s in _sockets)
            {
                long d = s.NextDeliveryMs;
                if (d > NowMs)
                {
                    next = Math.Min(next, d);
                }
            }

            return next;
        }
    }

    /// <summary>Carries out everything due by the clock's current time.</summary>
    public void Pump()
    {
        long now = NowMs;
        for (int i = 0; i < _connects.Count; i++)
        {
            var c = _connects[i];
            if (c.AtMs <= now)
            {
                _connects.RemoveAt(i--);
                Complete(c);
            }
        }

        for (int i = 0; i < _resets.Count; i++)
        {
            var (socket, at) = _resets[i];
            if (at <= now)
            {
                _resets.RemoveAt(i--);
                if (socket.State == NetState.Connected)
                {
                    Stats.Resets++;
                }

                socket.Fail(NetStatus.Reset);
                socket.Peer?.Fail(NetStatus.Reset);
            }
        }

        foreach (var s in _sockets)
        {
            s.ApplyArrivedFin(now);
        }

        // Forget sockets nobody can read from any more, so long simulations do not grow.
        _sockets.RemoveAll(s => s.State == NetState.Closed || (s.State == NetState.Failed && s.NextDeliveryMs == long.MaxValue));
    }

    internal NetStatus BeginConnect(VirtualSocket clientSocket, string host, int port)
    {
        if (!_knownHosts.Contains(host))
        {
            return NetStatus.UnknownHost;
        }

        _sockets.Add(clientSocket);
        // A handshake is a round trip.
        long at = NowMs + Latency() + Latency();
        bool refused = !_listeners.ContainsKey((host, port)) || _random.Chance(Faults.RefuseProbability);
        _connects.Add(new PendingConnect(clientSocket, host, port, at, refused));
        return NetStatus.Ok;
    }

    internal NetStatus Transmit(VirtualSocket from, byte[] data)
    {
        Stats.SegmentsSent++;
        var to = from.Peer;
        if (to == null || to.State == NetState.Closed)
        {
            return NetStatus.Ok;
        }

        if (IsPartitioned)
        {
            Stats.LostToPartition++;
            return NetStatus.Ok;
        }

        long at = NowMs + Latency();
        if (_random.Chance(Faults.ResetProbability))
        {
            _resets.Add((from, at));
            return NetStatus.Ok;
        }

        if (_random.Chance(Faults.DropProbability))
        {
            Stats.Dropped++;
            return NetStatus.Ok;
        }

        if (data.Length > 0 && _random.Chance(Faults.CorruptProbability))
        {
            Stats.Corrupted++;
            long bit = _random.NextLong(data.Length * 8L);
            data[bit / 8] ^= (byte)(1 << (int)(bit % 8));
        }

        to.Enqueue(data, at);
        Stats.SegmentsDelivered++;
        if (_random.Chance(Faults.DuplicateProbability))
        {
            Stats.Duplicated++;
            to.Enqueue((byte[])data.Clone(), at);
        }

        return NetStatus.Ok;
    }

    internal void SendFin(VirtualSocket from)
    {
        var to = from.Peer;
        if (to != null && !IsPartitioned)
        {
            to.Enqueue(Array.Empty<byte>(), NowMs + Latency(), isFin: true);
        }
    }

    internal void RemoveListener(VirtualListener listener)
    {
        _listeners.Remove((listener.Host, listener.Port));
    }

    private void Complete(PendingConnect c)
    {
        var client = c.Client;
        if (client.State != NetState.Connecting)
        {
            return; // timed out, closed or failed meanwhile
        }

        if (IsPartitioned)
        {
            return; // the SYN is lost; the client's deadline will end the attempt
        }

        if (c.Refused || !_listeners.TryGetValue((c.Host, c.Port), out var listener))
        {
            Stats.Refused++;
            client.Fail(NetStatus.Refused);
            return;
        }

        var server = new VirtualSocket(this, $"{c.Host}:{c.Port} <- {client.Name}", isClientSide: false)
        {
            State = NetState.Connected,
            Peer = client,
        };
        if (!listener.TryEnqueue(server))
        {
            Stats.Refused++;
            client.Fail(NetStatus.Refused);
            return;
        }

        client.Peer = server;
        client.State = NetState.Connected;
        _sockets.Add(server);
    }

    private long Latency()
    {
        int min = Math.Max(0, Faults.LatencyMinMs);
        int max = Math.Max(min, Faults.LatencyMaxMs);
        return _random.NextLong(min, max);
    }

    private sealed record PendingConnect(VirtualSocket Client, string Host, int Port, long AtMs, bool Refused);
}
