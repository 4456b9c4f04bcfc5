namespace PosFirmware.Drivers.Contactless
{
    /// <summary>Where a PN532 command stands (Pn532.Poll).</summary>
    public enum Pn532Status
    {
        /// <summary>No command running.</summary>
        Idle = 0,
        /// <summary>Sent; waiting for the ACK or the answer.</summary>
        Busy = 1,
        /// <summary>Answered: Response holds the data after the response code.</summary>
        Ok = 2,
        /// <summary>No ACK even after sending again: the chip is off, asleep or not wired.</summary>
        NoAnswer = 3,
        /// <summary>ACKed but no answer by the deadline (aborted with an ACK).</summary>
        Timeout = 4,
        /// <summary>The chip sent an error frame (it could not take the command).</summary>
        ChipError = 5,
        /// <summary>Answers kept failing their checksums after asking again (NACK).</summary>
        BadFrame = 6,
        /// <summary>The UART refused the bytes.</summary>
        PortError = 7,
    }
}
