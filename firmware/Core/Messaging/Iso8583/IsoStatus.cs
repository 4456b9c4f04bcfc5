namespace PosFirmware.Messaging.Iso8583
{
    /// <summary>What went wrong packing or unpacking a message (or Ok). Host bytes never throw.</summary>
    public enum IsoStatus
    {
        Ok = 0,
        /// <summary>The bytes end inside a field, a prefix, the MTI or a bitmap.</summary>
        Truncated = 1,
        /// <summary>A BCD nibble above 9 where digits belong, or a non-digit in a numeric field.</summary>
        BadDigit = 2,
        /// <summary>A length prefix that is not digits.</summary>
        BadLengthPrefix = 3,
        /// <summary>A value (or a received length) longer than the field allows.</summary>
        TooLong = 4,
        /// <summary>A fixed binary field of the wrong length.</summary>
        WrongLength = 5,
        /// <summary>The bitmap names a field this packager does not define.</summary>
        UndefinedField = 6,
        /// <summary>The output buffer is too small.</summary>
        OutputTooSmall = 7,
        /// <summary>A field value of the wrong kind (text where bytes belong, or the reverse).</summary>
        WrongValueKind = 8,
        /// <summary>A character outside what the field's format allows.</summary>
        BadCharacter = 9,
    }
}
