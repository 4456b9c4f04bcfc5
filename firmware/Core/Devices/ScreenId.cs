namespace PosFirmware.Devices
{
    /// <summary>Which screen the engine shows: what tests assert and the screen layer lays out.</summary>
    public enum ScreenId
    {
        Starting = 0,
        Idle = 1,
        /// <summary>The transaction menu (Page 0 or 1) or the management menu (Page 2 or 3).</summary>
        Menu = 2,
        EnterTrace = 3,
        EnterAmount = 4,
        PresentCard = 5,
        EnterPin = 6,
        /// <summary>Waiting for the host, with the seconds left.</summary>
        Processing = 7,
        /// <summary>An outcome of the catalog (OutcomeCode).</summary>
        Outcome = 8,
        LastTransaction = 9,
        Totals = 10,
        Balance = 11,
        ConfirmSettle = 12,
    }
}
