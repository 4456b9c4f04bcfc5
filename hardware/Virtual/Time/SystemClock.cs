using System.Diagnostics;
using PosFirmware.Hal;

namespace PosFirmware.Virtual.Time;

/// <summary>The desktop's monotonic clock, for the firmware running in real time (loopback tests, the virtual terminal).</summary>
public sealed class SystemClock : IClock
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();

    public long NowMs => _watch.ElapsedMilliseconds;
}
