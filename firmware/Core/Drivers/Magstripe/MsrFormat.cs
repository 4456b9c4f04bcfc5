namespace PosFirmware.Drivers.Magstripe
{
    /// <summary>
    /// How the module is configured to send a swipe. An LRC character may be any character of its
    /// track's set (for track 2 that includes ';'), so whether one follows each end sentinel is a
    /// setting, not something to guess.
    /// </summary>
    public enum MsrFormat
    {
        WithoutLrc = 0,
        WithLrc = 1,
    }
}
