using PosFirmware.Devices;
using PosFirmware.App.Input;
using PosFirmware.App.Slips;
using PosFirmware.Messaging.Host;
using PosFirmware.Payments.Outcomes;

namespace PosFirmware.App.Engine
{
    /// <summary>
    /// The outcome and its slips: the outcome on screen (ErrorMessageMs, then idle), or printing
    /// the merchant then the cardholder copy (no timeout: the printer's done or failed event ends
    /// it), or a slip that did not print (PrinterFaultTimeoutMs: ENTER prints it again). The
    /// printer's events come back in the order of its jobs, the flow's and the background's.
    /// </summary>
    public sealed partial class TransactionEngine
    {
        private const int OwnerBackground = 0;
        private const int OwnerFlow = 1;

        /// <summary>Printer jobs the engine keeps the owners of (older ones are taken as answered).</summary>
        private const int MaxPrintJobs = 8;

        private string[] _nextCopy;
        private string[] _failedLines;
        private bool _flowPrinting;

        // The host's raw response code behind the outcome shown (a code the catalog does not know shows as received).
        private string _outcomeRc;

        // The printer's jobs in order, by owner: its done/failed events come back in the same order.
        private readonly int[] _printOwners = new int[MaxPrintJobs];
        private int _printHead;
        private int _printCount;

        /// <summary>Shows an outcome; prints the merchant then the cardholder copy when asked.</summary>
        private void ShowOutcome(int code, bool print)
        {
            _outcome = code;
            Outcome o = OutcomeCatalog.Get(code);
            Screen s = Prompts.ForOutcome(code, code == OutcomeCodes.HostUnknownCode ? _outcomeRc : null, _amount > 0 && _type != TransactionType.Balance ? AmountEntry.Format(_amount) : null);
            _nextCopy = null;
            _failedLines = null;
            bool printing = print && _slip != null;
            Enter(printing ? FlowWait.Printing : FlowWait.Message, s, o != null && o.Kind == OutcomeKind.Approved ? Tone.Success : Tone.Failure);
            if (printing)
            {
                _slip.OutcomeCode = code;
                _nextCopy = SlipBuilder.Lines(_slip, SlipCopy.Cardholder);
                PrintForFlow(SlipBuilder.Lines(_slip, SlipCopy.Merchant));
            }
        }

        /// <summary>Prints a slip of the flow's: the flow waits for it (Printing, no timeout).</summary>
        private void PrintForFlow(string[] lines)
        {
            Enter(FlowWait.Printing, null);
            _flowPrinting = true;
            _failedLines = lines;
            Print(lines, OwnerFlow);
        }

        private void Print(string[] lines, int owner)
        {
            if (_printCount == _printOwners.Length)
            {
                // The printer is far behind: the oldest job's event will be taken as this one's.
                _printHead = (_printHead + 1) % _printOwners.Length;
                _printCount--;
            }

            _printOwners[(_printHead + _printCount) % _printOwners.Length] = owner;
            _printCount++;
            _a.Add(ActionKind.Print).Lines = lines;
        }

        private void OnPrinted(int failedCode)
        {
            int owner = OwnerFlow;
            if (_printCount > 0)
            {
                owner = _printOwners[_printHead];
                _printHead = (_printHead + 1) % _printOwners.Length;
                _printCount--;
            }

            if (owner != OwnerFlow || !_flowPrinting)
            {
                if (failedCode != 0)
                {
                    // A background slip (reversal failure) did not print: the log keeps it for the report.
                    Log(failedCode, 0);
                }

                return;
            }

            _flowPrinting = false;
            if (failedCode != 0)
            {
                Enter(FlowWait.PrinterFault, Prompts.ForOutcome(failedCode, null), Tone.Failure);
                return;
            }

            _failedLines = null;
            if (_nextCopy != null)
            {
                string[] next = _nextCopy;
                _nextCopy = null;
                PrintForFlow(next);
                return;
            }

            // Printed: the outcome stays on screen for its time.
            Enter(FlowWait.Message, null);
        }

        private void OnOutcomeKey(KeyCode key)
        {
            if (_flowPrinting)
            {
                Beep(Tone.Refused);
                return;
            }

            if (key == KeyCode.Enter && _failedLines != null)
            {
                // Paper loaded: print the slip that failed again (and the copy after it).
                Enter(FlowWait.Printing, Prompts.ForOutcome(_outcome, null));
                PrintForFlow(_failedLines);
                return;
            }

            if (key == KeyCode.Enter || key == KeyCode.Cancel)
            {
                ShowIdle();
            }
        }
    }
}
