using PosFirmware.Messaging.Host;

namespace PosFirmware.Payments.State
{
    /// <summary>
    /// The reversal that protects a request already sent or about to be (PAYMENTS.md section 4).
    /// Message holds the reversal packed without MAC (the MAC is computed at each send, under the key
    /// of the moment: a sign-on in between changes it). It is the one place besides the outgoing
    /// request where a full PAN may live (invariant I7).
    /// </summary>
    public sealed class PendingReversal
    {
        public int Stan { get; set; }

        public int Batch { get; set; }

        public TransactionType Type { get; set; }

        public long AmountMinor { get; set; }

        /// <summary>The reversal (MTI 0400, reason in 39) packed by the host profile's packager, no field 64.</summary>
        public byte[] Message { get; set; }

        /// <summary>Send attempts so far (durable: it survives power cuts).</summary>
        public int Attempts { get; set; }

        /// <summary>True once the retries ran out: shown and printed as "needs manual handling", never dropped.</summary>
        public bool NeedsManualHandling { get; set; }

        /// <summary>MMDDhhmmss of the request it reverses, or null: the confirmation slip's original time.</summary>
        public string When { get; set; }
    }
}
