using PosFirmware.Devices;
using PosFirmware.App.Input;
using PosFirmware.App.Slips;
using PosFirmware.Common;
using PosFirmware.Messaging.Host;
using PosFirmware.Payments.Outcomes;
using PosFirmware.Payments.State;

namespace PosFirmware.App.Engine
{
    /// <summary>
    /// The information screens (InfoScreenTimeoutMs): the last transaction, the batch totals and
    /// a balance; ENTER prints what is shown (the last transaction's slip or its reversal's
    /// confirmation, the totals report). The reprint and the reversal slip print from here too.
    /// </summary>
    public sealed partial class TransactionEngine
    {
        private void ShowLast()
        {
            LastTransaction t = _state.Last;
            if (t == null)
            {
                ShowOutcome(OutcomeCodes.NoTransaction, false);
                return;
            }

            Screen s = Prompts.Last(t, Digits.Pad(t.Stan, 6) + " " + AmountEntry.Format(t.AmountMinor));
            Prompts.LastTitle(s, t.When);
            Enter(FlowWait.LastTransaction, s);
        }

        private void ShowTotals()
        {
            Enter(FlowWait.Totals, Prompts.Prompt(ScreenId.Totals, TransactionType.Sale, TotalsText(_state.Totals())));
        }

        private void ShowBalance()
        {
            _outcome = OutcomeCodes.Approved;
            Enter(FlowWait.Balance, Prompts.Prompt(ScreenId.Balance, _type, BalanceText(_response.AdditionalAmounts)), Tone.Success);
            ResetFlow();
        }

        private void OnInfoKey(KeyCode key)
        {
            if (key == KeyCode.Cancel || (key == KeyCode.Enter && _wait == FlowWait.Balance))
            {
                ShowIdle();
                return;
            }

            if (key != KeyCode.Enter)
            {
                return;
            }

            // ENTER prints what is shown: the last transaction's slip or the totals report.
            if (_wait == FlowWait.LastTransaction)
            {
                LastTransaction t = _state.Last;
                if (t != null && t.Reversal == ReversalState.Done && _state.FindConfirmed(t.Stan) != null)
                {
                    // Its reversal is confirmed: what the merchant needs now is the confirmation slip.
                    PrintReversalSlip(_state.FindConfirmed(t.Stan));
                    return;
                }

                _traceDigits = 0;
                Reprint();
                return;
            }

            _nextCopy = null;
            PrintForFlow(Reports.Totals(_setup, _state.Batch, _state.Totals(), When(), false, _state));
        }

        /// <summary>
        /// Prints the confirmation slip of c, a reversal the host confirmed (the cardholder's copy:
        /// the evidence that the money went back), or says there is none (null).
        /// </summary>
        private void PrintReversalSlip(ConfirmedReversal c)
        {
            if (c == null)
            {
                ShowOutcome(OutcomeCodes.NoTransaction, false);
                return;
            }

            _outcome = OutcomeCodes.ReversalConfirmed;
            Enter(FlowWait.Printing, Prompts.ForOutcome(OutcomeCodes.ReversalConfirmed, Digits.Pad(c.Stan, 6)));
            _nextCopy = null;
            PrintForFlow(SlipBuilder.Lines(SlipOf(c), SlipCopy.Cardholder));
        }

        /// <summary>Reprints the slip of the trace entered (or the last transaction) as a merchant copy.</summary>
        private void Reprint()
        {
            BatchRecord r = _traceDigits == 0 ? null : _state.FindInBatch(_trace);
            SlipData d = null;
            if (r != null)
            {
                d = SlipOf(r);
            }
            else if (_traceDigits == 0 && _state.Last != null)
            {
                d = SlipOf(_state.Last);
                d.Entry = EntryOfLast(_state.Last);
            }

            if (d == null)
            {
                ShowOutcome(_traceDigits == 0 ? OutcomeCodes.NoTransaction : OutcomeCodes.OriginalNotInBatch, false);
                return;
            }

            d.Reprint = true;
            _outcome = d.OutcomeCode;
            Enter(FlowWait.Printing, Prompts.ForOutcome(d.OutcomeCode, d.ResponseCode, Digits.Pad(d.Stan, 6)));
            _nextCopy = null;
            PrintForFlow(SlipBuilder.Lines(d, SlipCopy.Merchant));
        }

        /// <summary>
        /// How the last transaction's card was read: LastTransaction does not keep it, its batch
        /// record does (an approval of this batch). Else not known, and the slip leaves the line out
        /// rather than say MANUAL.
        /// </summary>
        private PosEntryMode EntryOfLast(LastTransaction t)
        {
            BatchRecord r = _state.FindInBatch(t.Stan);
            if (r != null && r.Entry.Type == t.Type && r.Entry.AmountMinor == t.AmountMinor && (t.Batch == 0 || t.Batch == r.Entry.Batch))
            {
                return r.Entry.Entry;
            }

            return SlipData.EntryNotKnown;
        }
    }
}
