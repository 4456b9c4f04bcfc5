using PosFirmware.Hal;

namespace PosFirmware.Virtual.Random;

/// <summary>
/// A seeded generator (SplitMix64) that gives the same sequence on every machine and .NET
/// version, unlike System.Random, so one printed seed reproduces a whole simulation.
/// Derive(...) gives independent child streams, so adding a draw in one part of a simulation
/// does not shift every other part.
/// </summary>
public sealed class SeededRandom : IRandomSource
{
    private ulong _state;

    public SeededRandom(long seed)
    {
        Seed = seed;
        _state = unchecked((ulong)seed);
    }

    /// <summary>The seed this stream started from.</summary>
    public long Seed { get; }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        // SplitMix64 (Steele, Lea, Flood 2014): a Weyl sequence through a strong mixer.
        unchecked
        {
            _state += 0x9E3779B97F4A7C15UL;
            ulong z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    public void NextBytes(byte[] buffer, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (offset < 0 || count < 0 || offset > buffer.Length - count)
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        ulong bits = 0;
        for (int i = 0; i < count; i++)
        {
            if ((i & 7) == 0)
            {
                bits = NextUInt64();
            }

            buffer[offset + i] = (byte)bits;
            bits >>= 8;
        }
    }

    public int NextInt(int maxExclusive)
    {
        if (maxExclusive <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxExclusive));
        }

        return (int)NextLong(maxExclusive);
    }

    /// <summary>A uniform integer in [0, maxExclusive), without modulo bias.</summary>
    public long NextLong(long maxExclusive)
    {
        if (maxExclusive <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxExclusive));
        }

        ulong bound = (ulong)maxExclusive;
        ulong limit = ulong.MaxValue - (ulong.MaxValue % bound);
        ulong value;
        do
        {
            value = NextUInt64();
        }
        while (value >= limit);

        return (long)(value % bound);
    }

    /// <summary>A uniform integer in [minInclusive, maxInclusive].</summary>
    public long NextLong(long minInclusive, long maxInclusive)
    {
        if (maxInclusive < minInclusive)
        {
            throw new ArgumentOutOfRangeException(nameof(maxInclusive));
        }

        return minInclusive + NextLong(maxInclusive - minInclusive + 1);
    }

    /// <summary>A uniform double in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>True with the given probability (0 never, 1 always).</summary>
    public bool Chance(double probability) => probability > 0 && (probability >= 1 || NextDouble() < probability);

    /// <summary>An independent stream for a named part of a simulation, fixed by this stream's seed.</summary>
    public SeededRandom Derive(string purpose)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in purpose)
        {
            h = unchecked((h ^ c) * 1099511628211UL);
        }

        return new SeededRandom(unchecked((long)(h ^ (ulong)Seed * 0x9E3779B97F4A7C15UL)));
    }
}
