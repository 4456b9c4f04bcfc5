using System;
using PosFirmware.App.Input;
using PosFirmware.Common;
using PosFirmware.Devices;
using PosFirmware.Messaging.Host;
using PosFirmware.Messaging.Iso8583;
using PosFirmware.Payments.Journal;
using PosFirmware.Payments.Outcomes;
using PosFirmware.Payments.Rules;
using PosFirmware.Payments.State;

namespace PosFirmware.App.Engine
{
    /// <summary>
    /// The terminal's behaviour as a step function: Step(event) appends the actions to carry out.
    /// Durable changes are asked of the IDurableState port during the step and answered in it: a
    /// refused write is handled where it was asked, and what depends on it (a send, an "approved")
    /// is only appended after it returned Ok (I3 by construction). Each write also appends a
    /// Durable note, so the action list shows it in order ("persist X" before "send"). No clock
    /// reads, no threads, no other I/O: time and wall time come with the event, randomness from
    /// the injected source, so one event trace replays exactly.
    ///
    /// Two machines share the step: the counter-side flow (Phase: menus, amount, card, PIN,
    /// outcome, slips) and the host link (LinkState: sign-on, stored reversal, the flow's goal,
    /// offline advices, batch upload, in the order of PAYMENTS.md section 4). The flow hands the
    /// link a goal and waits; the link finishes it with an outcome code. The link's next step runs
    /// at the end of the step that made it due (RunLink), not in a step of its own.
    /// </summary>
    public sealed partial class TransactionEngine
    {
        private readonly EngineSetup _setup;
        private readonly HostProfile _profile;
        private readonly TerminalParameters _p;
        private readonly TerminalState _state;
        private readonly IDurableState _durable;
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

        private readonly LoggedEvent _event = new LoggedEvent();
        private ActionList _a;
        private long _now;
        private DateTime _utc;
        private bool _utcSet;

        public TransactionEngine(EngineSetup setup, IDurableState durable, Hal.IRandomSource random)
        {
            _setup = setup;
            _profile = setup.Profile;
            _p = setup.Parameters;
            _durable = durable;
            _state = durable.State;
            _random = random;
            _keys = new SessionKeys(setup.TerminalMasterKey);
            _frame = new byte[_profile.Framing.MaxFrameBytes + 2];
            _pack = new byte[_profile.Framing.MaxFrameBytes];
            _amountEntry = new AmountEntry(_p.MaxAmountMinor);
            Phase = Phase.Off;
        }

        public Phase Phase { get; private set; }

        /// <summary>The host connection as the engine sees it: the one copy (the run loop reads it, keeps none).</summary>
        public LinkState Link { get; private set; }

        /// <summary>The last connection attempt found no network (Wi-Fi down); cleared when one connects.</summary>
        public bool NetworkDown { get; private set; }

        /// <summary>Steps that reached the cap on the link's rounds (EngineSetup.LinkRoundsPerStep); the rest went on in the next step.</summary>
        public int Faults { get; private set; }

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
                    if (Link == LinkState.Connecting)
                    {
                        NetworkDown = e.Net == Hal.NetStatus.LinkDown;
                    }

                    OnConnectFailed(NetworkDown ? OutcomeCodes.NoNetwork : OutcomeCodes.HostUnreachable);
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
            }

            RunLink();
            _a = null;
        }

        /// <summary>
        /// The host link's work made due in this step (LinkDue), round after round, until it waits
        /// (connecting, awaiting an answer) or has nothing left. Bounded: at the cap the step ends,
        /// the fault is counted, and the work stays due for the next step.
        /// </summary>
        private void RunLink()
        {
            for (int round = 0; _linkDue; round++)
            {
                if (round >= _setup.LinkRoundsPerStep)
                {
                    Faults++;
                    return;
                }

                _linkDue = false;
                LinkStep();
            }
        }

        private void OnPowerOn()
        {
            // Everything in RAM is gone: a power-on starts from the recovered state only.
            _keys.Drop();
            ResetFlow();
            ResetLink();
            NetworkDown = false;
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

        /// <summary>
        /// After each durable step: the note that says, at this point of the list, that the engine
        /// wrote op (for stan) and what the journal answered. True when it is durable.
        /// </summary>
        private bool Wrote(PersistOp op, int stan, JournalStatus status)
        {
            EngineAction x = _a.Add(ActionKind.Durable);
            x.Persist = op;
            x.Stan = stan;
            x.Status = status;
            return status == JournalStatus.Ok;
        }

        /// <summary>The end of a transaction (StateJournal.Complete); true when durable.</summary>
        private bool Complete(BatchRecord record, int voidsStan, PendingAdvice advice, LastTransaction last, bool clearReversal, int eventCode, int stan)
        {
            return Wrote(PersistOp.Complete, stan, _durable.Complete(record, voidsStan, advice, last, clearReversal, Event(eventCode, stan)));
        }

        /// <summary>An event logged on its own; a refused one is only counted (the loop's PersistFailures).</summary>
        private void Log(int code, int stan)
        {
            Wrote(PersistOp.Log, stan, _durable.Log(Event(code, stan)));
        }

        /// <summary>The event a write carries (one object, reused: the journal keeps the bytes, not it).</summary>
        private LoggedEvent Event(int code, int stan)
        {
            LoggedEvent e = _event;
            e.TimeMs = _now;
            e.Code = code;
            e.Stan = stan;
            return e;
        }

        /// <summary>Takes the STAN a new request was built with (NextStan); true when it is the one taken and durable.</summary>
        private bool TakeStan()
        {
            int stan;
            JournalStatus s = _durable.TakeStan(out stan);
            if (s == JournalStatus.Ok)
            {
                _stan = stan;
            }

            return Wrote(PersistOp.TakeStan, stan, s);
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
