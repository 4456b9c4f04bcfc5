using PosFirmware.Messaging.Host;

namespace PosFirmware.HostSimulator
{
    /// <summary>One transaction as the host knows it, keyed by terminal id, batch and STAN (applied at most once: I2).</summary>
    public sealed class LedgerEntry
    {
        public string Key { get; set; }

        public string TerminalId { get; set; }

        public int Batch { get; set; }

        public int Stan { get; set; }

        public TransactionType Type { get; set; }

        public long AmountMinor { get; set; }

        public string Pan { get; set; }

        /// <summary>The answer given (resent unchanged if the same request comes again).</summary>
        public string ResponseCode { get; set; }

        public string AuthCode { get; set; }

        public string Rrn { get; set; }

        /// <summary>True while its effect on the account stands.</summary>
        public bool Applied { get; set; }

        public bool Reversed { get; set; }

        public bool Voided { get; set; }

        public bool Offline { get; set; }

        /// <summary>Its batch was settled: it no longer counts in the open batch's totals.</summary>
        public bool Settled { get; set; }

        /// <summary>For voids and completions: the entry they act on.</summary>
        public LedgerEntry Original { get; set; }

        /// <summary>The money this entry moved from the cardholder to the merchant while applied (negative for credits).</summary>
        public long NetMinor
        {
            get
            {
                if (!Applied)
                {
                    return 0;
                }

                switch (Type)
                {
                    case TransactionType.Sale:
                    case TransactionType.Completion:
                        return AmountMinor;
                    case TransactionType.Refund:
                        return -AmountMinor;
                    case TransactionType.Void:
                    case TransactionType.CompletionVoid:
                        return Original == null ? 0 : -Original.AmountMinor;
                    default:
                        return 0;
                }
            }
        }
    }
}
