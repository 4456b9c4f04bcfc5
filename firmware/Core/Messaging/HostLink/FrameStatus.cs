namespace PosFirmware.Messaging.HostLink
{
    /// <summary>Where the frame reader stands.</summary>
    public enum FrameStatus
    {
        /// <summary>More bytes are needed.</summary>
        NeedMore = 0,
        /// <summary>A whole frame is in the buffer: take it, then Reset.</summary>
        Ready = 1,
        /// <summary>The length announces more than MaxFrameBytes: the stream is garbled; close the connection.</summary>
        TooLarge = 2,
        /// <summary>The length announces less than a message can be: garbled; close the connection.</summary>
        TooShort = 3,
    }
}
