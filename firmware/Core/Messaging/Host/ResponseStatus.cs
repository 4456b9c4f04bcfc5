namespace PosFirmware.Messaging.Host
{
    /// <summary>
    /// What reading a host answer found. Anything but Ok means the answer cannot be trusted: the
    /// engine treats it as no answer (reversal reason 98) or, for a MAC failure, as reason A0.
    /// </summary>
    public enum ResponseStatus
    {
        Ok = 0,
        /// <summary>The bytes are not a message of this profile (see the IsoStatus and field reported).</summary>
        Malformed = 1,
        /// <summary>A message, but not the answer to this request (wrong MTI): e.g. a late answer to an older one.</summary>
        NotTheAnswer = 2,
        /// <summary>The answer's STAN differs from the request's.</summary>
        WrongStan = 3,
        /// <summary>The answer names another terminal.</summary>
        WrongTerminal = 4,
        /// <summary>No response code (field 39).</summary>
        NoResponseCode = 5,
        /// <summary>An approval that should carry a MAC carries none.</summary>
        MacMissing = 6,
        /// <summary>Field 64 does not match the message.</summary>
        MacMismatch = 7,
        /// <summary>A settlement, upload or batch-end answer whose field 60 (batch, management code) or 3 differs from the request's.</summary>
        WrongBatch = 8,
    }
}
