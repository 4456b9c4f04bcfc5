namespace PosFirmware.App.Ports
{
    /// <summary>The receipt printer: jobs in order, each finished or failed, never waited on without a deadline.</summary>
    public interface IPrinterPort
    {
        /// <summary>Queues one slip or report.</summary>
        void Print(string[] lines);

        /// <summary>
        /// Takes the result of the oldest queued job once it has one: true with failedCode 0 when
        /// printed, or the outcome code of the fault (out of paper, jammed). False while it prints.
        /// </summary>
        bool TryTakeResult(out int failedCode);
    }
}
