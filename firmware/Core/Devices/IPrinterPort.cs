namespace PosFirmware.Devices
{
    /// <summary>The receipt printer: jobs in order, each finished or failed, never waited on without a deadline.</summary>
    public interface IPrinterPort
    {
        /// <summary>Queues one slip or report (lines may start with a SlipMarkup style).</summary>
        void Print(string[] lines);

        /// <summary>
        /// Takes the result of the oldest queued job once it has one: true with Printed, or the fault
        /// (out of paper, jammed, cover open, not answering). False while it prints.
        /// </summary>
        bool TryTakeResult(out PrinterStatus status);
    }
}
