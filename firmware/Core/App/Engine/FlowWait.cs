namespace PosFirmware.App.Engine
{
    /// <summary>
    /// What the counter-side flow waits for: a finer Phase. Each wait is entered in one place
    /// (TransactionEngine.Enter), which shows its screen and arms its own timeout (TimeoutOf: a
    /// TerminalParameters value of its own) on the one flow timer; the next wait's arm replaces
    /// it, and a wait without a timeout disarms it, so no timer outlives its wait.
    /// </summary>
    internal enum FlowWait
    {
        /// <summary>Idle: nothing to time out.</summary>
        Idle = 0,
        /// <summary>The transaction or management menu (MenuTimeoutMs).</summary>
        Menu = 1,
        /// <summary>"Settle batch?" (MenuTimeoutMs: a management menu's question).</summary>
        ConfirmSettle = 2,
        /// <summary>The original's trace number (TraceEntryTimeoutMs).</summary>
        Trace = 3,
        /// <summary>The amount (AmountEntryTimeoutMs).</summary>
        Amount = 4,
        /// <summary>A card to tap or swipe (CardWaitTimeoutMs).</summary>
        Card = 5,
        /// <summary>The PIN (PinEntryTimeoutMs).</summary>
        Pin = 6,
        /// <summary>The host link's goal: the link bounds it (HostResponseTimeoutMs, ConnectTimeoutMs).</summary>
        Host = 7,
        /// <summary>An outcome on screen (ErrorMessageMs), then idle.</summary>
        Message = 8,
        /// <summary>The flow's slip printing: the printer's done or failed event ends it.</summary>
        Printing = 9,
        /// <summary>A slip did not print: ENTER prints it again (PrinterFaultTimeoutMs).</summary>
        PrinterFault = 10,
        /// <summary>The last transaction on screen (InfoScreenTimeoutMs).</summary>
        LastTransaction = 11,
        /// <summary>The batch totals on screen (InfoScreenTimeoutMs).</summary>
        Totals = 12,
        /// <summary>A balance on screen (InfoScreenTimeoutMs).</summary>
        Balance = 13,
    }
}
