using PosFirmware.Hal;

namespace PosFirmware.Virtual.Time;

/// <summary>
/// Simulated monotonic time: it moves only when told to, so a simulation runs hours of
/// terminal time in milliseconds and replays exactly from its seed. It never goes back.
/// </summary>
public sealed class ManualClock : IClock
{
    private long _nowMs;

    public ManualClock(long startMs = 0)
    {
        if (startMs < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(startMs), "monotonic time starts at or after boot");
        }

        _nowMs = startMs;
    }

    public long NowMs => _nowMs;

    /// <summary>Moves time forward by deltaMs (0 is allowed; negative is a programming error).</summary>
    public void Advance(long deltaMs)
    {
        if (deltaMs < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(deltaMs), "a monotonic clock never goes back");
        }

        _nowMs = checked(_nowMs + deltaMs);
    }

    /// <summary>Moves time forward to atMs; moving back is a programming error.</summary>
    public void AdvanceTo(long atMs)
    {
        if (atMs < _nowMs)
        {
            throw new ArgumentOutOfRangeException(nameof(atMs), $"cannot go back from {_nowMs} to {atMs}");
        }

        _nowMs = atMs;
    }
}
