using PosFirmware.Messaging.Host;

namespace PosFirmware.App.Slips
{
    /// <summary>What a transaction slip shows. Built from the batch record or last transaction: the PAN is masked already.</summary>
    public sealed class SlipData
    {
        /// <summary>The entry mode of a transaction whose record does not keep it (no ISO 8583 value is 0).</summary>
        public const PosEntryMode EntryNotKnown = (PosEntryMode)0;

        public string MerchantName { get; set; }

        public string MerchantId { get; set; }

        public string TerminalId { get; set; }

        public TransactionType Type { get; set; }

        public long AmountMinor { get; set; }

        public string MaskedPan { get; set; }

        /// <summary>How the card was read, or EntryNotKnown: the slip then has no entry line.</summary>
        public PosEntryMode Entry { get; set; }

        public int Stan { get; set; }

        public int Batch { get; set; }

        /// <summary>MMDDhhmmss (the terminal's local time) or null.</summary>
        public string When { get; set; }

        /// <summary>True when When is null because the wall clock was not set: the slip says so.</summary>
        public bool TimeNotSet { get; set; }

        public string Rrn { get; set; }

        public string AuthCode { get; set; }

        public int OutcomeCode { get; set; }

        /// <summary>The host's raw response code (field 39) when the host answered, else null: printed beside the explanation.</summary>
        public string ResponseCode { get; set; }

        /// <summary>Reversal confirmation slips: MMDDhhmmss when the host confirmed the reversal, or null.</summary>
        public string ConfirmedWhen { get; set; }

        /// <summary>True for a reprint (it says so on the slip).</summary>
        public bool Reprint { get; set; }
    }
}
