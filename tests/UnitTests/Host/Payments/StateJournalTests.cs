using System;
using System.Collections.Generic;
using System.Text;
using nanoFramework.TestFramework;
using PosFirmware.Messaging.Host;
using PosFirmware.Payments.Journal;
using PosFirmware.Payments.State;
using PosFirmware.Virtual.Flash;

namespace PosFirmware.UnitTests.Payments
{
    /// <summary>
    /// The terminal state on the journal: RAM equals what recovery rebuilds, after every kind of
    /// change, through compactions, and at every power cut of a whole transaction script.
    /// </summary>
    [TestClass]
    public class StateJournalTests
    {
        private static StateJournal Open(VirtualFlash flash, int compactAt = 64 * 1024)
        {
            var journal = new StateJournal(new Journal(flash, 1024, compactAt), new TerminalState(50, 8, 16), 2048);
            Assert.AreEqual((int)JournalStatus.Ok, (int)journal.Recover());
            return journal;
        }

        /// <summary>Everything the state holds, as text: two states are equal when their dumps are.</summary>
        public static string Dump(TerminalState s)
        {
            var b = new StringBuilder();
            b.Append($"reserved={s.ReservedStan} batch={s.Batch}\n");
            if (s.Reversal is PendingReversal r)
            {
                b.Append($"reversal {r.Stan} {r.Batch} {r.Type} {r.AmountMinor} {r.Attempts} {r.NeedsManualHandling} {Convert.ToHexString(r.Message)}\n");
            }

            for (int i = 0; i < s.ManualCount; i++)
            {
                var m = s.ManualAt(i);
                b.Append($"manual {m.Stan} {m.Batch} {m.Type} {m.AmountMinor} {m.Message == null}\n");
            }

            if (s.Refund is PendingRefund f)
            {
                b.Append($"refund {f.Stan} {f.Batch} {f.Type} {f.AmountMinor} {f.Attempts} {f.LocalTime} {f.LocalDate} {f.Entry} {f.MaskedPan} {f.RefersToStan} {Convert.ToHexString(f.Message)}\n");
            }

            for (int i = 0; i < s.ManualRefundCount; i++)
            {
                var m = s.ManualRefundAt(i);
                b.Append($"manual refund {m.Stan} {m.Batch} {m.Type} {m.AmountMinor} {m.LocalDate} {m.MaskedPan} {m.Message == null}\n");
            }

            for (int i = 0; i < s.BatchCount; i++)
            {
                var e = s.BatchAt(i);
                b.Append($"batch {e.Entry.Stan} {e.Entry.Batch} {e.Entry.Type} {e.Entry.AmountMinor} {e.Entry.LocalTime} {e.Entry.LocalDate} {e.Entry.Entry} {e.Entry.Rrn} {e.Entry.AuthCode} {e.MaskedPan} {e.OutcomeCode} {e.Offline} {e.Voided} {e.RefersToStan}\n");
            }

            for (int i = 0; i < s.AdviceCount; i++)
            {
                var a = s.AdviceAt(i);
                b.Append($"advice {a.Stan} {a.AmountMinor} {a.Attempts} {a.Failed} {Convert.ToHexString(a.Message)}\n");
            }

            if (s.Last is LastTransaction t)
            {
                b.Append($"last {t.Stan} {t.Type} {t.AmountMinor} {t.OutcomeCode} {t.MaskedPan} {t.Rrn} {t.AuthCode} {t.When} {t.Reversal}\n");
            }

            for (int i = 0; i < s.EventCount; i++)
            {
                b.Append($"event {s.EventAt(i).TimeMs} {s.EventAt(i).Code} {s.EventAt(i).Stan}\n");
            }

            return b.ToString();
        }

        private static BatchRecord Approved(int stan, TransactionType type, long amount, int refersTo = -1)
        {
            var r = new BatchRecord { MaskedPan = "622848*********0001", OutcomeCode = 0, RefersToStan = refersTo };
            r.Entry.Stan = stan;
            r.Entry.Batch = 1;
            r.Entry.Type = type;
            r.Entry.AmountMinor = amount;
            r.Entry.LocalTime = "103000";
            r.Entry.LocalDate = "1122";
            r.Entry.Entry = PosEntryMode.Contactless;
            r.Entry.Rrn = "000000" + stan.ToString("D6");
            r.Entry.AuthCode = "A" + stan.ToString("D5");
            return r;
        }

        private static LastTransaction Last(int stan, int outcome, ReversalState reversal) => new LastTransaction
        {
            Stan = stan, Type = TransactionType.Sale, AmountMinor = 100 * stan, OutcomeCode = outcome, MaskedPan = "622848*********0001",
            Rrn = "000000" + stan.ToString("D6"), When = "1122103000", Reversal = reversal,
        };

        private static LoggedEvent Event(int code, int stan) => new LoggedEvent { TimeMs = 1000L * stan, Code = code, Stan = stan };

        /// <summary>A day at the counter, one durable step at a time; returns how many steps it took.</summary>
        private static int Script(StateJournal j, Action? afterStep = null)
        {
            int steps = 0;
            void Step(JournalStatus s)
            {
                Assert.AreEqual((int)JournalStatus.Ok, (int)s);
                steps++;
                afterStep?.Invoke();
            }

            for (int i = 0; i < 3; i++)
            {
                Step(j.TakeStan(out int stan));
                Step(j.ArmReversal(new PendingReversal { Stan = stan, Batch = j.State.Batch, Type = TransactionType.Sale, AmountMinor = 100 * stan, Message = new byte[] { 4, 0, (byte)stan } }));
                if (i == 1)
                {
                    // No answer: the reversal is sent twice, then confirmed.
                    Step(j.CountReversalAttempt());
                    Step(j.CountReversalAttempt());
                    Step(j.Complete(null, -1, null, Last(stan, 204, ReversalState.Done), true, Event(204, stan)));
                }
                else
                {
                    Step(j.Complete(Approved(stan, TransactionType.Sale, 100 * stan), -1, null, Last(stan, 0, ReversalState.None), true, Event(0, stan)));
                }
            }

            // A void of the first sale.
            Step(j.TakeStan(out int voidStan));
            Step(j.ArmReversal(new PendingReversal { Stan = voidStan, Batch = j.State.Batch, Type = TransactionType.Void, AmountMinor = 100, Message = new byte[] { 4, 2 } }));
            Step(j.Complete(Approved(voidStan, TransactionType.Void, 100, 1), 1, null, Last(voidStan, 0, ReversalState.None), true, Event(0, voidStan)));
            // An offline approval and its advice, which goes on the second try.
            Step(j.TakeStan(out int offline));
            var advice = new PendingAdvice { Stan = offline, AmountMinor = 2000, Message = new byte[] { 2, 2, 0 } };
            Step(j.Complete(Approved(offline, TransactionType.Sale, 2000), -1, advice, Last(offline, 1, ReversalState.None), false, Event(1, offline)));
            Step(j.CountAdviceAttempt(offline));
            Step(j.CountAdviceAttempt(offline));
            Step(j.AdviceDone(offline));
            // A reversal that runs out of retries.
            Step(j.TakeStan(out int lost));
            Step(j.ArmReversal(new PendingReversal { Stan = lost, Batch = j.State.Batch, Type = TransactionType.Sale, AmountMinor = 700, Message = new byte[] { 4, 0, 9 } }));
            for (int k = 0; k < 3; k++)
            {
                Step(j.CountReversalAttempt());
            }

            Step(j.MarkReversalManual(null, Event(216, lost)));
            return steps;
        }

        [TestMethod]
        public void RecoveryRebuildsExactlyWhatRamHolds()
        {
            var flash = new VirtualFlash();
            var j = Open(flash);
            Script(j);
            string ram = Dump(j.State);
            Assert.AreEqual(0, j.IgnoredRecords);
            Assert.AreEqual(6, j.State.EventCount, ram);
            Assert.AreEqual(ram, Dump(Open(flash).State));
            Assert.IsTrue(ram.Contains("manual 6 1 Sale 700 True"), ram);
            Assert.IsNull(j.State.Reversal, ram);
            Assert.IsTrue(ram.Contains("batch 1 1 Sale 100"), ram);
            Assert.IsTrue(j.State.BatchAt(0).Voided);
            Assert.AreEqual(0, j.State.AdviceCount);
            Assert.AreEqual(3 + 1, j.State.BatchCount);
            // Totals: sales 3 (300) and 6 (2000); sale 1 voided; the void itself moves nothing.
            var totals = j.State.Totals();
            Assert.AreEqual(2, totals.DebitCount);
            Assert.AreEqual(2300L, totals.DebitAmountMinor);
        }

        [TestMethod]
        public void AStanIsNeverHandedOutTwiceAcrossPowerCuts()
        {
            var flash = new VirtualFlash();
            var seen = new HashSet<int>();
            for (int boot = 0; boot < 30; boot++)
            {
                var j = Open(flash);
                for (int k = 0; k < boot % 7; k++)
                {
                    Assert.AreEqual((int)JournalStatus.Ok, (int)j.TakeStan(out int stan));
                    Assert.IsTrue(seen.Add(stan), "STAN " + stan + " reused");
                }

                flash.CutPowerNow();
                flash.PowerOn();
            }

            // One flash write per block of StanBlock STANs, not one per STAN.
            Assert.IsTrue(flash.DurableCloseCount < seen.Count);
        }

        [TestMethod]
        public void CompactionKeepsTheStateAndBoundsTheFile()
        {
            var flash = new VirtualFlash();
            var j = Open(flash, compactAt: 600);
            Script(j);
            Assert.IsTrue(j.Journal.Generation > 3, "compacted " + j.Journal.Generation);
            Assert.AreEqual((int)JournalStatus.Ok, (int)j.LastCompaction);
            Assert.IsTrue(j.Journal.FileBytes < 600 + 1024);
            Assert.AreEqual(Dump(j.State), Dump(Open(flash, compactAt: 600).State));
        }

        [TestMethod]
        public void APowerCutAtEveryFlashOperationLeavesAStateTheScriptPassedThrough()
        {
            foreach (int compactAt in new[] { 64 * 1024, 700 })
            {
                // Reference: the state after each step, and the flash operations the script takes.
                var reference = new VirtualFlash();
                var rj = Open(reference, compactAt);
                var states = new List<string> { Dump(rj.State) };
                long start = reference.OperationCount;
                Script(rj, () => states.Add(Dump(rj.State)));
                long operations = reference.OperationCount - start;

                for (long op = 0; op < operations; op++)
                {
                    foreach (CutPoint point in new[] { CutPoint.Before, CutPoint.After })
                    {
                        var flash = new VirtualFlash();
                        var j = Open(flash, compactAt);
                        flash.ScheduleCut(flash.OperationCount + op, point);
                        int done = 0;
                        try
                        {
                            Script(j, () => done++);
                        }
                        catch (PowerCutException)
                        {
                        }

                        flash.PowerOn();
                        string recovered = Dump(Open(flash, compactAt).State);
                        // Every acknowledged step is there, and at most the one in flight besides.
                        bool ok = recovered == states[done] || (done + 1 < states.Count && recovered == states[done + 1]);
                        Assert.IsTrue(ok, $"compactAt {compactAt} op {op} {point}: acknowledged {done}\n{recovered}\nexpected\n{states[done]}");
                    }
                }
            }
        }

        [TestMethod]
        public void AChangeTheFlashRefusesNeverHappens()
        {
            var flash = new VirtualFlash(capacityBytes: 700);
            var j = Open(flash);
            JournalStatus s = JournalStatus.Ok;
            int i = 0;
            string before = "";
            while (s == JournalStatus.Ok && i < 1000)
            {
                before = Dump(j.State);
                s = j.ArmReversal(new PendingReversal { Stan = ++i, Batch = 1, Type = TransactionType.Sale, AmountMinor = i, Message = new byte[40] });
            }

            Assert.AreEqual((int)JournalStatus.FlashError, (int)s);
            Assert.AreEqual(before, Dump(j.State));
            Assert.AreEqual(before, Dump(Open(flash).State));
        }
    }
}
