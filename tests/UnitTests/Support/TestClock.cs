using PosFirmware.Hal;

namespace PosFirmware.UnitTests.Support
{
    /// <summary>
    /// A clock the test sets by hand. The shared tests cannot use the virtual board's ManualClock
    /// (host code), because they also run in the nanoCLR virtual device and on boards.
    /// </summary>
    public sealed class TestClock : IClock
    {
        public TestClock(long nowMs)
        {
            NowMs = nowMs;
        }

        public long NowMs { get; set; }
    }
}
