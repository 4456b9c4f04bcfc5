using PosFirmware.Messaging.Host;

namespace PosFirmware.Payments.State
{
    /// <summary>
    /// A refund (or any money message that cannot be reversed) sent without a trustworthy answer
    /// yet: the host may have applied it, so it is neither "failed" nor repeated under a new STAN.
    /// Durable before its request leaves (like a reversal), resent unchanged (same STAN; the MAC of
    /// the moment) before the next online message and before settlement until the host answers;
    /// the answer, whatever it is, is its final result. Message is the request packed without MAC
    /// and without track data (I7: track data never goes to flash); like a pending reversal it is
    /// a place where a full PAN lives until delivered. What the batch record needs when the answer
    /// comes is kept beside it.
    /// </summary>
    public sealed class PendingRefund
    {
        public int Stan { get; set; }

        public int Batch { get; set; }

        public TransactionType Type { get; set; }

        public long AmountMinor { get; set; }

        /// <summary>hhmmss and MMDD of the request (local time), for its batch record and slip.</summary>
        public string LocalTime { get; set; }

        public string LocalDate { get; set; }

        public PosEntryMode Entry { get; set; }

        /// <summary>First 6 / last 4 only (I7).</summary>
        public string MaskedPan { get; set; }

        /// <summary>The STAN of the sale refunded (0 when not known).</summary>
        public int RefersToStan { get; set; }

        /// <summary>The request packed by the host profile's packager: no field 64, no track data.</summary>
        public byte[] Message { get; set; }

        /// <summary>Resends so far (durable: it survives power cuts); the first send is not counted.</summary>
        public int Attempts { get; set; }

        /// <summary>True once the resends ran out: its result is unknown, kept and shown until the batch settles.</summary>
        public bool NeedsManualHandling { get; set; }
    }
}
