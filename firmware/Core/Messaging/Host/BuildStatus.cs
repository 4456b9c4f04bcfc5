namespace PosFirmware.Messaging.Host
{
    /// <summary>Why a request could not be built (or Ok). Builders check what they are given; they never throw on it.</summary>
    public enum BuildStatus
    {
        Ok = 0,
        /// <summary>An amount below zero or above 12 digits, or zero where money moves.</summary>
        BadAmount = 1,
        /// <summary>A STAN outside 1..999999 or a batch outside 0..999999.</summary>
        BadTrace = 2,
        /// <summary>No PAN and no track 2, or a PAN/expiry/track that is not digits of the right length.</summary>
        BadCard = 3,
        /// <summary>A void, refund or completion without the STAN of the transaction it refers to.</summary>
        MissingOriginal = 4,
        /// <summary>A reversal of a message that is not reversible, or without a STAN.</summary>
        NotReversible = 5,
        /// <summary>A PIN block that is not 8 bytes.</summary>
        BadPinBlock = 6,
        /// <summary>The terminal identity is missing or the wrong length.</summary>
        BadIdentity = 7,
        /// <summary>The profile uploads no such transaction (or sends no batch end) after a settlement of that verdict.</summary>
        NotUploaded = 8,
    }
}
