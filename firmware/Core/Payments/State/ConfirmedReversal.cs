using PosFirmware.Messaging.Host;

namespace PosFirmware.Payments.State
{
    /// <summary>
    /// A reversal the host confirmed (TerminalState keeps the last few): what its confirmation slip prints, the evidence
    /// the merchant gives a cardholder whose money went back. Masked PAN only (I7).
    /// </summary>
    public sealed class ConfirmedReversal
    {
        public int Stan { get; set; }

        public int Batch { get; set; }

        public TransactionType Type { get; set; }

        public long AmountMinor { get; set; }

        public string MaskedPan { get; set; }

        /// <summary>The host's reference number when known (the original's answer or the reversal's), else null.</summary>
        public string Rrn { get; set; }

        /// <summary>MMDDhhmmss of the original request, or null.</summary>
        public string OriginalWhen { get; set; }

        /// <summary>MMDDhhmmss when the host confirmed the reversal, or null (wall clock not set).</summary>
        public string ConfirmedWhen { get; set; }

        /// <summary>The idle screen has yet to say it was confirmed (durable: a power cut does not lose the notice).</summary>
        public bool NoticeDue { get; set; }
    }
}
