namespace PosFirmware.Hal
{
    /// <summary>
    /// Monotonic time in milliseconds since boot. It never jumps and never goes back, so every
    /// duration and deadline in the firmware is measured against it (never against wall time,
    /// which SNTP can move: see IWallClock).
    /// </summary>
    public interface IClock
    {
        /// <summary>Milliseconds since boot.</summary>
        long NowMs { get; }
    }
}
