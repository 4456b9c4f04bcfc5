namespace PosFirmware.Hal
{
    /// <summary>Where the one host connection stands.</summary>
    public enum NetState
    {
        /// <summary>No connection; Connect may be called.</summary>
        Closed = 0,
        /// <summary>Connect was called and has not finished; poll State.</summary>
        Connecting = 1,
        /// <summary>Bytes may be sent and received.</summary>
        Connected = 2,
        /// <summary>The connection ended; LastError says why. Call Close before connecting again.</summary>
        Failed = 3,
    }
}
