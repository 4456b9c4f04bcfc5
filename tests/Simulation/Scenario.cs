using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using PosFirmware.App.Engine;
using PosFirmware.Devices;
using PosFirmware.HostSimulator;
using PosFirmware.Messaging.Host;
using PosFirmware.Payments.Outcomes;
using PosFirmware.Payments.State;
using PosFirmware.Virtual.Flash;
using PosFirmware.Virtual.Random;
using PosFirmware.Virtual.Terminal;

namespace PosFirmware.Simulation
{
    /// <summary>
    /// One seeded scenario: a terminal and the acquirer on the virtual board, a random workload
    /// (sales online and offline, voids, refunds, balance inquiries, settlements, cancels) with
    /// random faults around each operation; then the faults stop, the terminal is powered on,
    /// makes one online transaction (which delivers what is pending) and settles, and the
    /// invariants are checked against the host's ledger. Everything follows from the seed.
    /// </summary>
    public sealed class Scenario
    {
        private static readonly byte[] Tmk = Convert.FromHexString("11111111111111112222222222222222");
        private static readonly string[] Pans = { "6228480000000000001", "6228480000000000019", "6212340000000000027" };
        private const long Opening = 100_000_000;

        private readonly long _seed;
        private readonly Switches _switches;
        private readonly SeededRandom _r;
        private readonly StringBuilder _trace = new StringBuilder();
        private World _w;
        private SimulatedTerminal _t;
        private BatchCloses _closes;

        public Scenario(long seed, Switches switches = null)
        {
            _seed = seed;
            _switches = switches ?? new Switches();
            _r = new SeededRandom(seed).Derive("workload");
        }

        public int[] Faults { get; } = new int[Enum.GetValues<FaultKind>().Length];

        public List<string> Violations { get; } = new List<string>();

        public string Trace => _trace.ToString();

        public int Operations { get; set; } = 8;

        public void Run()
        {
            bool unionPay = _r.NextInt(4) != 0;
            HostProfile profile = unionPay ? HostProfile.UnionPay(Convert.FromHexString("6006010000"), Convert.FromHexString("603200324017")) : HostProfile.International();
            _w = new World(profile, Tmk, _seed);
            _w.Acquirer.MaxLogLines = 200;
            HostProfile terminalProfile = _switches.TerminalProfile(profile, () => unionPay ? HostProfile.UnionPay(Convert.FromHexString("6006010000"), Convert.FromHexString("603200324017")) : HostProfile.International());
            _t = _w.AddTerminal("10020831", terminalProfile: terminalProfile);
            _t.Ports.MaxScreens = 50;
            // Every persist goes through the switches (which fall through to the real executor) and
            // the watch of batch closes, which the settled-batch checks compare with the host.
            _closes = new BatchCloses(_switches);
            _t.DurableFilter = journal =>
            {
                _switches.Inner = journal;
                return _closes;
            };

            _t.Observed.OnSend = Sent;

            Log("seed " + _seed + " profile " + profile.Name);
            _t.PowerOn();
            _w.RunFor(15_000);
            for (int i = 0; i < Operations; i++)
            {
                Inject();
                Operation();
                Heal();
            }

            Quiesce();
            Check();
            if (Violations.Count > 0)
            {
                _trace.Append("host log (last 60 lines):\n");
                foreach (string line in _w.Acquirer.Log.Skip(Math.Max(0, _w.Acquirer.Log.Count - 60)))
                {
                    _trace.Append("  ").Append(line).Append('\n');
                }
            }
        }

        private readonly Dictionary<string, int> _reversalSends = new Dictionary<string, int>();
        private readonly Dictionary<string, int> _refundSends = new Dictionary<string, int>();

        /// <summary>Counts the reversals and refunds the terminal sends (network duplicates are not the terminal's).</summary>
        private void Sent(byte[] frame)
        {
            HostProfile profile = _w.Acquirer.Profile;
            int head = 2 + profile.Framing.PrefixBytes;
            var m = new Messaging.Iso8583.IsoMessage();
            if (profile.Packager.Unpack(frame, head, frame.Length - head, m, out _) != Messaging.Iso8583.IsoStatus.Ok)
            {
                return;
            }

            string stan = m.GetString(11);
            if (m.Mti.StartsWith("040"))
            {
                _reversalSends[stan] = _reversalSends.TryGetValue(stan, out int n) ? n + 1 : 1;
                Log("reversal " + m.Mti + " " + stan + " 39=" + m.GetString(39));
            }

            TransactionCodes refund = profile.Codes(TransactionType.Refund);
            if (m.Mti == refund.Mti && m.GetString(3) == refund.ProcessingCode && (!profile.UnionPayFields || (m.GetString(60) ?? "").StartsWith(refund.TypeCode)))
            {
                _refundSends[stan] = _refundSends.TryGetValue(stan, out int n) ? n + 1 : 1;
                Log("refund " + m.Mti + " " + stan + (m.Has(35) ? " (first)" : " (resent)"));
            }
        }

        private void Log(string line)
        {
            _trace.Append(_w == null ? 0 : _w.Clock.NowMs).Append(' ').Append(line).Append('\n');
        }

        // ---- faults -----------------------------------------------------------------------

        private void Count(FaultKind k)
        {
            Faults[(int)k]++;
            Log("fault " + k);
        }

        private void Inject()
        {
            if (_r.Chance(0.25) && _t.IsOn)
            {
                _t.Flash.ScheduleCut(_t.Flash.OperationCount + _r.NextInt(12), _r.Chance(0.5) ? CutPoint.Before : CutPoint.After);
                Count(FaultKind.PowerCut);
            }

            if (_r.Chance(0.08))
            {
                _t.Network.SetLinkUp(false);
                Count(FaultKind.LinkDown);
            }

            if (_r.Chance(0.08))
            {
                _w.Network.SetPartitioned(true);
                Count(FaultKind.Partition);
            }

            if (_r.Chance(0.12))
            {
                _w.Endpoint.Silent = true;
                Count(FaultKind.LateAnswer);
            }

            if (_r.Chance(0.08))
            {
                _w.Network.Faults.DuplicateProbability = 0.5;
                Count(FaultKind.DuplicateSegment);
            }

            if (_r.Chance(0.08))
            {
                _w.Network.Faults.CorruptProbability = 0.3;
                Count(FaultKind.GarbledSegment);
            }

            if (_r.Chance(0.08))
            {
                _w.Network.Faults.ResetProbability = 0.3;
                Count(FaultKind.ConnectionReset);
            }

            if (_r.Chance(0.08))
            {
                _w.Acquirer.CorruptMacs = 1;
                Count(FaultKind.BadMac);
            }

            if (_r.Chance(0.08))
            {
                _t.Ports.PaperOutJobs = 1;
                Count(FaultKind.PaperOut);
            }
        }

        private void Heal()
        {
            _t.Flash.ClearFaults();
            _t.Network.SetLinkUp(true);
            _w.Network.SetPartitioned(false);
            _w.Network.Faults.Clear();
            _w.Endpoint.Silent = false;
            _w.Acquirer.CorruptMacs = 0;
            _t.Ports.PaperOutJobs = 0;
            if (!_t.IsOn)
            {
                Log("power on");
                _t.PowerOn();
            }

            Drive(60_000);
        }

        // ---- the workload -------------------------------------------------------------------

        private CardData Card(bool contactless)
        {
            string pan = Pans[_r.NextInt(Pans.Length)];
            return CardFor(pan, contactless);
        }

        private CardData CardFor(string pan, bool contactless)
        {
            _lastCard = (pan, contactless);
            var card = new CardData
            {
                Entry = contactless ? CardEntry.Contactless : CardEntry.Swipe, Pan = pan, Expiry = "3012",
                Track2 = pan + "=30122011234567890", CardSequence = contactless ? 1 : -1,
            };
            // A contactless card is tapped when the terminal reads it, for the amount it asks for.
            return contactless ? Virtual.Parts.Contactless.TapAtRead.Mark(card, CardOf(pan)) : card;
        }

        // Each cardholder's virtual card (test issuer): a tap's field 55 carries a cryptogram the
        // host's issuer verifies and an ATC that only moves forward.
        private readonly Dictionary<string, Virtual.Parts.Contactless.VirtualContactlessCard> _cards = new Dictionary<string, Virtual.Parts.Contactless.VirtualContactlessCard>();

        // The card of the operation under way: after a wrong PIN the terminal reads it again.
        private (string Pan, bool Contactless)? _lastCard;

        private Virtual.Parts.Contactless.VirtualContactlessCard CardOf(string pan)
        {
            if (!_cards.TryGetValue(pan, out var card))
            {
                card = new Virtual.Parts.Contactless.VirtualContactlessCard(Virtual.Parts.Contactless.VirtualCards.QuickPass(pan, 1));
                _cards[pan] = card;
            }

            return card;
        }

        private void Operation()
        {
            if (!_t.IsOn)
            {
                return;
            }

            int pick = _r.NextInt(100);
            string amount = (_r.Chance(0.3) ? 100 + _r.NextInt(4800) : 5000 + _r.NextInt(40000)).ToString();
            if (pick < 55)
            {
                bool contactless = _r.Chance(0.6);
                Log("sale " + amount + (contactless ? " tap" : " swipe"));
                Start("E" + amount + "E", Card(contactless));
            }
            else if (pick < 65)
            {
                BatchRecord sale = FindSale();
                if (sale == null)
                {
                    return;
                }

                Log("void " + sale.Entry.Stan);
                Start("FF2" + sale.Entry.Stan + "E", CardOf(sale));
            }
            else if (pick < 70)
            {
                Log("refund " + amount);
                Start("FF3" + (1 + _r.NextInt(999)) + "E" + amount + "E", Card(false));
            }
            else if (pick < 75)
            {
                Log("balance");
                Start("F4", Card(_r.Chance(0.5)));
            }
            else if (pick < 85)
            {
                Log("settle");
                _t.Ports.Type("FFF1E");
            }
            else
            {
                Log("sale cancelled");
                _t.Ports.Type("E" + amount + "C");
            }

            Drive(90_000);
        }

        private BatchRecord FindSale()
        {
            TerminalState s = _t.State;
            for (int i = 0; i < s.BatchCount; i++)
            {
                BatchRecord r = s.BatchAt(i);
                if (r.Entry.Type == TransactionType.Sale && !r.Voided && !r.Offline)
                {
                    return r;
                }
            }

            return null;
        }

        private CardData CardOf(BatchRecord r)
        {
            string pan = Pans.First(p => Security.PanMask.Mask(p) == r.MaskedPan);
            return new CardData { Entry = CardEntry.Swipe, Pan = pan, Expiry = "3012", Track2 = pan + "=30122011234567890" };
        }

        private void Start(string keys, CardData card)
        {
            _t.Ports.Type(keys);
            if (_r.Chance(0.06))
            {
                _t.Ports.FailRead(CardReadStatus.Removed);
                Count(FaultKind.CardRemoved);
            }
            else
            {
                _t.Ports.Present(card);
            }
        }

        /// <summary>Runs the world, answering the terminal's prompts like a cashier and cardholder would, until it is idle.</summary>
        private void Drive(long budgetMs)
        {
            long until = _w.Clock.NowMs + budgetMs;
            while (_w.Clock.NowMs < until)
            {
                _w.RunFor(1_000);
                if (!_t.IsOn)
                {
                    return;
                }

                Phase p = _t.Engine.Phase;
                if (p == Phase.EnterPin)
                {
                    _t.Ports.Type(_r.Chance(0.1) ? "999999E" : "123456E");
                }
                else if (p == Phase.WaitCard && !_t.Ports.HasPendingInput && _t.Ports.IsReading && _lastCard != null)
                {
                    // Asked for the card again (a new PIN after a wrong one): the cardholder presents it.
                    _t.Ports.Present(CardFor(_lastCard.Value.Pan, _lastCard.Value.Contactless));
                }
                else if ((p == Phase.Outcome || p == Phase.Info) && _r.Chance(0.5))
                {
                    _t.Ports.Type("E");
                }
                else if (p == Phase.Idle && _t.Engine.CurrentGoal == Goal.None && _t.Engine.Link == LinkState.Closed)
                {
                    return;
                }
            }
        }

        // ---- the end: quiesce and check -------------------------------------------------------

        private void Quiesce()
        {
            Log("quiesce");
            Heal();
            // One online transaction delivers a pending reversal before it and the advices after it.
            _t.Ports.Type("F4");
            _t.Ports.Present(Card(false));
            Drive(120_000);
            Drive(60_000);
        }

        private void Check()
        {
            TerminalState s = _t.State;
            if (s == null)
            {
                Violations.Add("the terminal is off after quiescence");
                return;
            }

            string tid = _t.Setup.Identity.TerminalId;
            if (_t.Engine.Phase != Phase.Idle)
            {
                Violations.Add("I8: not back at idle: " + _t.Engine.Phase);
            }

            if (s.Reversal != null)
            {
                Violations.Add("I4: a reversal is still pending after quiescence: STAN " + s.Reversal.Stan);
            }

            if (s.Refund != null)
            {
                Violations.Add("I4 (refunds): a refund is still pending after quiescence: STAN " + s.Refund.Stan);
            }

            var manual = new HashSet<int>();
            for (int i = 0; i < s.ManualCount; i++)
            {
                manual.Add(s.ManualAt(i).Stan);
            }

            // A refund whose resends ran out is the merchant's to settle with the acquirer (shown, printed, kept).
            for (int i = 0; i < s.ManualRefundCount; i++)
            {
                manual.Add(s.ManualRefundAt(i).Stan);
            }

            // I4: never more reversal sends than the limit, and every manual one was printed.
            int max = _t.Setup.Parameters.ReversalMaxAttempts;
            foreach (var sends in _reversalSends)
            {
                if (sends.Value > max)
                {
                    Violations.Add("I4: " + sends.Value + " reversal sends of STAN " + sends.Key + " (limit " + max + ")");
                }
            }

            foreach (var sends in _refundSends)
            {
                if (sends.Value > 1 + max)
                {
                    Violations.Add("I4 (refunds): " + sends.Value + " sends of refund STAN " + sends.Key + " (limit 1 + " + max + ")");
                }
            }

            // I1: the host's effect equals the terminal's records for the open batch.
            foreach (LedgerEntry e in _w.Acquirer.Entries().Where(e => e.TerminalId == tid && !e.Settled))
            {
                bool hostApplied = e.Applied && !e.Reversed;
                BatchRecord r = s.FindInBatch(e.Stan);
                bool terminalHas = r != null && (!_w.Acquirer.Profile.UnionPayFields || r.Entry.Batch == e.Batch);
                if (e.Type == TransactionType.Balance || manual.Contains(e.Stan))
                {
                    continue;
                }

                // Refunds too: one the host applied that the terminal lost (or made twice) credits the cardholder for nothing.
                if (hostApplied && !terminalHas)
                {
                    Violations.Add("I1: the host applied " + e.Type + " STAN " + e.Stan + " that the terminal does not hold");
                }
            }

            for (int i = 0; i < s.BatchCount; i++)
            {
                BatchRecord r = s.BatchAt(i);
                LedgerEntry e = _w.Acquirer.Find(tid, _w.Acquirer.Profile.UnionPayFields ? r.Entry.Batch : 0, r.Entry.Stan);
                bool pendingAdvice = s.FindAdvice(r.Entry.Stan) != null;
                if (!pendingAdvice && (e == null || !e.Applied || e.Reversed))
                {
                    Violations.Add("I1: the terminal holds approved " + r.Entry.Type + " STAN " + r.Entry.Stan + " that the host does not apply");
                }
            }

            // I2: each account moved exactly by what the ledger applied, once.
            foreach (string pan in Pans)
            {
                long applied = _w.Acquirer.Entries().Where(e => e.Pan == pan).Sum(e => e.NetMinor);
                if (Opening - applied != _w.Acquirer.AccountFor(pan).BalanceMinor)
                {
                    Violations.Add("I2: account " + Security.PanMask.Mask(pan) + " moved by other than its ledger");
                }
            }

            // Card data: every tap is a genuine card, so the issuer declines none unless the
            // terminal lost or damaged the field 55 the card made on its way to the host.
            if (_w.Acquirer.Issuer.Declined > 0)
            {
                Violations.Add("card data: the issuer declined " + _w.Acquirer.Issuer.Declined + " chip request(s): field 55 did not reach the host as the card made it");
            }

            // I5: offline approvals within the caps.
            var p = _t.Setup.Parameters;
            var offline = Enumerable.Range(0, s.BatchCount).Select(s.BatchAt).Where(r => r.Offline).ToList();
            if (offline.Count > p.OfflineMaxCount || offline.Sum(r => r.Entry.AmountMinor) > p.OfflineMaxTotalMinor || offline.Any(r => r.Entry.AmountMinor >= p.OfflineFloorLimitMinor))
            {
                Violations.Add("I5: offline approvals beyond the limits");
            }

            // I6: settling now agrees (after an upload if needed) and closes the batch.
            int batch = s.Batch;
            _t.Ports.Type("FFF1E");
            Drive(120_000);
            if (_t.State == null || _t.State.Batch == batch)
            {
                Violations.Add("I6: the final settlement did not close batch " + batch + " (outcome " + _t.Engine?.LastOutcome + ")");
            }

            CheckSettled(tid, manual);
        }

        /// <summary>
        /// What the host should have settled of a batch the terminal closed: the terminal's totals
        /// less the offline sales whose advice failed, plus, of those and of the manual cases
        /// (reversals and refunds whose retries ran out: their result is unknown), what the host applied.
        /// </summary>
        private SettlementTotals Expected(string tid, BatchCloses.Close c, bool unionPay)
        {
            SettlementTotals expected = c.Delivered();
            foreach (int stan in c.Manual.Concat(c.Records.Where(r => r.Undelivered && !r.Voided).Select(r => r.Stan)))
            {
                LedgerEntry m = _w.Acquirer.Find(tid, unionPay ? c.Batch : 0, stan);
                if (m != null && m.Applied && !m.Reversed && !m.Voided)
                {
                    expected.Add(m.Type, m.AmountMinor);
                    if (m.Original != null && (m.Type == TransactionType.Void || m.Type == TransactionType.CompletionVoid)
                        && c.Records.Any(r => r.Stan == m.Original.Stan && !r.Voided))
                    {
                        // A void the terminal lost track of, applied by the host: the sale it names is out of the host's totals.
                        expected.Remove(m.Original.Type, m.Original.AmountMinor);
                    }
                }
            }

            return expected;
        }

        private static void Add(SettlementTotals sum, SettlementTotals t)
        {
            if (t != null)
            {
                sum.DebitCount += t.DebitCount;
                sum.DebitAmountMinor += t.DebitAmountMinor;
                sum.CreditCount += t.CreditCount;
                sum.CreditAmountMinor += t.CreditAmountMinor;
            }
        }

        /// <summary>
        /// I6 and I1 for every batch the host settled: the host's totals at the close equal what the
        /// terminal held when it closed that batch (less offline sales whose advice failed, plus what
        /// the host applied of the manual cases: reversals and refunds whose retries ran out), record
        /// by record both ways. A lost or extra transaction in a settled batch is a violation too.
        /// </summary>
        private void CheckSettled(string tid, HashSet<int> manualBefore)
        {
            bool unionPay = _w.Acquirer.Profile.UnionPayFields;
            var held = new HashSet<(int, int)>();
            var manual = new HashSet<int>(manualBefore);
            foreach (BatchCloses.Close c in _closes.ByBatch.Values)
            {
                manual.UnionWith(c.Manual);
                foreach (BatchCloses.Record r in c.Records)
                {
                    held.Add((unionPay ? r.Batch : 0, r.Stan));
                }
            }

            TerminalState s = _t.State;
            for (int i = 0; s != null && i < s.BatchCount; i++)
            {
                held.Add((unionPay ? s.BatchAt(i).Entry.Batch : 0, s.BatchAt(i).Entry.Stan));
            }

            // UnionPay hosts know the terminal's batch (60.2 of every message): batch by batch. An
            // international host learns it only from the (unMACed) settlement: the sum of all batches.
            List<int> settled = _w.Acquirer.SettledBatches(tid);
            if (unionPay)
            {
                foreach (int b in _closes.ByBatch.Keys.Where(b => !settled.Contains(b)))
                {
                    Violations.Add("I6: the terminal closed batch " + b + " that the host did not settle");
                }

                foreach (int b in settled.Where(b => !_closes.ByBatch.ContainsKey(b)))
                {
                    Violations.Add("I6: the host settled batch " + b + " that the terminal never closed");
                }
            }

            var hostSum = new SettlementTotals();
            var terminalSum = new SettlementTotals();
            foreach (int b in settled.Where(b => _closes.ByBatch.ContainsKey(b) || !unionPay))
            {
                SettlementTotals host = _w.Acquirer.SettledTotals(tid, b);
                Add(hostSum, host);
                if (!_closes.ByBatch.TryGetValue(b, out BatchCloses.Close c))
                {
                    continue;
                }

                SettlementTotals expected = Expected(tid, c, unionPay);
                Add(terminalSum, expected);
                if (unionPay && (host == null || !host.SameAs(expected)))
                {
                    Violations.Add("I6: the host settled batch " + b + " with " + host?.Encode(SettlementStyle.UnionPay) + ", the terminal closed it with " + expected.Encode(SettlementStyle.UnionPay));
                }

                foreach (BatchCloses.Record r in c.Records.Where(r => !r.Undelivered))
                {
                    LedgerEntry e = _w.Acquirer.Find(tid, unionPay ? r.Batch : 0, r.Stan);
                    if (e == null || !e.Applied || e.Reversed)
                    {
                        Violations.Add("I1: the terminal closed batch " + b + " with approved " + r.Type + " STAN " + r.Stan + " that the host does not apply");
                    }
                }
            }

            if (!unionPay && !hostSum.SameAs(terminalSum))
            {
                Violations.Add("I6: the host settled " + hostSum.Encode(SettlementStyle.UnionPay) + " in all, the terminal closed " + terminalSum.Encode(SettlementStyle.UnionPay));
            }

            foreach (LedgerEntry e in _w.Acquirer.Entries().Where(e => e.TerminalId == tid && e.Settled))
            {
                if (e.Applied && !e.Reversed && e.Type != TransactionType.Balance && !manual.Contains(e.Stan) && !held.Contains((e.Batch, e.Stan)))
                {
                    Violations.Add("I1: the host settled " + e.Type + " STAN " + e.Stan + " of batch " + e.Batch + " that the terminal does not hold");
                }
            }
        }
    }
}
