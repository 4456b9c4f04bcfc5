namespace PosFirmware.Hal
{
    /// <summary>
    /// A UART (PN532 in HSU mode, MSR module, ESC/POS printer). Reads never block: the run loop
    /// polls and protocol code keeps its own deadlines, so no wait is without a limit.
    /// </summary>
    public interface ISerialPort
    {
        /// <summary>Bytes received and not yet read.</summary>
        int BytesToRead { get; }

        /// <summary>
        /// Copies up to count received bytes into buffer[offset ..] and returns how many it copied;
        /// 0 when none are waiting. Never blocks.
        /// </summary>
        int Read(byte[] buffer, int offset, int count);

        /// <summary>Queues data[offset .. offset+count) for transmission.</summary>
        SerialStatus Write(byte[] data, int offset, int count);

        /// <summary>Drops everything received and not yet read (resynchronising after garbage).</summary>
        void DiscardInBuffer();
    }
}
