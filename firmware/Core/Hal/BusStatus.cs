namespace PosFirmware.Hal
{
    /// <summary>
    /// Result of one I2C transfer, after System.Device.I2c.I2cTransferStatus: expected failures are
    /// values, not exceptions, so a missing or unplugged part is reported, never thrown.
    /// </summary>
    public enum BusStatus
    {
        Ok = 0,
        /// <summary>The device did not acknowledge its address: absent, unpowered or wrong address.</summary>
        AddressNotAcknowledged = 1,
        /// <summary>Fewer bytes moved than asked.</summary>
        PartialTransfer = 2,
        /// <summary>The device held the clock too long.</summary>
        ClockStretchTimeout = 3,
        /// <summary>Any other bus fault.</summary>
        BusError = 4,
    }
}
