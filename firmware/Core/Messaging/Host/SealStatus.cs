namespace PosFirmware.Messaging.Host
{
    /// <summary>Why a message could not be sealed into a frame (or Ok).</summary>
    public enum SealStatus
    {
        Ok = 0,
        /// <summary>The packager refused a field (see the IsoStatus and field number the sealer reports).</summary>
        PackFailed = 1,
        /// <summary>The profile MACs this message but there is no MAC key (the terminal is not signed on).</summary>
        NoMacKey = 2,
        /// <summary>The frame would not fit the output buffer or the profile's largest frame.</summary>
        FrameTooLarge = 3,
    }
}
