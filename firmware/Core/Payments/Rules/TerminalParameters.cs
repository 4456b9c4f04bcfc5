namespace PosFirmware.Payments.Rules
{
    /// <summary>
    /// The terminal parameters of PAYMENTS.md sections 5 and 8, with the defaults seen in the field.
    /// Times in milliseconds, money in minor units (fen). Validate() says which value is out of range,
    /// so a bad configuration is refused as a whole, never half-applied.
    /// </summary>
    public sealed class TerminalParameters
    {
        public TerminalParameters()
        {
            HostResponseTimeoutMs = 30000;
            CardWaitTimeoutMs = 60000;
            PinEntryTimeoutMs = 60000;
            AmountEntryTimeoutMs = 60000;
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

        public int CardWaitTimeoutMs { get; set; }

        public int PinEntryTimeoutMs { get; set; }

        public int AmountEntryTimeoutMs { get; set; }

        public int ContactlessReadTimeoutMs { get; set; }

        /// <summary>How long an outcome screen stays before idle.</summary>
        public int ErrorMessageMs { get; set; }

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
            if (!Between(CardWaitTimeoutMs, 5000, 300000)) return "CardWaitTimeoutMs";
            if (!Between(PinEntryTimeoutMs, 5000, 300000)) return "PinEntryTimeoutMs";
            if (!Between(AmountEntryTimeoutMs, 5000, 300000)) return "AmountEntryTimeoutMs";
            if (!Between(ContactlessReadTimeoutMs, 1000, 120000)) return "ContactlessReadTimeoutMs";
            if (!Between(ErrorMessageMs, 500, 30000)) return "ErrorMessageMs";
            if (!Between(ConnectTimeoutMs, 1000, 60000)) return "ConnectTimeoutMs";
            if (!Between(ReversalMaxAttempts, 1, 10)) return "ReversalMaxAttempts";
            if (!Between(AdviceMaxAttempts, 1, 10)) return "AdviceMaxAttempts";
            if (!Between(MaxPinTries, 1, 5)) return "MaxPinTries";
            if (OfflineFloorLimitMinor < 0 || OfflineFloorLimitMinor > MaxAmountMinor) return "OfflineFloorLimitMinor";
            if (ContactlessLimitMinor < 0 || ContactlessLimitMinor > 999999999999L) return "ContactlessLimitMinor";
            if (CvmLimitMinor < 0 || CvmLimitMinor > ContactlessLimitMinor) return "CvmLimitMinor";
            if (!Between(OfflineMaxCount, 0, 1000)) return "OfflineMaxCount";
            if (OfflineMaxTotalMinor < 0) return "OfflineMaxTotalMinor";
            if (MaxAmountMinor < 1 || MaxAmountMinor > 999999999999L) return "MaxAmountMinor";
            return null;
        }

        private static bool Between(long value, long min, long max)
        {
            return value >= min && value <= max;
        }
    }
}
