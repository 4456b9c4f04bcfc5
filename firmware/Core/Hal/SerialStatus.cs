namespace PosFirmware.Hal
{
    /// <summary>Result of a UART write.</summary>
    public enum SerialStatus
    {
        Ok = 0,
        /// <summary>The port is closed or the peripheral is not configured.</summary>
        NotOpen = 1,
        /// <summary>The transmit buffer could not take the bytes in time.</summary>
        Timeout = 2,
        /// <summary>Any other port fault.</summary>
        PortError = 3,
    }
}
