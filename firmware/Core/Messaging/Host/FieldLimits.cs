namespace PosFirmware.Messaging.Host
{
    /// <summary>
    /// The largest values the host messages can carry (PAYMENTS.md section 3): field 11 and the batch
    /// number in field 60 are n6, the amount in field 4 is n12 in minor units. The journal's counters
    /// and the terminal's amount limits are bounded by these.
    /// </summary>
    public static class FieldLimits
    {
        /// <summary>Field 11, n6 (STANs run 1..MaxStan and wrap).</summary>
        public const int MaxStan = 999999;

        /// <summary>Field 60.2, n6 (batches run 0..MaxBatch).</summary>
        public const int MaxBatch = 999999;

        /// <summary>Field 4, n12.</summary>
        public const long MaxAmountMinor = 999999999999L;
    }
}
