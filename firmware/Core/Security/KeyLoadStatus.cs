namespace PosFirmware.Security
{
    /// <summary>Why working keys from a sign-on were rejected (or Ok). A rejected set replaces nothing.</summary>
    public enum KeyLoadStatus
    {
        Ok = 0,
        /// <summary>Field 62 is not the length its format needs.</summary>
        BadLength = 1,
        /// <summary>The PIN key's check value does not match.</summary>
        PinKeyCheckFailed = 2,
        /// <summary>The MAC key's check value does not match.</summary>
        MacKeyCheckFailed = 3,
        /// <summary>The track key's check value does not match.</summary>
        TrackKeyCheckFailed = 4,
    }
}
