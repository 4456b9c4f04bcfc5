using PosFirmware.Hal;

namespace PosFirmware.Virtual.Time;

/// <summary>
/// Wall time derived from a monotonic clock plus an offset, like the device after SNTP: unset
/// until Set is called, and Set may jump it (which is why nothing measures durations with it).
/// While unset it reads unsetUtc moved on with uptime: the Unix epoch by default (an RTC after a
/// power loss, which says nothing), or a lower bound of the time such as a saved time.
/// </summary>
public sealed class SimulatedWallClock : IWallClock
{
    private readonly IClock _clock;
    private DateTime _utcAtSet;
    private long _monotonicAtSetMs;

    public SimulatedWallClock(IClock clock, DateTime? unsetUtc = null)
    {
        _clock = clock;
        _utcAtSet = DateTime.SpecifyKind(unsetUtc ?? DateTime.UnixEpoch, DateTimeKind.Utc);
        _monotonicAtSetMs = clock.NowMs;
    }

    public bool IsSet { get; private set; }

    public DateTime UtcNow => _utcAtSet.AddMilliseconds(_clock.NowMs - _monotonicAtSetMs);

    /// <summary>Sets the calendar time as of now (SNTP or host time arrived).</summary>
    public void Set(DateTime utcNow)
    {
        _utcAtSet = DateTime.SpecifyKind(utcNow, DateTimeKind.Utc);
        _monotonicAtSetMs = _clock.NowMs;
        IsSet = true;
    }
}
