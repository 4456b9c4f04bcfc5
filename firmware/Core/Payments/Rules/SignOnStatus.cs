namespace PosFirmware.Payments.Rules
{
    /// <summary>What a sign-on answer did to the session.</summary>
    public enum SignOnStatus
    {
        /// <summary>New working keys are in use.</summary>
        SignedOn = 0,
        /// <summary>The host answered with a code other than 00: no keys, the terminal stays signed off.</summary>
        Refused = 1,
        /// <summary>Field 62 missing or of the wrong length for the profile's key format.</summary>
        NoKeys = 2,
        /// <summary>A key check value did not match: the keys were rejected (wrong TMK or corrupted).</summary>
        KeyCheckFailed = 3,
    }
}
