using System;
using PosFirmware.App.Input;
using PosFirmware.Common;
using PosFirmware.Devices;
using PosFirmware.Messaging.Host;
using PosFirmware.Messaging.Iso8583;
using PosFirmware.Payments.Outcomes;
using PosFirmware.Payments.Rules;
using PosFirmware.Payments.State;

namespace PosFirmware.App.Engine
{
    /// <summary>
    /// The terminal's behaviour as a step function: Step(event) appends the actions to carry out,
    /// reading the recovered TerminalState but never changing it (changes are Persist actions the
    /// run loop makes durable). No clock reads, no threads, no I/O: time and wall time come with
    /// the event, randomness from the injected source, so one event trace replays exactly.
    ///
    /// Two machines share the step: the counter-side flow (Phase: menus, amount, card, PIN,
    /// outcome, slips) and the host link (LinkState: sign-on, stored reversal, the flow's goal,
    /// offline advices, batch upload, in the order of PAYMENTS.md section 4). The flow hands the
    /// link a goal and waits; the link finishes it with an outcome code.
    /// </summary>
    public sealed partial class TransactionEngine
    {
        private readonly EngineSetup _setup;
        private readonly HostProfile _profile;
        private readonly TerminalParameters _p;
        private readonly TerminalState _state;
        private readonly SessionKeys _keys;
        private readonly Hal.IRandomSource _random;

        private readonly IsoMessage _request = new IsoMessage();
        private readonly IsoMessage _scratch = new IsoMessage();
        private readonly HostResponse _response = new HostResponse();
        private readonly ResponseReader _reader = new ResponseReader();
        private readonly MessageSealer _sealer = new MessageSealer();
        private readonly FinancialRequest _fin = new FinancialRequest();
        private readonly byte[] _frame;
        private readonly byte[] _pack;

        private ActionList _a;
        private long _now;
        private DateTime _utc;
        private bool _utcSet;

        public TransactionEngine(EngineSetup setup, TerminalState state, Hal.IRandomSource random)
        {
            _setup = setup;
            _profile = setup.Profile;
            _p = setup.Parameters;
            _state = state;
            _random = random;
            _keys = new SessionKeys(setup.TerminalMasterKey);
            _frame = new byte[_profile.Framing.MaxFrameBytes + 2];
            _pack = new byte[_profile.Framing.MaxFrameBytes];
            _amountEntry = new AmountEntry(_p.MaxAmountMinor);
            Phase = Phase.Off;
        }

        public Phase Phase { get; private set; }

        public LinkState Link { get; private set; }

        public bool IsSignedOn
        {
            get { return _keys.IsSignedOn; }
        }

        /// <summary>The goal the link is working on (None when the flow is not waiting for the host).</summary>
        public Goal CurrentGoal
        {
            get { return _goal; }
        }

        /// <summary>The outcome the flow shows or showed last (-1 before any).</summary>
        public int LastOutcome
        {
            get { return _outcome; }
        }

        /// <summary>The engine's one entry point: actions is cleared and filled with what to do, in order.</summary>
        public void Step(EngineEvent e, ActionList actions)
        {
            actions.Clear();
            _a = actions;
            if (_frameLength > 0)
            {
                // The last frame has been sent: PIN block and track data do not stay in RAM (I7).
                Array.Clear(_frame, 0, _frameLength);
                _frameLength = 0;
            }

            _now = e.NowMs;
            _utc = e.Utc;
            _utcSet = LocalClock.IsValid(e.UtcIsSet, e.Utc);

            if (Phase == Phase.Off && e.Kind != EventKind.PowerOn)
            {
                _a = null;
                return;
            }

            switch (e.Kind)
            {
                case EventKind.PowerOn:
                    OnPowerOn();
                    break;
                case EventKind.Key:
                    OnKey(e.Key);
                    break;
                case EventKind.CardRead:
                    OnCardRead(e.Card);
                    break;
                case EventKind.CardFailed:
                    OnCardFailed(e.OutcomeCode);
                    break;
                case EventKind.Connected:
                    OnConnected();
                    break;
                case EventKind.ConnectFailed:
                    OnConnectFailed(e.Net == Hal.NetStatus.LinkDown ? OutcomeCodes.NoNetwork : OutcomeCodes.HostUnreachable);
                    break;
                case EventKind.HostFrame:
                    OnHostFrame(e.Frame, e.FrameOffset, e.FrameLength);
                    break;
                case EventKind.HostGarbled:
                    OnAnswerLost(true);
                    break;
                case EventKind.ConnectionLost:
                    OnConnectionLost();
                    break;
                case EventKind.TimerExpired:
                    OnTimer(e.Timer);
                    break;
                case EventKind.PrintDone:
                    OnPrinted(0);
                    break;
                case EventKind.PrintFailed:
                    OnPrinted(e.OutcomeCode == 0 ? OutcomeCodes.PrinterJammed : e.OutcomeCode);
                    break;
                case EventKind.PersistFailed:
                    OnPersistFailed(e.Persist);
                    break;
            }

            _a = null;
        }

        private void OnPowerOn()
        {
            // Everything in RAM is gone: a power-on starts from the recovered state only.
            _keys.Drop();
            ResetFlow();
            ResetLink();
            _outcome = -1;
            _reversalNotice = -1;
            _printCount = 0;
            Phase = Phase.Starting;
            Show(Prompts.Prompt(ScreenId.Starting, TransactionType.Sale, null));
            Submit(Goal.PowerOn);
        }

        private void OnTimer(int timer)
        {
            switch (timer)
            {
                case EngineTimer.Flow:
                    OnFlowTimeout();
                    break;
                case EngineTimer.HostAnswer:
                    OnAnswerLost(false);
                    break;
                case EngineTimer.Connect:
                    if (Link == LinkState.Connecting)
                    {
                        _a.Add(ActionKind.Close);
                        OnConnectFailed(OutcomeCodes.HostUnreachable);
                    }

                    break;
                case EngineTimer.Countdown:
                    OnCountdown();
                    break;
                case EngineTimer.Pump:
                    Pump();
                    break;
            }
        }

        // ---- actions -----------------------------------------------------------------------

        private void Show(Screen s)
        {
            _a.Add(ActionKind.Show).Screen = s;
        }

        private void Beep(Tone t)
        {
            _a.Add(ActionKind.Beep).Tone = t;
        }

        private void Arm(int timer, long afterMs)
        {
            EngineAction x = _a.Add(ActionKind.Arm);
            x.Timer = timer;
            x.AtMs = _now + afterMs;
        }

        private void Disarm(int timer)
        {
            _a.Add(ActionKind.Disarm).Timer = timer;
        }

        private EngineAction Persist(PersistOp op)
        {
            EngineAction x = _a.Add(ActionKind.Persist);
            x.Persist = op;
            return x;
        }

        private void Complete(BatchRecord record, int voidsStan, PendingAdvice advice, LastTransaction last, bool clearReversal, int eventCode, int stan)
        {
            EngineAction x = Persist(PersistOp.Complete);
            x.Record = record;
            x.VoidsStan = voidsStan;
            x.Advice = advice;
            x.Last = last;
            x.ClearReversal = clearReversal;
            x.Event = Event(eventCode, stan);
        }

        private LoggedEvent Event(int code, int stan)
        {
            LoggedEvent e = new LoggedEvent();
            e.TimeMs = _now;
            e.Code = code;
            e.Stan = stan;
            return e;
        }

        /// <summary>The STAN TakeStan will hand out (the run loop checks they agree).</summary>
        private int TakeStan()
        {
            int stan = TerminalState.After(_state.LastStan);
            Persist(PersistOp.TakeStan).Stan = stan;
            return stan;
        }

        // ---- time ----------------------------------------------------------------------------

        /// <summary>The event's wall time as the terminal's local time (meaningful when _utcSet).</summary>
        private DateTime Local()
        {
            return LocalClock.ToLocal(_utc, _profile.UtcOffsetMinutes);
        }

        /// <summary>hhmmss of the event's local time, or null while the wall clock is not set.</summary>
        private string LocalTime()
        {
            return _utcSet ? LocalClock.Hhmmss(Local()) : null;
        }

        /// <summary>MMDD of the event's local time, or null while the wall clock is not set.</summary>
        private string LocalDate()
        {
            return _utcSet ? LocalClock.Mmdd(Local()) : null;
        }

        /// <summary>MMDDhhmmss for slips and records, or null (printed as "time not set").</summary>
        private static string Stamp(string date, string time)
        {
            return date == null || time == null ? null : date + time;
        }

        /// <summary>
        /// After a sign-on: a wall clock that is not set takes the host's date and time (12/13, in the
        /// host's own zone: HostProfile.HostUtcOffsetMinutes). 13 has no year: it is the first that
        /// does not put the host's date before the later of the clock's unset reading (a lower bound
        /// of now, e.g. a time saved before the power went) and this firmware's release date (an RTC
        /// back at its epoch says nothing; the firmware cannot run before it was made).
        /// </summary>
        private void SetClockFromHost()
        {
            if (_utcSet)
            {
                return;
            }

            DateTime reference = _utc.Year >= LocalClock.FirstValidYear && _utc.Ticks > FirmwareRelease.DateUtc.Ticks ? _utc : FirmwareRelease.DateUtc;
            DateTime local;
            int offset = _profile.HostUtcOffsetMinutes;
            if (!LocalClock.TryHostTime(_response.HostTime, _response.HostDate, LocalClock.ToLocal(reference, offset), out local))
            {
                return;
            }

            _utc = LocalClock.ToUtc(local, offset);
            _utcSet = true;
            _a.Add(ActionKind.SetClock).Utc = _utc;
        }
    }
}
