using PosFirmware.Devices;
using PosFirmware.App.Input;
using PosFirmware.App.Slips;
using PosFirmware.Messaging.Host;
using PosFirmware.Payments.Outcomes;
using PosFirmware.Payments.State;

namespace PosFirmware.App.Engine
{
    /// <summary>
    /// The counter-side flow's frame: what a transaction carries from phase to phase, the one way
    /// into a wait (Enter: its screen, its entry, its own timeout; leaving the one before), and the
    /// dispatch of keys and of the flow timer to the phase that owns them. Each phase is a file of
    /// its own: Idle, Menu, Trace, Amount, Card, Pin, Online, Outcome, Info.
    /// </summary>
    public sealed partial class TransactionEngine
    {
        /// <summary>The processing screen's countdown is redrawn once a second.</summary>
        private const int CountdownTickMs = 1000;

        private readonly CardData _card = new CardData();
        private TransactionType _type;
        private long _amount;
        private BatchRecord _original;
        private bool _hasPin;
        private bool _pinBeforeCard;
        private int _outcome = -1;
        private SlipData _slip;

        // What the flow waits for (its Phase follows from it: PhaseOf).
        private FlowWait _wait = FlowWait.Idle;

        private void ResetFlow()
        {
            _card.Clear();
            _pin.Clear();
            _hasPin = false;
            _pinBeforeCard = false;
            _original = null;
            _amount = 0;
            _trace = 0;
            _traceDigits = 0;
            _reprint = false;
            _reversalSlip = false;
            _pinTries = 0;
            _slip = null;
            _nextCopy = null;
            _failedLines = null;
            _flowPrinting = false;
        }

        // ---- entering a wait ----------------------------------------------------------------

        /// <summary>Enters wait (see EnterWith) without a tone.</summary>
        private void Enter(FlowWait wait, Screen s)
        {
            EnterWith(wait, s, false, Tone.Key);
        }

        /// <summary>Enters wait (see EnterWith), sounding tone after the screen.</summary>
        private void Enter(FlowWait wait, Screen s, Tone tone)
        {
            EnterWith(wait, s, true, tone);
        }

        /// <summary>
        /// The one way into a wait and its phase. Leaves the wait before (Online's countdown stops;
        /// the flow timer is re-armed by the new wait or disarmed when it has no timeout), shows s
        /// (null: the screen stays), sounds the tone, runs the wait's own entry (the card reader on,
        /// the countdown) and arms its own timeout. Entering the current wait again (a key typed)
        /// redraws it and restarts its timeout.
        /// </summary>
        private void EnterWith(FlowWait wait, Screen s, bool beep, Tone tone)
        {
            Phase next = PhaseOf(wait);
            if (Phase == Phase.Online && next != Phase.Online)
            {
                Disarm(EngineTimer.Countdown);
            }

            // Only a wait with a timeout can have left the flow timer armed.
            bool armed = TimeoutOf(_wait) > 0;
            Phase = next;
            _wait = wait;
            if (s != null)
            {
                Show(s);
            }

            if (beep)
            {
                Beep(tone);
            }

            if (wait == FlowWait.Card)
            {
                StartCardRead();
            }
            else if (wait == FlowWait.Host)
            {
                Arm(EngineTimer.Countdown, CountdownTickMs);
            }

            long timeoutMs = TimeoutOf(wait);
            if (timeoutMs > 0)
            {
                Arm(EngineTimer.Flow, timeoutMs);
            }
            else if (armed)
            {
                Disarm(EngineTimer.Flow);
            }
        }

        /// <summary>The phase a wait belongs to.</summary>
        private static Phase PhaseOf(FlowWait wait)
        {
            switch (wait)
            {
                case FlowWait.Menu:
                    return Phase.Menu;
                case FlowWait.ConfirmSettle:
                    return Phase.ConfirmSettle;
                case FlowWait.Trace:
                    return Phase.EnterTrace;
                case FlowWait.Amount:
                    return Phase.EnterAmount;
                case FlowWait.Card:
                    return Phase.WaitCard;
                case FlowWait.Pin:
                    return Phase.EnterPin;
                case FlowWait.Host:
                    return Phase.Online;
                case FlowWait.Message:
                case FlowWait.Printing:
                case FlowWait.PrinterFault:
                    return Phase.Outcome;
                case FlowWait.LastTransaction:
                case FlowWait.Totals:
                case FlowWait.Balance:
                    return Phase.Info;
                default:
                    return Phase.Idle;
            }
        }

        /// <summary>A wait's own timeout in ms (TerminalParameters), or 0 where something else ends it.</summary>
        private long TimeoutOf(FlowWait wait)
        {
            switch (wait)
            {
                case FlowWait.Menu:
                case FlowWait.ConfirmSettle:
                    return _p.MenuTimeoutMs;
                case FlowWait.Trace:
                    return _p.TraceEntryTimeoutMs;
                case FlowWait.Amount:
                    return _p.AmountEntryTimeoutMs;
                case FlowWait.Card:
                    return _p.CardWaitTimeoutMs;
                case FlowWait.Pin:
                    return _p.PinEntryTimeoutMs;
                case FlowWait.Message:
                    return _p.ErrorMessageMs;
                case FlowWait.PrinterFault:
                    return _p.PrinterFaultTimeoutMs;
                case FlowWait.LastTransaction:
                case FlowWait.Totals:
                case FlowWait.Balance:
                    return _p.InfoScreenTimeoutMs;
                default:
                    // Idle waits for nothing; the host link bounds Host (I8); the printer answers Printing.
                    return 0;
            }
        }

        // ---- keys and the flow timer, to the phase that owns them ---------------------------

        private void OnKey(KeyCode key)
        {
            switch (Phase)
            {
                case Phase.Idle:
                    OnIdleKey(key);
                    break;
                case Phase.Menu:
                    OnMenuKey(key);
                    break;
                case Phase.ConfirmSettle:
                    OnConfirmSettleKey(key);
                    break;
                case Phase.EnterTrace:
                    OnTraceKey(key);
                    break;
                case Phase.EnterAmount:
                    OnAmountKey(key);
                    break;
                case Phase.WaitCard:
                    OnCardWaitKey(key);
                    break;
                case Phase.EnterPin:
                    OnPinKey(key);
                    break;
                case Phase.Outcome:
                    OnOutcomeKey(key);
                    break;
                case Phase.Info:
                    OnInfoKey(key);
                    break;
                default:
                    // Starting and Online: nothing can be cancelled once the host may be involved.
                    Beep(Tone.Refused);
                    break;
            }
        }

        /// <summary>The flow timer expired: the wait it was armed for ends as that wait ends on a timeout.</summary>
        private void OnFlowTimeout()
        {
            if (Phase != PhaseOf(_wait))
            {
                // Starting (after a power-on): no flow wait is armed.
                return;
            }

            switch (_wait)
            {
                case FlowWait.Menu:
                case FlowWait.ConfirmSettle:
                    ShowOutcome(OutcomeCodes.TimeoutMenu, false);
                    break;
                case FlowWait.Trace:
                case FlowWait.Amount:
                    ShowOutcome(OutcomeCodes.TimeoutAmountEntry, false);
                    break;
                case FlowWait.Card:
                    OnCardTimeout();
                    break;
                case FlowWait.Pin:
                    OnPinTimeout();
                    break;
                case FlowWait.Message:
                case FlowWait.PrinterFault:
                case FlowWait.LastTransaction:
                case FlowWait.Totals:
                case FlowWait.Balance:
                    // Also after a printer fault nobody attended to (I8: back at idle within a bound).
                    ShowIdle();
                    break;
            }
        }
    }
}
