using PosFirmware.Devices;
using PosFirmware.Payments.Outcomes;

namespace PosFirmware.App.Run
{
    /// <summary>
    /// What a device's status means to the merchant: the run loop turns a failed card read or print
    /// job into the outcome code its engine event carries (the drivers know no outcomes).
    /// </summary>
    public static class DeviceOutcomes
    {
        /// <summary>The outcome of a failed card read.</summary>
        public static int OfCardRead(CardReadStatus failure)
        {
            switch (failure)
            {
                case CardReadStatus.Removed:
                    return OutcomeCodes.CardRemoved;
                case CardReadStatus.NotSupported:
                    return OutcomeCodes.CardNotSupported;
                case CardReadStatus.ReaderNotAnswering:
                    return OutcomeCodes.ReaderNotAnswering;
                case CardReadStatus.SwipeReversed:
                    return OutcomeCodes.SwipeReversed;
                case CardReadStatus.None:
                    // A read that failed without a reason (a port that reports none): as any read error.
                default:
                    return OutcomeCodes.CardReadError;
            }
        }

        /// <summary>The outcome of a print job: 0 when printed, else the fault's outcome.</summary>
        public static int OfPrint(PrinterStatus status)
        {
            switch (status)
            {
                case PrinterStatus.Printed:
                    return 0;
                case PrinterStatus.OutOfPaper:
                    return OutcomeCodes.PrinterOutOfPaper;
                case PrinterStatus.CoverOpen:
                    return OutcomeCodes.PrinterCoverOpen;
                case PrinterStatus.NotAnswering:
                    return OutcomeCodes.PrinterNotAnswering;
                default:
                    return OutcomeCodes.PrinterJammed;
            }
        }
    }
}
