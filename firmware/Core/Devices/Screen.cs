namespace PosFirmware.Devices
{
    /// <summary>
    /// What the display shows, as data: up to four English and four Chinese lines (each at most 16
    /// columns; the fourth shares its row with the value), a value (amount, masked PIN, digits,
    /// seconds) and, for outcome screens, the catalog code; menus carry their item lines instead.
    /// Outcome screens use all four: what happened, why, what to do next, and the code the merchant
    /// quotes (the host's response code, or the outcome number). The screen layer (drivers) lays it out.
    /// </summary>
    public sealed class Screen
    {
        public ScreenId Id { get; internal set; }

        public string English1 { get; internal set; }

        public string English2 { get; internal set; }

        public string Chinese1 { get; internal set; }

        public string Chinese2 { get; internal set; }

        /// <summary>The third row (outcomes: what to do next), or null.</summary>
        public string English3 { get; internal set; }

        public string Chinese3 { get; internal set; }

        /// <summary>The fourth row, at its left (outcomes: the code), or null; the value goes at its right.</summary>
        public string English4 { get; internal set; }

        public string Chinese4 { get; internal set; }

        /// <summary>The host's response code (field 39) behind an outcome screen, or null.</summary>
        public string ResponseCode { get; internal set; }

        /// <summary>The value being entered or shown, or null.</summary>
        public string Value { get; internal set; }

        /// <summary>The outcome shown (Outcome screens), or -1.</summary>
        public int OutcomeCode { get; internal set; }

        /// <summary>Menu: the page (0-1 transactions, 2-3 management).</summary>
        public int Page { get; internal set; }

        /// <summary>Menu: up to four item lines, each "n 中文 ENGLISH" within 16 columns.</summary>
        public string[] Items { get; internal set; }
    }
}
