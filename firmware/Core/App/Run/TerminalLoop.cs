using PosFirmware.App.Engine;
using PosFirmware.App.Input;
using PosFirmware.Devices;
using PosFirmware.Hal;
using PosFirmware.Messaging.Host;
using PosFirmware.Messaging.HostLink;
using PosFirmware.Payments.Journal;
using PosFirmware.Payments.State;

namespace PosFirmware.App.Run
{
    /// <summary>
    /// The thin loop around the engine: it turns what the parts report into events (stamped with
    /// the clocks), steps the engine, and carries out its actions in order. A persist that fails
    /// ends that list and comes back as PersistFailed, so nothing after it (a send, an
    /// "approved") happens without it (I3). On the device Poll runs forever; in simulation the
    /// simulated clock jumps to NextDeadline between polls.
    /// </summary>
    public sealed class TerminalLoop
    {
        /// <summary>How many events one Poll may feed from each source: a flood cannot starve the rest.</summary>
        public const int MaxEventsPerSource = 16;

        private readonly TransactionEngine _engine;
        private readonly StateJournal _journal;
        private readonly INetwork _net;
        private readonly IClock _clock;
        private readonly IWallClock _wall;
        private readonly EngineSetup _setup;
        private readonly TerminalPorts _ports;
        private readonly DeadlineTable _timers = new DeadlineTable(EngineTimer.Count);
        private readonly FrameReader _frames;
        private readonly EngineEvent _e = new EngineEvent();
        private readonly ActionList _actions = new ActionList();
        private readonly CardData _card = new CardData();
        private readonly byte[] _rx = new byte[512];
        private int _rxOffset;
        private int _rxCount;
        private bool _connecting;
        private bool _connected;
        private NetStatus _netEvent;
        private EventKind _netEventKind;
        private bool _hasNetEvent;
        private bool _linkDown;

        public TerminalLoop(TransactionEngine engine, StateJournal journal, INetwork net, IClock clock, IWallClock wall, EngineSetup setup, TerminalPorts ports)
        {
            _engine = engine;
            _journal = journal;
            _net = net;
            _clock = clock;
            _wall = wall;
            _setup = setup;
            _ports = ports;
            _frames = new FrameReader(setup.Profile.Framing);
        }

        public TransactionEngine Engine
        {
            get { return _engine; }
        }

        public StateJournal Journal
        {
            get { return _journal; }
        }

        /// <summary>
        /// Test seam, null on the device: when set, it carries out persist actions instead of
        /// PersistExecutor (the simulation's "write-ahead off" and "retry count not persisted"
        /// switches, which show that the simulation can find the violations they cause).
        /// </summary>
        public IPersistRunner PersistOverride { get; set; }

        /// <summary>Persist actions refused so far (flash errors or a state that no longer matched).</summary>
        public int PersistFailures { get; private set; }

        /// <summary>The earliest armed timer: how long the loop may sleep (or the simulation jump).</summary>
        public Deadline NextDeadline
        {
            get { return _timers.Next(); }
        }

        /// <summary>Boot: recovers the state from the journal and tells the engine.</summary>
        public JournalStatus PowerOn()
        {
            _timers.DisarmAll();
            _net.Close();
            _connecting = false;
            _connected = false;
            _frames.Reset();
            _rxCount = 0;
            JournalStatus s = _journal.Recover();
            Feed(Stamp(EventKind.PowerOn));
            return s;
        }

        /// <summary>One pass over every source; returns how many events it fed.</summary>
        public int Poll()
        {
            int fed = 0;
            int id;
            for (int i = 0; i < MaxEventsPerSource && (id = _timers.TakeExpired(_clock.NowMs)) >= 0; i++)
            {
                EngineEvent e = Stamp(EventKind.TimerExpired);
                e.Timer = id;
                Feed(e);
                fed++;
            }

            KeyCode key;
            for (int i = 0; i < MaxEventsPerSource && _ports.Keypad.TryTakeKey(out key); i++)
            {
                EngineEvent e = Stamp(EventKind.Key);
                e.Key = key;
                Feed(e);
                fed++;
            }

            CardReadStatus failure;
            CardPoll card = _ports.Card.Poll(_card, out failure);
            if (card != CardPoll.Nothing)
            {
                EngineEvent e = Stamp(card == CardPoll.Read ? EventKind.CardRead : EventKind.CardFailed);
                e.Card = _card;
                e.OutcomeCode = card == CardPoll.Read ? 0 : DeviceOutcomes.OfCardRead(failure);
                Feed(e);

                // This CardData is the loop's alone: the engine copied what it takes during the
                // step (CardData.CopyFrom), so the card's data leaves the loop's hands now (I7).
                _card.Clear();
                fed++;
            }

            PrinterStatus printed;
            for (int i = 0; i < MaxEventsPerSource && _ports.Printer.TryTakeResult(out printed); i++)
            {
                EngineEvent e = Stamp(printed == PrinterStatus.Printed ? EventKind.PrintDone : EventKind.PrintFailed);
                e.OutcomeCode = DeviceOutcomes.OfPrint(printed);
                Feed(e);
                fed++;
            }

            _ports.Buzzer.Update();
            fed += PollNetwork();
            _ports.Display.ShowStatus(Status());
            return fed;
        }

        /// <summary>The status icons' flags: network, signed on, a reversal or advices owed.</summary>
        public int Status()
        {
            int flags = _linkDown ? 0 : StatusFlags.WifiUp;
            if (_engine.IsSignedOn)
            {
                flags |= StatusFlags.HostLink;
            }

            if (_journal.State.Reversal != null)
            {
                flags |= StatusFlags.ReversalPending;
            }

            if (_journal.State.AdviceCount > 0)
            {
                flags |= StatusFlags.AdvicesPending;
            }

            return flags;
        }

        private int PollNetwork()
        {
            int fed = 0;
            if (_connecting)
            {
                NetState state = _net.State;
                if (state == NetState.Connected)
                {
                    _connecting = false;
                    _connected = true;
                    _linkDown = false;
                    Feed(Stamp(EventKind.Connected));
                    fed++;
                }
                else if (state != NetState.Connecting)
                {
                    NetStatus why = _net.LastError;
                    _linkDown = why == NetStatus.LinkDown;
                    Drop();
                    EngineEvent e = Stamp(EventKind.ConnectFailed);
                    e.Net = why;
                    Feed(e);
                    fed++;
                }
            }

            for (int i = 0; i < MaxEventsPerSource && _connected; i++)
            {
                if (_rxOffset == _rxCount)
                {
                    _rxOffset = 0;
                    _rxCount = _net.Receive(_rx, 0, _rx.Length);
                    if (_rxCount == 0)
                    {
                        if (_net.State != NetState.Connected)
                        {
                            NetStatus why = _net.LastError;
                            Drop();
                            EngineEvent e = Stamp(EventKind.ConnectionLost);
                            e.Net = why;
                            Feed(e);
                            fed++;
                        }

                        break;
                    }
                }

                _rxOffset += _frames.Feed(_rx, _rxOffset, _rxCount - _rxOffset);
                if (_frames.Status == FrameStatus.Ready)
                {
                    EngineEvent e = Stamp(EventKind.HostFrame);
                    e.Frame = _frames.Body;
                    e.FrameOffset = _frames.MessageOffset;
                    e.FrameLength = _frames.MessageLength;
                    Feed(e);
                    _frames.Reset();
                    fed++;
                }
                else if (_frames.Status != FrameStatus.NeedMore)
                {
                    // A garbled length: the stream cannot be resynchronised.
                    Drop();
                    Feed(Stamp(EventKind.HostGarbled));
                    fed++;
                }
            }

            return fed;
        }

        /// <summary>Closes the connection on our side and forgets buffered bytes.</summary>
        private void Drop()
        {
            _net.Close();
            _connecting = false;
            _connected = false;
            _frames.Reset();
            _rxOffset = 0;
            _rxCount = 0;
        }

        private EngineEvent Stamp(EventKind kind)
        {
            EngineEvent e = _e.Reset(kind, _clock.NowMs);
            // Stamped even when not set: the unset reading is what a host's year is inferred from.
            e.UtcIsSet = _wall.IsSet;
            e.Utc = _wall.UtcNow;

            return e;
        }

        /// <summary>Steps the engine and carries out its actions; follow-up events (a refused persist, a failed send) are fed at once.</summary>
        private void Feed(EngineEvent e)
        {
            // Each follow-up comes from the actions of the step before; a chain is bounded because
            // the engine's answer to a refused step never refuses the same step again forever.
            for (int chain = 0; chain < 8; chain++)
            {
                _engine.Step(e, _actions);
                PersistOp failed = Execute();
                if (failed != PersistOp.None)
                {
                    PersistFailures++;
                    e = Stamp(EventKind.PersistFailed);
                    e.Persist = failed;
                    continue;
                }

                if (!_hasNetEvent)
                {
                    return;
                }

                _hasNetEvent = false;
                e = Stamp(_netEventKind);
                e.Net = _netEvent;
            }
        }

        private PersistOp Execute()
        {
            _hasNetEvent = false;
            for (int i = 0; i < _actions.Count; i++)
            {
                EngineAction x = _actions[i];
                switch (x.Kind)
                {
                    case ActionKind.Show:
                        _ports.Display.Show(x.Screen);
                        break;
                    case ActionKind.Beep:
                        _ports.Buzzer.Beep(x.Tone);
                        break;
                    case ActionKind.Persist:
                        if (!(PersistOverride == null ? PersistExecutor.Run(_journal, x) : PersistOverride.Run(_journal, x)))
                        {
                            return x.Persist;
                        }

                        break;
                    case ActionKind.Connect:
                        {
                            Drop();
                            NetStatus s = _net.Connect(_setup.HostAddress, _setup.HostPort, Deadline.After(_clock, x.TimeoutMs));
                            if (s == NetStatus.Ok)
                            {
                                _connecting = true;
                            }
                            else
                            {
                                _net.Close();
                                _linkDown = s == NetStatus.LinkDown;
                                NetEvent(EventKind.ConnectFailed, s);
                            }

                            break;
                        }

                    case ActionKind.Send:
                        {
                            NetStatus s = _net.Send(x.Frame, 0, x.FrameLength, Deadline.After(_clock, _setup.Parameters.HostResponseTimeoutMs));
                            if (s != NetStatus.Ok)
                            {
                                // Part of the request may have left: the engine treats it as unanswered.
                                Drop();
                                NetEvent(EventKind.ConnectionLost, s);
                            }

                            break;
                        }

                    case ActionKind.Close:
                        Drop();
                        break;
                    case ActionKind.Arm:
                        _timers.Arm(x.Timer, Deadline.At(x.AtMs));
                        break;
                    case ActionKind.Disarm:
                        _timers.Disarm(x.Timer);
                        break;
                    case ActionKind.Print:
                        _ports.Printer.Print(x.Lines);
                        break;
                    case ActionKind.StartCardRead:
                        _ports.Card.Start(x.TimeoutMs, x.AmountMinor, TransactionRules.EmvTransactionType(x.CardTransaction));
                        break;
                    case ActionKind.StopCardRead:
                        _ports.Card.Stop();
                        break;
                    case ActionKind.SetClock:
                        _wall.Set(x.Utc);
                        break;
                }
            }

            return PersistOp.None;
        }

        private void NetEvent(EventKind kind, NetStatus s)
        {
            _hasNetEvent = true;
            _netEventKind = kind;
            _netEvent = s;
        }
    }
}
