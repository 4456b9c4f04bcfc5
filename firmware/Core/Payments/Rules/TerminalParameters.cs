using PosFirmware.Messaging.Host;

namespace PosFirmware.Payments.Rules
{
    /// <summary>
    /// The terminal parameters of PAYMENTS.md sections 5 and 8, with the defaults seen in the field.
    /// Times in milliseconds, money in minor units (fen). Validate() says which value is out of range,
    /// so a bad configuration is refused as a whole, never half-applied.
    /// </summary>
    public sealed class TerminalParameters
    {
        /// <summary>The shortest a flow wait may be: time to read the screen and press a key.</summary>
        public const int MinWaitMs = 5000;

        /// <summary>The longest a flow wait may be (I8: back at idle within a bound).</summary>
        public const int MaxWaitMs = 300000;

        public TerminalParameters()
        {
            HostResponseTimeoutMs = 30000;
            MenuTimeoutMs = 60000;
            TraceEntryTimeoutMs = 60000;
            CardWaitTimeoutMs = 60000;
            PinEntryTimeoutMs = 60000;
            AmountEntryTimeoutMs = 60000;
            PrinterFaultTimeoutMs = 60000;
            InfoScreenTimeoutMs = 60000;
            ContactlessReadTimeoutMs = 30000;
            ErrorMessageMs = 3000;
            ConnectTimeoutMs = 10000;
            ReversalMaxAttempts = 3;
            AdviceMaxAttempts = 3;
            MaxPinTries = 3;
            OfflineFloorLimitMinor = 5000;
            ContactlessLimitMinor = 500000;
            CvmLimitMinor = 25000;
            OfflineMaxCount = 10;
            OfflineMaxTotalMinor = 50000;
            MaxAmountMinor = 99999999;
        }

        /// <summary>Host response wait, 30-60 s in the field (default 30 s, shown as a countdown).</summary>
        public int HostResponseTimeoutMs { get; set; }

        // The flow's waits: each has its own timeout, restarted by every key where keys are typed.
        // At its end the flow says so (a timeout outcome) or goes back to idle (I8).

        /// <summary>A menu or the settlement's "Settle batch?" without a key, ms (default 60 s, 5-300 s).</summary>
        public int MenuTimeoutMs { get; set; }

        /// <summary>Typing the original's trace number (voids, completion, refund, reprint), ms (default 60 s, 5-300 s).</summary>
        public int TraceEntryTimeoutMs { get; set; }

        /// <summary>Waiting for a card to be tapped or swiped, ms (default 60 s, 5-300 s).</summary>
        public int CardWaitTimeoutMs { get; set; }

        /// <summary>Typing the PIN, ms (default 60 s, 5-300 s).</summary>
        public int PinEntryTimeoutMs { get; set; }

        /// <summary>Typing the amount, ms (default 60 s, 5-300 s).</summary>
        public int AmountEntryTimeoutMs { get; set; }

        /// <summary>A slip that did not print (paper out, jam) waiting for ENTER to print it again, ms (default 60 s, 5-300 s).</summary>
        public int PrinterFaultTimeoutMs { get; set; }

        /// <summary>The last transaction, the batch totals or a balance on screen, ms (default 60 s, 5-300 s).</summary>
        public int InfoScreenTimeoutMs { get; set; }

        /// <summary>The card reader's own read attempt once a card is near, ms (default 30 s, 1-120 s).</summary>
        public int ContactlessReadTimeoutMs { get; set; }

        /// <summary>How long an outcome screen stays before idle, ms (default 3 s, 0.5-30 s).</summary>
        public int ErrorMessageMs { get; set; }

        /// <summary>A connection attempt to the host, ms (default 10 s, 1-60 s).</summary>
        public int ConnectTimeoutMs { get; set; }

        /// <summary>Sends of a reversal before it is marked for manual handling (default 3).</summary>
        public int ReversalMaxAttempts { get; set; }

        /// <summary>Sends of an offline advice before it is marked failed (default 3).</summary>
        public int AdviceMaxAttempts { get; set; }

        /// <summary>Wrong-PIN answers (55) before the transaction ends (default 3).</summary>
        public int MaxPinTries { get; set; }

        /// <summary>qPBOC contactless offline floor (DF02), default 50.00.</summary>
        public long OfflineFloorLimitMinor { get; set; }

        /// <summary>Contactless transaction limit (DF00), default 5000.00: above it, no contactless.</summary>
        public long ContactlessLimitMinor { get; set; }

        /// <summary>CVM limit (DF01), default 250.00: above it a PIN is required.</summary>
        public long CvmLimitMinor { get; set; }

        /// <summary>Offline approvals allowed in one batch before the terminal must go online.</summary>
        public int OfflineMaxCount { get; set; }

        /// <summary>Total of offline approvals allowed in one batch.</summary>
        public long OfflineMaxTotalMinor { get; set; }

        /// <summary>The largest amount the keypad accepts.</summary>
        public long MaxAmountMinor { get; set; }

        /// <summary>Null when every value is in range; else the name of the first one that is not.</summary>
        public string Validate()
        {
            if (!Between(HostResponseTimeoutMs, 5000, 120000)) return "HostResponseTimeoutMs";
            if (!Between(MenuTimeoutMs, MinWaitMs, MaxWaitMs)) return "MenuTimeoutMs";
            if (!Between(TraceEntryTimeoutMs, MinWaitMs, MaxWaitMs)) return "TraceEntryTimeoutMs";
            if (!Between(CardWaitTimeoutMs, MinWaitMs, MaxWaitMs)) return "CardWaitTimeoutMs";
            if (!Between(PinEntryTimeoutMs, MinWaitMs, MaxWaitMs)) return "PinEntryTimeoutMs";
            if (!Between(AmountEntryTimeoutMs, MinWaitMs, MaxWaitMs)) return "AmountEntryTimeoutMs";
            if (!Between(PrinterFaultTimeoutMs, MinWaitMs, MaxWaitMs)) return "PrinterFaultTimeoutMs";
            if (!Between(InfoScreenTimeoutMs, MinWaitMs, MaxWaitMs)) return "InfoScreenTimeoutMs";
            if (!Between(ContactlessReadTimeoutMs, 1000, 120000)) return "ContactlessReadTimeoutMs";
            if (!Between(ErrorMessageMs, 500, 30000)) return "ErrorMessageMs";
            if (!Between(ConnectTimeoutMs, 1000, 60000)) return "ConnectTimeoutMs";
            if (!Between(ReversalMaxAttempts, 1, 10)) return "ReversalMaxAttempts";
            if (!Between(AdviceMaxAttempts, 1, 10)) return "AdviceMaxAttempts";
            if (!Between(MaxPinTries, 1, 5)) return "MaxPinTries";
            if (OfflineFloorLimitMinor < 0 || OfflineFloorLimitMinor > MaxAmountMinor) return "OfflineFloorLimitMinor";
            if (ContactlessLimitMinor < 0 || ContactlessLimitMinor > FieldLimits.MaxAmountMinor) return "ContactlessLimitMinor";
            if (CvmLimitMinor < 0 || CvmLimitMinor > ContactlessLimitMinor) return "CvmLimitMinor";
            if (!Between(OfflineMaxCount, 0, 1000)) return "OfflineMaxCount";
            if (OfflineMaxTotalMinor < 0) return "OfflineMaxTotalMinor";
            if (MaxAmountMinor < 1 || MaxAmountMinor > FieldLimits.MaxAmountMinor) return "MaxAmountMinor";
            return null;
        }

        private static bool Between(long value, long min, long max)
        {
            return value >= min && value <= max;
        }
    }
}
