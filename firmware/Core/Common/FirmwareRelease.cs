namespace PosFirmware.Common
{
    /// <summary>
    /// Facts about this build of the firmware. DateUtc is a lower bound of "now" on any board that
    /// runs it: when the real-time clock restarted at its epoch (1970 on the ESP32) and only a host's
    /// MMDD is known, the year is the first that does not go back before it (LocalClock.TryHostTime).
    /// Move it forward at each release.
    /// </summary>
    public static class FirmwareRelease
    {
        /// <summary>The day this firmware was released, 00:00 UTC.</summary>
        public static readonly System.DateTime DateUtc = new System.DateTime(2026, 12, 1, 0, 0, 0);
    }
}
