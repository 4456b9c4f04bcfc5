namespace PosFirmware.Drivers.Contactless
{
    /// <summary>Why a contactless read failed at the card protocol level.</summary>
    public enum EmvError
    {
        None = 0,
        /// <summary>SELECT PPSE refused: not a payment card (or not EMV contactless).</summary>
        NoPpse = 1,
        /// <summary>The card offers no application this terminal accepts.</summary>
        NoSupportedAid = 2,
        /// <summary>The card refused GET PROCESSING OPTIONS with 6985: it wants another interface.</summary>
        ConditionsNotSatisfied = 3,
        /// <summary>Any other status word than 9000 where one was needed.</summary>
        StatusWord = 4,
        /// <summary>An answer that is not valid BER-TLV, or too short to hold a status word.</summary>
        BadData = 5,
        /// <summary>The card never gave a PAN, track 2 data, a cryptogram or the AIP (or the PAN fails Luhn).</summary>
        MissingData = 6,
        /// <summary>The AFL asks for more records than any card has (MaxRecords).</summary>
        TooManyRecords = 7,
        /// <summary>More values than the tag store holds.</summary>
        StoreFull = 8,
    }
}
