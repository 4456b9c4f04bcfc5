using PosFirmware.Messaging.Host;

namespace PosFirmware.Payments.State
{
    /// <summary>
    /// One approved transaction of the current batch: what settlement, batch upload, void lookup and
    /// slip reprint need. The PAN is kept masked only (invariant I7).
    /// </summary>
    public sealed class BatchRecord
    {
        public BatchRecord()
        {
            Entry = new BatchEntry();
        }

        public BatchEntry Entry { get; private set; }

        /// <summary>First 6 / last 4 at most (PanMask).</summary>
        public string MaskedPan { get; set; }

        /// <summary>The outcome number shown and printed.</summary>
        public int OutcomeCode { get; set; }

        /// <summary>True when approved offline (its advice may still be pending).</summary>
        public bool Offline { get; set; }

        /// <summary>True once a void (or completion void) of it was approved.</summary>
        public bool Voided { get; set; }

        /// <summary>
        /// For a void or completion: the STAN of the transaction it refers to; for a refund: the STAN
        /// of the sale refunded as keyed (0 when not known); else 0 (no STAN is below 1).
        /// </summary>
        public int RefersToStan { get; set; }
    }
}
