namespace PosFirmware.Hal
{
    /// <summary>
    /// An I2C device at a fixed address (the display). Our own interface because
    /// System.Device.I2c.I2cDevice cannot be faked; the device adapter wraps it.
    /// </summary>
    public interface IRegisterBus
    {
        /// <summary>The 7-bit device address.</summary>
        int Address { get; }

        /// <summary>Writes data[offset .. offset+count) in one transaction.</summary>
        BusStatus Write(byte[] data, int offset, int count);

        /// <summary>Reads count bytes into buffer[offset ..] in one transaction.</summary>
        BusStatus Read(byte[] buffer, int offset, int count);

        /// <summary>Writes then reads with a repeated start, as register reads need.</summary>
        BusStatus WriteRead(byte[] writeData, int writeOffset, int writeCount, byte[] readBuffer, int readOffset, int readCount);
    }
}
