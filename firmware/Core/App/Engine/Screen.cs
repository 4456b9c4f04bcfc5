namespace PosFirmware.App.Engine
{
    /// <summary>
    /// What the display shows, as data: two English and two Chinese lines (each at most 16
    /// columns), a value (amount, masked PIN, digits, seconds) and, for outcome screens, the
    /// catalog code; menus carry their item lines instead. The screen layer (drivers) lays it out.
    /// </summary>
    public sealed class Screen
    {
        public ScreenId Id { get; internal set; }

        public string English1 { get; internal set; }

        public string English2 { get; internal set; }

        public string Chinese1 { get; internal set; }

        public string Chinese2 { get; internal set; }

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
