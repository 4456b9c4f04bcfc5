namespace PosFirmware.Devices
{
    /// <summary>How a print job ended (IPrinterPort.TryTakeResult). The App maps a fault to an outcome.</summary>
    public enum PrinterStatus
    {
        /// <summary>The job is printed.</summary>
        Printed = 0,
        OutOfPaper = 1,
        Jammed = 2,
        CoverOpen = 3,
        /// <summary>The printer did not answer its status query.</summary>
        NotAnswering = 4,
    }
}
