using System;
using System.Collections.Generic;
using System.Text;
using PosFirmware.App.Engine;
using PosFirmware.App.Input;
using PosFirmware.App.Run;
using PosFirmware.App.Slips;
using PosFirmware.Devices;
using PosFirmware.Hal;
using PosFirmware.HostSimulator;
using PosFirmware.Messaging.Host;
using PosFirmware.Messaging.Iso8583;
using PosFirmware.Payments.Journal;
using PosFirmware.Payments.Rules;
using PosFirmware.Payments.State;
using PosFirmware.Security;
using PosFirmware.UnitTests.Support;
using PosFirmware.Virtual.Flash;
using PosFirmware.Virtual.Parts.Contactless;

namespace PosFirmware.UnitTests.Engine
{
    /// <summary>
    /// Drives TransactionEngine.Step directly: events in, every action written down as a line of
    /// text (the trace the tests assert), durable steps made on a real StateJournal over
    /// VirtualFlash (through RigDurable, which can refuse them; each shows as "persist X" where the
    /// engine's Durable note stands in the list), and an in-process Acquirer playing the host.
    /// Nothing happens on its own: Run() plays the parts (connections, answers, printer) until
    /// the engine waits for something the test must do (a key, a card, time passing).
    /// </summary>
    internal sealed class EngineRig
    {
        public readonly VirtualFlash Flash;
        public readonly EngineSetup Setup;
        public readonly Acquirer Host;
        public StateJournal Journal;
        public TransactionEngine Engine;
        public readonly List<string> Trace = new List<string>();
        public readonly List<Screen> Screens = new List<Screen>();
        public readonly List<string[]> Prints = new List<string[]>();
        public readonly List<IsoMessage> Sent = new List<IsoMessage>();
        public readonly DeadlineTable Timers = new DeadlineTable(EngineTimer.Count);
        public long Now = 1_000;
        public DateTime Utc = new DateTime(2026, 11, 22, 10, 30, 0, DateTimeKind.Utc);

        /// <summary>False: events say the wall clock is not set (Utc is then its unset reading); a SetClock action sets it.</summary>
        public bool WallSet = true;

        // How the parts behave in Run().
        public NetStatus ConnectResult = NetStatus.Ok;
        public bool HostSilent { get; set; }
        public bool DropAfterSend { get; set; }
        public int PaperOutPrints;
        /// <summary>The next durable steps refused (any kind), and the next of one kind (once): see RigDurable.</summary>
        public int FlashRefusals
        {
            get => _durable.FlashRefusals;
            set => _durable.FlashRefusals = value;
        }

        public PersistOp RefuseOp
        {
            get => _durable.RefuseOp;
            set => _durable.RefuseOp = value;
        }

        /// <summary>Events still fed before the power goes (RigPowerCut is thrown instead).</summary>
        public int EventsLeft = int.MaxValue;

        private readonly ActionList _actions = new ActionList();
        private readonly RigDurable _durable = new RigDurable();
        private readonly EngineEvent _e = new EngineEvent();
        private bool _connectPending;
        private byte[] _unanswered;
        private int _printsPending;

        public EngineRig(HostProfile profile = null, TerminalParameters parameters = null, VirtualFlash flash = null, Acquirer host = null)
        {
            Flash = flash ?? new VirtualFlash();
            profile ??= TestHost.UnionPay();
            Setup = new EngineSetup
            {
                Profile = profile,
                Identity = TestHost.Terminal,
                Parameters = parameters ?? new TerminalParameters(),
                MerchantName = "TEST MERCHANT",
                HostAddress = "host",
                HostPort = 5000,
                TerminalMasterKey = new DesKey(SignOnKeys.Tmk),
            };
            Host = host ?? new Acquirer(profile, SignOnKeys.Tmk, 7);
        }

        public TerminalState State => Journal.State;

        public Screen Screen => Screens.Count == 0 ? null : Screens[Screens.Count - 1];

        public IsoMessage LastSent => Sent.Count == 0 ? null : Sent[Sent.Count - 1];

        /// <summary>Power-on: a new engine over what the flash holds (RAM is gone).</summary>
        public EngineRig Boot()
        {
            Journal = new StateJournal(new PosFirmware.Payments.Journal.Journal(Flash, 1024, 64 * 1024), new TerminalState(200, 16, 32), 4096);
            Assert(Journal.Recover() == JournalStatus.Ok, "recover");
            _durable.Inner = new JournalDurableState(Journal);
            _durable.Calls.Clear();
            Engine = new TransactionEngine(Setup, _durable, new PosFirmware.Virtual.Random.SeededRandom(1));
            Timers.DisarmAll();
            EventsLeft = int.MaxValue;
            _connectPending = false;
            _unanswered = null;
            _printsPending = 0;
            Feed(EventKind.PowerOn);
            return this;
        }

        /// <summary>Boots and lets sign-on finish: the terminal at idle.</summary>
        public EngineRig Ready()
        {
            Boot();
            Run();
            Assert(Engine.Phase == Phase.Idle && Engine.IsSignedOn, "not ready: " + Engine.Phase + "\n" + Text());
            Trace.Clear();
            return this;
        }

        public void Feed(EventKind kind, Action<EngineEvent> fill = null)
        {
            if (EventsLeft-- <= 0)
            {
                throw new RigPowerCut();
            }

            EngineEvent e = _e.Reset(kind, Now);
            e.Utc = Utc;
            e.UtcIsSet = WallSet;
            fill?.Invoke(e);
            Trace.Add("> " + kind + (kind == EventKind.Key ? " " + e.Key : kind == EventKind.TimerExpired ? " " + TimerName(e.Timer) : ""));
            Engine.Step(e, _actions);
            Execute();
            Assert(_durable.Calls.Count == 0, "a durable step without its note: " + (_durable.Calls.Count > 0 ? _durable.Calls.Peek().Op.ToString() : ""));
        }

        public void Key(KeyCode k) => Feed(EventKind.Key, e => e.Key = k);

        /// <summary>Keys by name: digits, 'E' enter, 'C' cancel, 'B' backspace, 'X' clear, 'F' func, 'Z' 00.</summary>
        public void Keys(string keys)
        {
            foreach (char c in keys)
            {
                Key(c switch
                {
                    'E' => KeyCode.Enter,
                    'C' => KeyCode.Cancel,
                    'B' => KeyCode.Backspace,
                    'X' => KeyCode.Clear,
                    'F' => KeyCode.Func,
                    'Z' => KeyCode.DoubleZero,
                    _ => (KeyCode)(c - '0'),
                });
            }
        }

        /// <summary>
        /// The PAN's virtual card (PSN 1; VirtualCards keeps one per PAN for the whole run, so no host
        /// ever sees its counter go back, whichever rigs tapped it before), tapped when the terminal reads it, with the amount and type
        /// the terminal asks the card to sign (TapAtRead): the host's issuer checks field 4 against 9F02.
        /// </summary>
        public static CardData Contactless(string pan = "6228480000000000001") => VirtualCards.Tapped(pan);

        /// <summary>The PAN's card tapped now for amountMinor and type (tests that look at or change its field 55 before presenting it).</summary>
        public static CardData Tapped(long amountMinor, TransactionType type, string pan = "6228480000000000001") =>
            VirtualCards.TappedNow(pan, amountMinor, type);

        public static CardData Swipe(string pan = "6228480000000000001") => new CardData
        {
            Entry = CardEntry.Swipe, Pan = pan, Expiry = "3012", Track2 = pan + "=30122011234567890",
        };

        /// <summary>
        /// A card read, with the run loop's lifecycle for card data: the rig's one CardData is
        /// filled (the EMV data into its own array, as a reader fills it), fed, and wiped at once
        /// (TerminalLoop.Poll); the engine must have copied what it needs.
        /// </summary>
        public void Card(CardData c)
        {
            LoopCard.Entry = c.Entry;
            LoopCard.Pan = c.Pan;
            LoopCard.Expiry = c.Expiry;
            LoopCard.Track2 = c.Track2;
            LoopCard.CardSequence = c.CardSequence;
            LoopCard.IccData = TapAtRead.IsDeferred(c) ? TapAtRead.Tap(c, ReadAmountMinor, ReadType)
                : c.IccData == null ? null : (byte[])c.IccData.Clone();
            LoopIccData = LoopCard.IccData;
            Feed(EventKind.CardRead, e => e.Card = LoopCard);
            LoopCard.Clear();
        }

        /// <summary>What the engine started its last card read with (a TapAtRead card signs them).</summary>
        public long ReadAmountMinor { get; private set; }

        public TransactionType ReadType { get; private set; }

        /// <summary>The rig's reused CardData (the loop's), and the EMV array it held at the last read (zeroed by now).</summary>
        public readonly CardData LoopCard = new CardData();

        public byte[] LoopIccData;

        /// <summary>A sale from idle: amount keys, the card, the PIN (null: none asked), then the parts play.</summary>
        public void Sale(string amount, CardData card, string pin = null)
        {
            Keys("E" + amount + "E");
            Card(card);
            if (pin != null)
            {
                Keys(pin + "E");
            }

            Run();
        }

        /// <summary>Back to idle after an outcome (ENTER once printing is done).</summary>
        public void Dismiss()
        {
            Run();
            Key(KeyCode.Enter);
        }

        public void CardFails(int outcome) => Feed(EventKind.CardFailed, e => e.OutcomeCode = outcome);

        /// <summary>Moves time on, feeding every timer that expires on the way, in order.</summary>
        public void Advance(long ms)
        {
            long until = Now + ms;
            while (true)
            {
                Deadline next = Timers.Next();
                if (!next.IsArmed || next.ExpiresAtMs > until)
                {
                    break;
                }

                Now = Math.Max(Now, next.ExpiresAtMs);
                int id = Timers.TakeExpired(Now);
                Feed(EventKind.TimerExpired, e => e.Timer = id);
                Run();
            }

            Now = until;
        }

        /// <summary>Fires one armed timer now, whatever its time.</summary>
        public void Fire(int timer)
        {
            Assert(Timers.IsArmed(timer), TimerName(timer) + " is not armed\n" + Text());
            Timers.Disarm(timer);
            Feed(EventKind.TimerExpired, e => e.Timer = timer);
        }

        /// <summary>Plays the parts until the engine waits on the test.</summary>
        public void Run()
        {
            for (int i = 0; i < 500; i++)
            {
                if (_connectPending)
                {
                    _connectPending = false;
                    if (ConnectResult == NetStatus.Ok)
                    {
                        Feed(EventKind.Connected);
                    }
                    else
                    {
                        Feed(EventKind.ConnectFailed, e => e.Net = ConnectResult);
                    }
                }
                else if (_unanswered != null && !HostSilent)
                {
                    byte[] request = _unanswered;
                    _unanswered = null;
                    if (DropAfterSend)
                    {
                        // One-shot: the connection drops after this request reached the host.
                        DropAfterSend = false;
                        Host.Handle(request, 0, request.Length);
                        Feed(EventKind.ConnectionLost, e => e.Net = NetStatus.Reset);
                        continue;
                    }

                    Deliver(Host.Handle(request, 0, request.Length));
                }
                else if (_printsPending > 0)
                {
                    _printsPending--;
                    if (PaperOutPrints > 0)
                    {
                        PaperOutPrints--;
                        Feed(EventKind.PrintFailed, e => e.OutcomeCode = PosFirmware.Payments.Outcomes.OutcomeCodes.PrinterOutOfPaper);
                    }
                    else
                    {
                        Feed(EventKind.PrintDone);
                    }
                }
                else
                {
                    return;
                }
            }

            throw new InvalidOperationException("the engine does not settle\n" + Text());
        }

        /// <summary>Hands the engine an answer message (no frame head), or nothing for null.</summary>
        public void Deliver(byte[] answer)
        {
            if (answer == null)
            {
                return;
            }

            Feed(EventKind.HostFrame, e =>
            {
                e.Frame = answer;
                e.FrameOffset = 0;
                e.FrameLength = answer.Length;
            });
        }

        /// <summary>The request the host has not answered yet (HostSilent), taken.</summary>
        public byte[] TakeUnanswered()
        {
            byte[] r = _unanswered;
            _unanswered = null;
            return r;
        }

        private void Execute()
        {
            for (int i = 0; i < _actions.Count; i++)
            {
                EngineAction x = _actions[i];
                switch (x.Kind)
                {
                    case ActionKind.Show:
                        Screens.Add(x.Screen);
                        Trace.Add("show " + Describe(x.Screen));
                        break;
                    case ActionKind.Beep:
                        Trace.Add("beep " + x.Tone);
                        break;
                    case ActionKind.Durable:
                        {
                            RigDurable.Call c = _durable.Calls.Count > 0 ? _durable.Calls.Dequeue() : null;
                            Assert(c != null && c.Op == x.Persist, "a Durable note without its step: " + x.Persist);
                            Trace.Add("persist " + x.Persist + c.Detail);
                            if (x.Status != JournalStatus.Ok)
                            {
                                Trace.Add(c.Refused ? "  refused" : "  failed");
                            }

                            break;
                        }

                    case ActionKind.Connect:
                        Trace.Add("connect");
                        _connectPending = true;
                        break;
                    case ActionKind.Send:
                        {
                            int head = 2 + Setup.Profile.Framing.PrefixBytes;
                            byte[] message = new byte[x.FrameLength - head];
                            Array.Copy(x.Frame, head, message, 0, message.Length);
                            var m = new IsoMessage();
                            Assert(Setup.Profile.Packager.Unpack(message, 0, message.Length, m, out _) == IsoStatus.Ok, "sent an unreadable message");
                            Sent.Add(m);
                            Trace.Add("send " + m.Mti + " " + m.GetString(11) + (m.Has(39) ? " 39=" + m.GetString(39) : ""));
                            _unanswered = message;
                            break;
                        }

                    case ActionKind.Close:
                        Trace.Add("close");
                        _connectPending = false;
                        _unanswered = null;
                        break;
                    case ActionKind.Arm:
                        Timers.Arm(x.Timer, Deadline.At(x.AtMs));
                        if (x.Timer != EngineTimer.Countdown)
                        {
                            Trace.Add("arm " + TimerName(x.Timer) + " " + (x.AtMs - Now));
                        }

                        break;
                    case ActionKind.Disarm:
                        Timers.Disarm(x.Timer);
                        break;
                    case ActionKind.Print:
                        Prints.Add(x.Lines);
                        Trace.Add("print " + SlipMarkup.Plain(x.Lines[0]) + " / " + SlipMarkup.Plain(x.Lines[1]));
                        _printsPending++;
                        break;
                    case ActionKind.StartCardRead:
                        ReadAmountMinor = x.AmountMinor;
                        ReadType = x.CardTransaction;
                        Trace.Add("card on");
                        break;
                    case ActionKind.StopCardRead:
                        Trace.Add("card off");
                        break;
                    case ActionKind.SetClock:
                        Trace.Add("set clock " + x.Utc.ToString("yyyy-MM-dd HH:mm:ss"));
                        Utc = x.Utc;
                        WallSet = true;
                        break;
                }
            }
        }

        internal static string ReasonOf(byte[] message)
        {
            var m = new IsoMessage();
            TestHost.UnionPay().Packager.Unpack(message, 0, message.Length, m, out _);
            return m.GetString(39);
        }

        public static string Describe(Screen s)
        {
            if (s.Id == ScreenId.Outcome)
            {
                return "Outcome " + s.OutcomeCode + (s.Value != null ? " " + s.Value : "");
            }

            return s.Id + (s.Id == ScreenId.Menu ? " " + s.Page : "") + (s.Value != null ? " '" + s.Value + "'" : "");
        }

        public static string TimerName(int id) => id switch
        {
            EngineTimer.Flow => "flow",
            EngineTimer.HostAnswer => "host",
            EngineTimer.Connect => "connect",
            EngineTimer.Countdown => "countdown",
            _ => "timer" + id,
        };

        public string Text()
        {
            var b = new StringBuilder();
            foreach (string line in Trace)
            {
                b.Append(line).Append('\n');
            }

            return b.ToString();
        }

        private void Assert(bool ok, string message)
        {
            if (!ok)
            {
                throw new Microsoft.VisualStudio.TestTools.UnitTesting.AssertFailedException(message);
            }
        }
    }

    /// <summary>The rig's power went between two events.</summary>
    internal sealed class RigPowerCut : Exception
    {
    }
}
