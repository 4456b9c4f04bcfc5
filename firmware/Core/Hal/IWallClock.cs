using System;

namespace PosFirmware.Hal
{
    /// <summary>
    /// Calendar time (UTC) for receipts and message fields 12/13. It may be unset until SNTP or
    /// the host sets it, and it may jump when it is set: never use it to measure durations. The
    /// terminal's local time is this plus the host profile's offset (Common/LocalClock).
    /// </summary>
    public interface IWallClock
    {
        /// <summary>True once the time has been set from a trusted source (SNTP, the host's sign-on answer).</summary>
        bool IsSet { get; }

        /// <summary>
        /// The current UTC time when IsSet. When not set: the clock's best lower bound of the time,
        /// moving with uptime (on the device the time saved before the last power-off, else the
        /// firmware's build date), which only serves to infer the year of a host's MMDD; a reading
        /// before LocalClock.FirstValidYear (an RTC restarted at its epoch) says nothing at all.
        /// </summary>
        DateTime UtcNow { get; }

        /// <summary>Sets the calendar time as of now; IsSet is true afterwards.</summary>
        void Set(DateTime utcNow);
    }
}
