namespace PosFirmware.Drivers.Contactless
{
    /// <summary>What Pn532Frame.Parse found at the start of the received bytes.</summary>
    public enum Pn532FrameStatus
    {
        /// <summary>Not enough bytes yet for a whole frame.</summary>
        Incomplete = 0,
        /// <summary>An information frame with good checksums; the payload is TFI onward.</summary>
        Information = 1,
        /// <summary>ACK frame 00 00 FF 00 FF 00.</summary>
        Ack = 2,
        /// <summary>NACK frame 00 00 FF FF 00 00: the other side asks for the last frame again.</summary>
        Nack = 3,
        /// <summary>Error frame 00 00 FF 01 FF 7F 81 00: the PN532 refused the command (syntax error).</summary>
        Error = 4,
        /// <summary>LEN + LCS is not 0: the length byte was hit.</summary>
        BadLengthChecksum = 5,
        /// <summary>TFI + data + DCS is not 0: the data was hit.</summary>
        BadDataChecksum = 6,
        /// <summary>Bytes before the start code 00 FF that belong to no frame (consumed shows how many).</summary>
        Garbage = 7,
    }
}
