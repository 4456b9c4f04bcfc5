namespace PosFirmware.Hal
{
    /// <summary>Why a network operation did not succeed (or Ok). Values, never exceptions.</summary>
    public enum NetStatus
    {
        Ok = 0,
        /// <summary>No Wi-Fi association or no IP address.</summary>
        LinkDown = 1,
        /// <summary>The host refused the connection (nothing listening, or it turned us away).</summary>
        Refused = 2,
        /// <summary>The deadline passed before the operation completed.</summary>
        TimedOut = 3,
        /// <summary>The peer or the path reset the connection.</summary>
        Reset = 4,
        /// <summary>Send or receive with no open connection.</summary>
        NotConnected = 5,
        /// <summary>Connect while a connection is already open or opening.</summary>
        Busy = 6,
        /// <summary>The host name could not be resolved.</summary>
        UnknownHost = 7,
        /// <summary>The peer closed the connection in order (FIN).</summary>
        ClosedByPeer = 8,
    }
}
