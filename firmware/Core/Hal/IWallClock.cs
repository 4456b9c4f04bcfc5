using System;

namespace PosFirmware.Hal
{
    /// <summary>
    /// Calendar time (UTC) for receipts and message fields 12/13. It may be unset until SNTP or
    /// the host sets it, and it may jump when it is set: never use it to measure durations.
    /// </summary>
    public interface IWallClock
    {
        /// <summary>True once the time has been set from a trusted source.</summary>
        bool IsSet { get; }

        /// <summary>The current UTC time; meaningful only when IsSet.</summary>
        DateTime UtcNow { get; }
    }
}
