namespace PosFirmware.Messaging.Host
{
    /// <summary>
    /// One approved transaction of the batch as a batch upload (0320) sends it: what the journal
    /// keeps after the transaction ends. It holds no full PAN, track or PIN (invariant I7); the host
    /// finds the transaction by its STAN, RRN and auth code.
    /// </summary>
    public sealed class BatchEntry
    {
        public TransactionType Type { get; set; }

        public long AmountMinor { get; set; }

        public int Stan { get; set; }

        public int Batch { get; set; }

        /// <summary>hhmmss and MMDD of the transaction.</summary>
        public string LocalTime { get; set; }

        public string LocalDate { get; set; }

        public PosEntryMode Entry { get; set; }

        /// <summary>Field 37 of the approval, or null.</summary>
        public string Rrn { get; set; }

        /// <summary>Field 38 of the approval, or null.</summary>
        public string AuthCode { get; set; }
    }
}
