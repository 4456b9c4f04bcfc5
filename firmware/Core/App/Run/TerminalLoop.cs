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
    /// the clocks), steps the engine, and carries out its actions in order. Durable writes are not
    /// its business: the engine made them during the step through its durable port, and the
    /// Durable notes in the list only say so (refusals are counted in PersistFailures). The host
    /// connection's state is the engine's (Engine.Link), the loop keeps no copy of it. A connect or
    /// send the network refuses at once comes back as an event of its own, fed by Poll after the
    /// step that asked for it (never from inside a step). On the device Poll runs forever; in
    /// simulation the simulated clock jumps to NextDeadline between polls.
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
        private NetStatus _netEvent;
        private EventKind _netEventKind;
        private bool _hasNetEvent;

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

        /// <summary>Durable writes refused so far (flash errors or a state that no longer matched), from the engine's Durable notes.</summary>
        public int PersistFailures { get; private set; }

        /// <summary>
        /// Work a cap held back, counted, never silent: actions that did not fit a step's list
        /// (ActionList.Overflows, not carried out), steps whose link work reached its cap
        /// (TransactionEngine.Faults, carried on in the next step), and network failures left for
        /// the next Poll because this one reached MaxEventsPerSource (DeferredNetworkEvents).
        /// </summary>
        public int Faults
        {
            get { return _actions.Overflows + _engine.Faults + DeferredNetworkEvents; }
        }

        /// <summary>Times a refused connect or send was left for the next Poll (the cap of one Poll was reached).</summary>
        public int DeferredNetworkEvents { get; private set; }

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
            _hasNetEvent = false;
            _frames.Reset();
            _rxOffset = 0;
            _rxCount = 0;
            JournalStatus s = _journal.Recover();
            Feed(Stamp(EventKind.PowerOn));
            return s;
        }

        /// <summary>One pass over every source; returns how many events it fed.</summary>
        public int Poll()
        {
            int fed = 0;
            for (int i = 0; i < MaxEventsPerSource && _hasNetEvent; i++)
            {
                // A refusal the last Poll left (its cap was reached) goes before anything new.
                FeedNetworkRefusal();
                fed++;
            }

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
            int flags = _engine.NetworkDown ? 0 : StatusFlags.WifiUp;
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
            if (_engine.Link == LinkState.Connecting && !_hasNetEvent)
            {
                NetState state = _net.State;
                if (state == NetState.Connected)
                {
                    Feed(Stamp(EventKind.Connected));
                    fed++;
                }
                else if (state != NetState.Connecting)
                {
                    NetStatus why = _net.LastError;
                    Drop();
                    EngineEvent e = Stamp(EventKind.ConnectFailed);
                    e.Net = why;
                    Feed(e);
                    fed++;
                }
            }

            for (int i = 0; i < MaxEventsPerSource && IsOpen() && !_hasNetEvent; i++)
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

        /// <summary>The engine holds the connection open (ready, or awaiting an answer): the loop reads from it.</summary>
        private bool IsOpen()
        {
            return _engine.Link == LinkState.Ready || _engine.Link == LinkState.Awaiting;
        }

        /// <summary>Closes the connection on our side and forgets buffered bytes.</summary>
        private void Drop()
        {
            _net.Close();
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

        /// <summary>
        /// One step of the engine and its actions; then the network's refusal of a connect or send
        /// the step asked for, as the next event (bounded by MaxEventsPerSource: beyond it the
        /// refusal waits for the next Poll, counted). Nothing is fed from inside a step.
        /// </summary>
        private void Feed(EngineEvent e)
        {
            Step(e);
            for (int i = 0; _hasNetEvent; i++)
            {
                if (i == MaxEventsPerSource)
                {
                    DeferredNetworkEvents++;
                    return;
                }

                FeedNetworkRefusal();
            }
        }

        private void FeedNetworkRefusal()
        {
            _hasNetEvent = false;
            EngineEvent e = Stamp(_netEventKind);
            e.Net = _netEvent;
            Step(e);
        }

        private void Step(EngineEvent e)
        {
            _engine.Step(e, _actions);
            Execute();
        }

        private void Execute()
        {
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
                    case ActionKind.Durable:
                        // Done already (by the engine, during the step): only counted here.
                        if (x.Status != JournalStatus.Ok)
                        {
                            PersistFailures++;
                        }

                        break;
                    case ActionKind.Connect:
                        {
                            Drop();
                            NetStatus s = _net.Connect(_setup.HostAddress, _setup.HostPort, Deadline.After(_clock, x.TimeoutMs));
                            if (s != NetStatus.Ok)
                            {
                                _net.Close();
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
        }

        private void NetEvent(EventKind kind, NetStatus s)
        {
            _hasNetEvent = true;
            _netEventKind = kind;
            _netEvent = s;
        }
    }
}
