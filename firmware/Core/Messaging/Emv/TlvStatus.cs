namespace PosFirmware.Messaging.Emv
{
    /// <summary>What is wrong with a BER-TLV buffer (or Ok). Card and host bytes never throw.</summary>
    public enum TlvStatus
    {
        Ok = 0,
        /// <summary>The buffer ends inside a tag or a length.</summary>
        Truncated = 1,
        /// <summary>A length runs past the end of its buffer or template.</summary>
        LengthPastEnd = 2,
        /// <summary>Indefinite length (0x80) or more than 4 length bytes.</summary>
        BadLength = 3,
        /// <summary>A tag longer than 4 bytes.</summary>
        TagTooLong = 4,
        /// <summary>Templates nested deeper than Tlv.MaxDepth.</summary>
        TooDeep = 5,
        /// <summary>More items than Tlv.MaxItems: a bound on work per buffer.</summary>
        TooManyItems = 6,
        /// <summary>The tag was not found.</summary>
        NotFound = 7,
        /// <summary>The output buffer is too small.</summary>
        OutputTooSmall = 8,
    }
}
