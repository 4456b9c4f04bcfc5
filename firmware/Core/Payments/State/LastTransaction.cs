using PosFirmware.Messaging.Host;

namespace PosFirmware.Payments.State
{
    /// <summary>The last transaction's status, whatever its outcome: what the merchant looks up first.</summary>
    public sealed class LastTransaction
    {
        public int Stan { get; set; }

        public TransactionType Type { get; set; }

        public long AmountMinor { get; set; }

        public int OutcomeCode { get; set; }

        public string MaskedPan { get; set; }

        public string Rrn { get; set; }

        public string AuthCode { get; set; }

        /// <summary>Local date and time of the outcome as MMDDhhmmss, or null when the wall clock was not set.</summary>
        public string When { get; set; }

        public ReversalState Reversal { get; set; }

        /// <summary>The host's raw response code (field 39) when the host answered, else null: the merchant quotes it to the bank.</summary>
        public string ResponseCode { get; set; }

        /// <summary>The batch the transaction belongs to (0 when not known: a record written before it was kept).</summary>
        public int Batch { get; set; }

        /// <summary>MMDDhhmmss when the host confirmed its reversal (Reversal Done), else null.</summary>
        public string ReversalWhen { get; set; }
    }
}
