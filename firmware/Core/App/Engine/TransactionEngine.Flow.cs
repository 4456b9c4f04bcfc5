using PosFirmware.App.Input;
using PosFirmware.App.Slips;
using PosFirmware.Common;
using PosFirmware.Devices;
using PosFirmware.Messaging.Host;
using PosFirmware.Payments.Outcomes;
using PosFirmware.Payments.Rules;
using PosFirmware.Payments.State;
using PosFirmware.Security;

namespace PosFirmware.App.Engine
{
    /// <summary>The counter-side flow: menus, trace, amount, card, PIN, outcome and slips.</summary>
    public sealed partial class TransactionEngine
    {
        private const int MaxTraceDigits = 6;
        private const int OwnerBackground = 0;
        private const int OwnerFlow = 1;

        private readonly AmountEntry _amountEntry;
        private readonly PinEntry _pin = new PinEntry();
        private readonly CardData _card = new CardData();
        private TransactionType _type;
        private long _amount;
        private BatchRecord _original;
        private bool _hasPin;
        private bool _pinBeforeCard;
        private int _trace;
        private int _traceDigits;
        private bool _reprint;
        private int _pinTries;
        private int _menuPage;
        private int _outcome = -1;
        private SlipData _slip;
        private string[] _nextCopy;
        private string[] _failedLines;
        private bool _flowPrinting;
        private int _info;

        // The host's raw response code behind the outcome shown (a code the catalog does not know shows as received).
        private string _outcomeRc;

        // The STAN of a reversal the host just confirmed, until its notice is on flash (-1: none):
        // the idle screen of the same step says it; later ones find it due in the state.
        private int _reversalNotice = -1;

        // Menu 8: the trace entered picks the confirmation slip to print (ENTER alone: the latest).
        private bool _reversalSlip;

        private const int InfoLast = 0;
        private const int InfoTotals = 1;
        private const int InfoBalance = 2;

        // The printer's jobs in order, by owner: its done/failed events come back in the same order.
        private readonly int[] _printOwners = new int[8];
        private int _printHead;
        private int _printCount;

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

        private void ShowIdle()
        {
            // The transaction is over: nothing of the card or PIN outlives it (I7).
            ResetFlow();
            Phase = Phase.Idle;
            Disarm(EngineTimer.Flow);
            Disarm(EngineTimer.Countdown);
            if (SayConfirmedReversals())
            {
                return;
            }

            Show(Prompts.Prompt(ScreenId.Idle, TransactionType.Sale, null));
        }

        // ---- keys -------------------------------------------------------------------------

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
                case Phase.EnterTrace:
                    OnTraceKey(key);
                    break;
                case Phase.EnterAmount:
                    OnAmountKey(key);
                    break;
                case Phase.WaitCard:
                    if (key == KeyCode.Cancel)
                    {
                        _a.Add(ActionKind.StopCardRead);
                        ShowOutcome(OutcomeCodes.Cancelled, false);
                    }

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
                case Phase.ConfirmSettle:
                    if (key == KeyCode.Enter)
                    {
                        GoOnline(Goal.Settlement);
                    }
                    else if (key == KeyCode.Cancel)
                    {
                        ShowIdle();
                    }

                    break;
                default:
                    // Starting and Online: nothing can be cancelled once the host may be involved.
                    Beep(Tone.Refused);
                    break;
            }
        }

        private void OnIdleKey(KeyCode key)
        {
            if (key == KeyCode.Enter)
            {
                StartTransaction(TransactionType.Sale);
            }
            else if (key == KeyCode.Func)
            {
                ShowMenu(0);
            }
            else if (key >= KeyCode.Digit1 && key <= KeyCode.Digit9)
            {
                // Cash-register style: typing an amount at idle starts a sale with it.
                StartTransaction(TransactionType.Sale);
                OnAmountKey(key);
            }
        }

        private void ShowMenu(int page)
        {
            Phase = Phase.Menu;
            _menuPage = page;
            Show(Prompts.Menu(page));
            Arm(EngineTimer.Flow, _p.AmountEntryTimeoutMs);
        }

        private void OnMenuKey(KeyCode key)
        {
            if (key == KeyCode.Cancel)
            {
                ShowIdle();
                return;
            }

            if (key == KeyCode.Func)
            {
                ShowMenu((_menuPage + 1) % 4);
                return;
            }

            int n = (int)key;
            if (key > KeyCode.Digit9 || n < 1)
            {
                Beep(Tone.Refused);
                return;
            }

            if (_menuPage < 2)
            {
                if (n <= Prompts.TransactionTypes.Length)
                {
                    StartTransaction(Prompts.TransactionTypes[n - 1]);
                    return;
                }
            }
            else if (n <= Prompts.ManagementItems.Length)
            {
                StartManagement(n);
                return;
            }

            Beep(Tone.Refused);
        }

        private void StartManagement(int item)
        {
            ResetFlow();
            switch (item)
            {
                case Prompts.Settle:
                    Phase = Phase.ConfirmSettle;
                    Show(Prompts.Prompt(ScreenId.ConfirmSettle, TransactionType.Sale, TotalsText(_state.Totals())));
                    Arm(EngineTimer.Flow, _p.AmountEntryTimeoutMs);
                    break;
                case Prompts.LastTransaction:
                    ShowLast();
                    break;
                case Prompts.Reprint:
                    _reprint = true;
                    EnterTrace();
                    break;
                case Prompts.Totals:
                    Phase = Phase.Info;
                    _info = InfoTotals;
                    Show(Prompts.Prompt(ScreenId.Totals, TransactionType.Sale, TotalsText(_state.Totals())));
                    Arm(EngineTimer.Flow, _p.AmountEntryTimeoutMs);
                    break;
                case Prompts.SignOn:
                    GoOnline(Goal.SignOn);
                    break;
                case Prompts.SignOff:
                    GoOnline(Goal.SignOff);
                    break;
                case Prompts.ReversalSlip:
                    _reversalSlip = true;
                    EnterTrace();
                    break;
                default:
                    GoOnline(Goal.Echo);
                    break;
            }
        }

        private void StartTransaction(TransactionType type)
        {
            ResetFlow();
            _type = type;
            if (TransactionRules.RefersToOriginal(type))
            {
                EnterTrace();
            }
            else if (type == TransactionType.Balance)
            {
                WaitCard();
            }
            else
            {
                EnterAmount();
            }
        }

        // ---- trace number of the original (voids, completion, reprint) ----------------------

        private void EnterTrace()
        {
            Phase = Phase.EnterTrace;
            _trace = 0;
            _traceDigits = 0;
            ShowTrace();
            Arm(EngineTimer.Flow, _p.AmountEntryTimeoutMs);
        }

        private void ShowTrace()
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

            Show(s);
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
            ShowTrace();
            Arm(EngineTimer.Flow, _p.AmountEntryTimeoutMs);
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

        // ---- amount -----------------------------------------------------------------------

        private void EnterAmount()
        {
            Phase = Phase.EnterAmount;
            _amountEntry.Reset();
            Show(Prompts.Prompt(ScreenId.EnterAmount, _type, AmountEntry.Format(0)));
            Arm(EngineTimer.Flow, _p.AmountEntryTimeoutMs);
        }

        private void OnAmountKey(KeyCode key)
        {
            EntryResult r = _amountEntry.Key(key);
            switch (r)
            {
                case EntryResult.Cancelled:
                    ShowOutcome(OutcomeCodes.Cancelled, false);
                    return;
                case EntryResult.Refused:
                    Beep(Tone.Refused);
                    return;
                case EntryResult.Confirmed:
                    _amount = _amountEntry.AmountMinor;
                    WaitCard();
                    return;
                default:
                    Beep(Tone.Key);
                    Show(Prompts.Prompt(ScreenId.EnterAmount, _type, AmountEntry.Format(_amountEntry.AmountMinor)));
                    Arm(EngineTimer.Flow, _p.AmountEntryTimeoutMs);
                    return;
            }
        }

        // ---- card -------------------------------------------------------------------------

        private void WaitCard()
        {
            Phase = Phase.WaitCard;
            Show(Prompts.Prompt(ScreenId.PresentCard, _type, _type == TransactionType.Balance ? null : AmountEntry.Format(_amount)));
            EngineAction x = _a.Add(ActionKind.StartCardRead);
            x.TimeoutMs = _p.ContactlessReadTimeoutMs;
            x.AmountMinor = _type == TransactionType.Balance ? 0 : _amount;
            x.CardTransaction = _type;
            Arm(EngineTimer.Flow, _p.CardWaitTimeoutMs);
        }

        private void OnCardRead(CardData card)
        {
            if (Phase != Phase.WaitCard || card == null)
            {
                return;
            }

            Disarm(EngineTimer.Flow);
            // A copy: the loop wipes its CardData (and a reader may reuse its buffers) as soon as
            // this step returns, while the request is built in a later step.
            if (!_card.CopyFrom(card) || _card.Pan == null || _card.Pan.Length < 12 || _card.Pan.Length > 19 || !Digits.AreAll(_card.Pan))
            {
                ShowOutcome(OutcomeCodes.CardReadError, false);
                return;
            }

            if (_original != null && _card.MaskedPan != _original.MaskedPan)
            {
                // A void or completion must be made with the card of the original.
                ShowOutcome(OutcomeCodes.OriginalNotInBatch, false);
                return;
            }

            if (_type != TransactionType.Balance && _state.BatchCount >= _state.BatchCapacity)
            {
                ShowOutcome(OutcomeCodes.BatchFull, false);
                return;
            }

            if (_type != TransactionType.Balance && _state.Settling)
            {
                // A settlement went out and did not finish: the host may have closed this batch, and
                // would never settle what went into it now. Settle again first.
                ShowOutcome(OutcomeCodes.SettlementFailed, false);
                return;
            }

            if (_pinBeforeCard)
            {
                _pinBeforeCard = false;
                GoOnline(Goal.Financial);
                return;
            }

            if (_type == TransactionType.Sale && _card.Entry == CardEntry.Contactless
                && OfflinePolicy.Decide(_p, _profile, _state, _type, _amount) == OfflineDecision.Allowed)
            {
                // Y1: under the floor limit the card and terminal approve without the host.
                ApproveOffline();
                return;
            }

            if (NeedsPin())
            {
                EnterPin(false);
                return;
            }

            GoOnline(Goal.Financial);
        }

        private void OnCardFailed(int code)
        {
            if (Phase != Phase.WaitCard)
            {
                return;
            }

            Disarm(EngineTimer.Flow);
            Outcome o = OutcomeCatalog.Get(code);
            ShowOutcome(o == null || o.Kind == OutcomeKind.Approved ? OutcomeCodes.CardReadError : code, false);
        }

        /// <summary>
        /// Balance always needs the PIN; sales, pre-auths and completions ask for it (the cardholder
        /// may press ENTER for none) except contactless under the CVM limit; voids and refunds are
        /// the merchant's and need none.
        /// </summary>
        private bool NeedsPin()
        {
            switch (_type)
            {
                case TransactionType.Balance:
                    return true;
                case TransactionType.Sale:
                case TransactionType.PreAuth:
                case TransactionType.Completion:
                    return !(_card.Entry == CardEntry.Contactless && _amount <= _p.CvmLimitMinor);
                default:
                    return false;
            }
        }

        // ---- PIN --------------------------------------------------------------------------

        private void EnterPin(bool again)
        {
            Phase = Phase.EnterPin;
            _pin.Clear();
            _hasPin = false;
            _pin.BypassAllowed = _type != TransactionType.Balance;
            Show(again ? Prompts.WrongPin("") : Prompts.Prompt(ScreenId.EnterPin, _type, ""));
            Arm(EngineTimer.Flow, _p.PinEntryTimeoutMs);
        }

        private void OnPinKey(KeyCode key)
        {
            EntryResult r = _pin.Key(key);
            switch (r)
            {
                case EntryResult.Cancelled:
                    _pin.Clear();
                    ShowOutcome(OutcomeCodes.Cancelled, false);
                    return;
                case EntryResult.Refused:
                    Beep(Tone.Refused);
                    return;
                case EntryResult.Confirmed:
                case EntryResult.Bypassed:
                    _hasPin = r == EntryResult.Confirmed;
                    if (_card.MaskedPan != null && _card.Pan == null)
                    {
                        // Again after a wrong PIN: the first request took the card data (I7), so
                        // the card is read again (a new cryptogram) and the request goes with this PIN.
                        _pinBeforeCard = true;
                        WaitCard();
                        return;
                    }

                    GoOnline(Goal.Financial);
                    return;
                default:
                    Beep(Tone.Key);
                    Show(Prompts.Prompt(ScreenId.EnterPin, _type, _pin.Masked));
                    Arm(EngineTimer.Flow, _p.PinEntryTimeoutMs);
                    return;
            }
        }

        // ---- online -----------------------------------------------------------------------

        private void GoOnline(Goal goal)
        {
            Phase = Phase.Online;
            Disarm(EngineTimer.Flow);
            Show(Prompts.Prompt(ScreenId.Processing, _type, null));
            Arm(EngineTimer.Countdown, 1000);
            Submit(goal);
        }

        private void OnCountdown()
        {
            if (Phase != Phase.Online)
            {
                return;
            }

            string seconds = null;
            if (Link == LinkState.Awaiting)
            {
                long left = _hostDeadlineMs - _now;
                seconds = (left <= 0 ? 0 : (left + 999) / 1000).ToString();
            }

            Show(Prompts.Prompt(ScreenId.Processing, _type, seconds));
            Arm(EngineTimer.Countdown, 1000);
        }

        /// <summary>The link finished the flow's goal with an outcome.</summary>
        private void OnGoalFinished(int code)
        {
            if (Phase == Phase.Starting)
            {
                if (code == OutcomeCodes.SignedOn)
                {
                    ShowIdle();
                }
                else
                {
                    ShowOutcome(code, false);
                }

                return;
            }

            if (Phase != Phase.Online)
            {
                return;
            }

            Disarm(EngineTimer.Countdown);
            Outcome o = OutcomeCatalog.Get(code);
            bool transaction = _slip != null;
            bool print = transaction && o != null && _type != TransactionType.Balance
                && (o.Kind == OutcomeKind.Approved || o.MoneyMayHaveMoved || code == OutcomeCodes.RefundPending);
            if (code == OutcomeCodes.Approved && _type == TransactionType.Balance)
            {
                ShowBalance();
                return;
            }

            ShowOutcome(code, print);
        }

        // ---- outcome and slips -------------------------------------------------------------

        /// <summary>Shows an outcome; prints the merchant then the cardholder copy when asked.</summary>
        private void ShowOutcome(int code, bool print)
        {
            Phase = Phase.Outcome;
            _outcome = code;
            Disarm(EngineTimer.Countdown);
            Outcome o = OutcomeCatalog.Get(code);
            Show(Prompts.ForOutcome(code, code == OutcomeCodes.HostUnknownCode ? _outcomeRc : null, _amount > 0 && _type != TransactionType.Balance ? AmountEntry.Format(_amount) : null));
            Beep(o != null && o.Kind == OutcomeKind.Approved ? Tone.Success : Tone.Failure);
            _nextCopy = null;
            _failedLines = null;
            if (print && _slip != null)
            {
                _slip.OutcomeCode = code;
                _nextCopy = SlipBuilder.Lines(_slip, SlipCopy.Cardholder);
                PrintForFlow(SlipBuilder.Lines(_slip, SlipCopy.Merchant));
                Disarm(EngineTimer.Flow);
            }
            else
            {
                Arm(EngineTimer.Flow, _p.ErrorMessageMs);
            }
        }

        private void PrintForFlow(string[] lines)
        {
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
                    Persist(PersistOp.Log).Event = Event(failedCode, 0);
                }

                return;
            }

            _flowPrinting = false;
            if (failedCode != 0)
            {
                Show(Prompts.ForOutcome(failedCode, null));
                Beep(Tone.Failure);
                Arm(EngineTimer.Flow, _p.CardWaitTimeoutMs);
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

            Arm(EngineTimer.Flow, _p.ErrorMessageMs);
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
                Show(Prompts.ForOutcome(_outcome, null));
                PrintForFlow(_failedLines);
                Disarm(EngineTimer.Flow);
                return;
            }

            if (key == KeyCode.Enter || key == KeyCode.Cancel)
            {
                ShowIdle();
            }
        }

        // ---- information: last transaction, totals, balance, reprint ------------------------

        private void ShowLast()
        {
            LastTransaction t = _state.Last;
            if (t == null)
            {
                ShowOutcome(OutcomeCodes.NoTransaction, false);
                return;
            }

            Phase = Phase.Info;
            _info = InfoLast;
            Screen s = Prompts.Last(t, Digits.Pad(t.Stan, 6) + " " + AmountEntry.Format(t.AmountMinor));
            Prompts.LastTitle(s, t.When);
            Show(s);
            Arm(EngineTimer.Flow, _p.AmountEntryTimeoutMs);
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

            Phase = Phase.Outcome;
            _outcome = OutcomeCodes.ReversalConfirmed;
            Show(Prompts.ForOutcome(OutcomeCodes.ReversalConfirmed, Digits.Pad(c.Stan, 6)));
            Disarm(EngineTimer.Flow);
            _nextCopy = null;
            PrintForFlow(SlipBuilder.Lines(SlipOf(c), SlipCopy.Cardholder));
        }

        private void ShowBalance()
        {
            Phase = Phase.Info;
            _info = InfoBalance;
            _outcome = OutcomeCodes.Approved;
            Show(Prompts.Prompt(ScreenId.Balance, _type, BalanceText(_response.AdditionalAmounts)));
            Beep(Tone.Success);
            ResetFlow();
            Arm(EngineTimer.Flow, _p.AmountEntryTimeoutMs);
        }

        private void OnInfoKey(KeyCode key)
        {
            if (key == KeyCode.Cancel || (key == KeyCode.Enter && _info == InfoBalance))
            {
                ShowIdle();
                return;
            }

            if (key != KeyCode.Enter)
            {
                return;
            }

            // ENTER prints what is shown: the last transaction's slip or the totals report.
            if (_info == InfoLast)
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

            Phase = Phase.Outcome;
            Disarm(EngineTimer.Flow);
            _nextCopy = null;
            PrintForFlow(Reports.Totals(_setup, _state.Batch, _state.Totals(), When(), false, _state));
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
            }

            if (d == null)
            {
                ShowOutcome(_traceDigits == 0 ? OutcomeCodes.NoTransaction : OutcomeCodes.OriginalNotInBatch, false);
                return;
            }

            d.Reprint = true;
            Phase = Phase.Outcome;
            _outcome = d.OutcomeCode;
            Show(Prompts.ForOutcome(d.OutcomeCode, d.ResponseCode, Digits.Pad(d.Stan, 6)));
            Disarm(EngineTimer.Flow);
            _nextCopy = null;
            PrintForFlow(SlipBuilder.Lines(d, SlipCopy.Merchant));
        }

        private void OnFlowTimeout()
        {
            switch (Phase)
            {
                case Phase.Menu:
                case Phase.ConfirmSettle:
                    ShowOutcome(OutcomeCodes.TimeoutMenu, false);
                    break;
                case Phase.EnterTrace:
                case Phase.EnterAmount:
                    ShowOutcome(OutcomeCodes.TimeoutAmountEntry, false);
                    break;
                case Phase.WaitCard:
                    _a.Add(ActionKind.StopCardRead);
                    ShowOutcome(OutcomeCodes.TimeoutCard, false);
                    break;
                case Phase.EnterPin:
                    _pin.Clear();
                    ShowOutcome(OutcomeCodes.TimeoutPin, false);
                    break;
                case Phase.Outcome:
                case Phase.Info:
                    // Also after a printer fault nobody attended to (I8: back at idle within a bound).
                    ShowIdle();
                    break;
            }
        }
    }
}
