namespace PosFirmware.Virtual.Network;

/// <summary>
/// What the virtual network does to traffic, per segment (one Send) or per connection attempt.
/// All probabilities are 0..1 and drawn from the network's seeded stream. TCP itself never
/// drops, duplicates or corrupts bytes silently; these model what an application sees through
/// broken middleboxes, a faulty host or a lost Wi-Fi link: a stall, a repeat, garbage, a reset.
/// </summary>
public sealed class NetworkFaults
{
    /// <summary>Shortest one-way delay of a segment or a connection handshake.</summary>
    public int LatencyMinMs { get; set; } = 1;

    /// <summary>Longest one-way delay (segments stay in order whatever their delay).</summary>
    public int LatencyMaxMs { get; set; } = 5;

    /// <summary>A segment vanishes: the peer waits for bytes that never come.</summary>
    public double DropProbability { get; set; }

    /// <summary>A segment arrives twice.</summary>
    public double DuplicateProbability { get; set; }

    /// <summary>One bit of a segment is flipped.</summary>
    public double CorruptProbability { get; set; }

    /// <summary>Instead of arriving, a segment resets the connection at both ends.</summary>
    public double ResetProbability { get; set; }

    /// <summary>A connection attempt is refused although a listener is there.</summary>
    public double RefuseProbability { get; set; }

    /// <summary>No faults and the default latency.</summary>
    public void Clear()
    {
        DropProbability = DuplicateProbability = CorruptProbability = ResetProbability = RefuseProbability = 0;
    }
}
