using PosFirmware.Devices;
using PosFirmware.App.Input;
using PosFirmware.Common;
using PosFirmware.Messaging.Host;
using PosFirmware.Payments.Outcomes;
using PosFirmware.Payments.State;

namespace PosFirmware.App.Engine
{
    /// <summary>
    /// The original's trace number (TraceEntryTimeoutMs): voids, completion and refund look the
    /// original up in the batch; the reprint and the reversal slip (management items 3 and 8) take
    /// it too, ENTER alone meaning the latest.
    /// </summary>
    public sealed partial class TransactionEngine
    {
        /// <summary>A trace number (STAN, field 11) has six digits.</summary>
        private const int MaxTraceDigits = 6;

        private int _trace;
        private int _traceDigits;
        private bool _reprint;

        // Menu 8: the trace entered picks the confirmation slip to print (ENTER alone: the latest).
        private bool _reversalSlip;

        private void EnterTrace()
        {
            _trace = 0;
            _traceDigits = 0;
            Enter(FlowWait.Trace, TraceScreen());
        }

        private Screen TraceScreen()
        {
            Screen s = Prompts.Prompt(ScreenId.EnterTrace, _type, _traceDigits == 0 ? "" : Digits.Pad(_trace, _traceDigits));
            if (_reprint)
            {
                s.English1 = "REPRINT";
                s.Chinese1 = "重打印";
                s.English2 = "Trace/ENTER=last";
            }
            else if (_reversalSlip)
            {
                s.English1 = "REVERSAL SLIP";
                s.Chinese1 = "冲正凭条";
                s.English2 = "Trace/ENTER=last";
            }

            return s;
        }

        private void OnTraceKey(KeyCode key)
        {
            if (key == KeyCode.Cancel)
            {
                ShowOutcome(OutcomeCodes.Cancelled, false);
                return;
            }

            if (key == KeyCode.Enter)
            {
                OnTraceEntered();
                return;
            }

            if (key == KeyCode.Backspace && _traceDigits > 0)
            {
                _trace /= 10;
                _traceDigits--;
            }
            else if (key == KeyCode.Clear)
            {
                _trace = 0;
                _traceDigits = 0;
            }
            else if (key <= KeyCode.Digit9 && _traceDigits < MaxTraceDigits)
            {
                _trace = (_trace * 10) + (int)key;
                _traceDigits++;
            }
            else
            {
                Beep(Tone.Refused);
                return;
            }

            Beep(Tone.Key);
            Enter(FlowWait.Trace, TraceScreen());
        }

        private void OnTraceEntered()
        {
            if (_reprint)
            {
                Reprint();
                return;
            }

            if (_reversalSlip)
            {
                PrintReversalSlip(_traceDigits == 0 ? _state.LastReversal : _state.FindConfirmed(_trace));
                return;
            }

            if (_traceDigits == 0)
            {
                Beep(Tone.Refused);
                return;
            }

            BatchRecord r = _state.FindInBatch(_trace);
            if (_type == TransactionType.Refund)
            {
                // A sale of this batch is referred to fully; an older one by the trace entered
                // (batch 000000: the host finds it by card and trace).
                _original = r != null && r.Entry.Type == TransactionType.Sale && !r.Voided ? r : null;
                EnterAmount();
                return;
            }

            if (r == null || r.Entry.Type != OriginalTypeOf(_type))
            {
                ShowOutcome(OutcomeCodes.OriginalNotInBatch, false);
                return;
            }

            if (r.Voided)
            {
                ShowOutcome(OutcomeCodes.AlreadyVoided, false);
                return;
            }

            _original = r;
            if (_type == TransactionType.Completion)
            {
                EnterAmount();
                return;
            }

            _amount = r.Entry.AmountMinor;
            WaitCard();
        }

        /// <summary>The type a void or completion refers to.</summary>
        private static TransactionType OriginalTypeOf(TransactionType type)
        {
            switch (type)
            {
                case TransactionType.Void:
                    return TransactionType.Sale;
                case TransactionType.CompletionVoid:
                    return TransactionType.Completion;
                default:
                    return TransactionType.PreAuth;
            }
        }
    }
}
