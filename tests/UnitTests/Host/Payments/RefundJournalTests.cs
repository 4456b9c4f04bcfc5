using nanoFramework.TestFramework;
using PosFirmware.Messaging.Host;
using PosFirmware.Payments.Journal;
using PosFirmware.Payments.State;
using PosFirmware.Virtual.Flash;

namespace PosFirmware.UnitTests.Payments
{
    /// <summary>
    /// The pending refund on the journal: durable with its STAN in one write, its resends counted,
    /// cleared with its result in one commit, moved to the manual-handling list when the resends ran
    /// out; recovery and compaction rebuild exactly what RAM held, at every power cut.
    /// </summary>
    [TestClass]
    public class RefundJournalTests
    {
        private static StateJournal Open(VirtualFlash flash, int compactAt = 64 * 1024)
        {
            var journal = new StateJournal(new Journal(flash, 1024, compactAt), new TerminalState(50, 8, 16), 2048);
            Assert.AreEqual((int)JournalStatus.Ok, (int)journal.Recover());
            return journal;
        }

        private static PendingRefund Refund(int stan) => new PendingRefund
        {
            Stan = stan, Batch = 1, Type = TransactionType.Refund, AmountMinor = 2500, LocalTime = "103000", LocalDate = "1122",
            Entry = PosEntryMode.Swipe, MaskedPan = "622848*********0001", RefersToStan = 123, Message = new byte[] { 0x02, 0x20, 1, 2, 3 },
        };

        private static LastTransaction Last(int stan, int outcome) => new LastTransaction
        {
            Stan = stan, Type = TransactionType.Refund, AmountMinor = 2500, OutcomeCode = outcome, MaskedPan = "622848*********0001", When = "1122103000",
        };

        private static BatchRecord Record(PendingRefund f)
        {
            var r = new BatchRecord { MaskedPan = f.MaskedPan, OutcomeCode = 0, RefersToStan = f.RefersToStan };
            r.Entry.Stan = f.Stan;
            r.Entry.Batch = f.Batch;
            r.Entry.Type = TransactionType.Refund;
            r.Entry.AmountMinor = f.AmountMinor;
            return r;
        }

        private static string Recovered(VirtualFlash flash) => StateJournalTests.Dump(Open(flash).State);

        [TestMethod]
        public void ArmedWithItsStan_CountedAnswered_RecoveryEqualsRam()
        {
            var flash = new VirtualFlash();
            StateJournal j = Open(flash);
            Assert.AreEqual((int)JournalStatus.Mismatch, (int)j.TakeStanAndArmRefund(Refund(5), null), "only the STAN TakeStan would hand out");
            Assert.AreEqual((int)JournalStatus.Ok, (int)j.TakeStanAndArmRefund(Refund(1), Last(1, 240)));
            Assert.AreEqual(1, j.State.LastStan);
            Assert.AreEqual(240, j.State.Last.OutcomeCode, "the last transaction says pending from the start");
            Assert.AreEqual((int)JournalStatus.Mismatch, (int)j.TakeStanAndArmRefund(Refund(2), null), "one pending refund at a time");
            Assert.AreEqual((int)JournalStatus.Ok, (int)j.CountRefundAttempt());
            Assert.AreEqual(1, j.State.Refund.Attempts);
            Assert.AreEqual(StateJournalTests.Dump(j.State), Recovered(flash));

            Assert.AreEqual((int)JournalStatus.Ok, (int)j.RefundAnswered(Record(j.State.Refund), Last(1, 0), new LoggedEvent { Code = 0, Stan = 1 }));
            Assert.IsNull(j.State.Refund);
            Assert.AreEqual(1, j.State.BatchCount);
            Assert.AreEqual(2500, j.State.Totals().CreditAmountMinor);
            Assert.AreEqual(StateJournalTests.Dump(j.State), Recovered(flash));
        }

        [TestMethod]
        public void Manual_KeptWithoutItsMessage_ThroughCompaction_UntilTheBatchSettles()
        {
            var flash = new VirtualFlash();
            StateJournal j = Open(flash, 2048);
            j.TakeStanAndArmRefund(Refund(1), Last(1, 240));
            PendingRefund pending = j.State.Refund;
            Assert.AreEqual((int)JournalStatus.Ok, (int)j.MarkRefundManual(Last(1, 241), new LoggedEvent { Code = 241, Stan = 1 }));
            Assert.IsNull(j.State.Refund);
            Assert.IsNull(pending.Message, "the PAN goes with the message (I7)");
            Assert.AreEqual(1, j.State.ManualRefundCount);

            // Enough changes to compact a few times: the manual refund stays.
            for (int i = 0; i < 60; i++)
            {
                j.Log(new LoggedEvent { Code = 4, Stan = i });
            }

            Assert.IsTrue(flash.OperationCount > 0);
            string ram = StateJournalTests.Dump(j.State);
            Assert.IsTrue(ram.Contains("manual refund 1 1 Refund 2500 1122 622848*********0001 True"), ram);
            Assert.AreEqual(ram, Recovered(flash));

            j = Open(flash, 2048);
            Assert.AreEqual((int)JournalStatus.Ok, (int)j.OpenNextBatch(null));
            Assert.AreEqual(0, j.State.ManualRefundCount, "settled: the merchant's report had it");
            Assert.AreEqual(StateJournalTests.Dump(j.State), Recovered(flash));
        }

        [TestMethod]
        public void PowerCutAtEveryFlashOperation_KeepsEveryAcknowledgedStep()
        {
            // The script without a cut: every state it passes through, and its flash operations.
            var states = new System.Collections.Generic.List<string>();
            var clean = new VirtualFlash();
            StateJournal cj = Open(clean);
            long first = clean.OperationCount;
            Script(cj, states, () => { });
            long operations = clean.OperationCount - first;
            Assert.IsTrue(operations >= 7, "operations: " + operations);
            for (long op = 0; op < operations; op++)
            {
                foreach (CutPoint point in new[] { CutPoint.Before, CutPoint.After })
                {
                    var flash = new VirtualFlash();
                    StateJournal j = Open(flash);
                    flash.ScheduleCut(flash.OperationCount + op, point);
                    int done = 0;
                    try
                    {
                        Script(j, null, () => done++);
                    }
                    catch (PowerCutException)
                    {
                    }

                    flash.PowerOn();
                    string recovered = Recovered(flash);
                    // Every acknowledged step is there, and at most the one in flight besides.
                    bool ok = recovered == states[done] || (done + 1 < states.Count && recovered == states[done + 1]);
                    Assert.IsTrue(ok, "op " + op + " " + point + ": acknowledged " + done + "\n" + recovered + "\nexpected\n" + states[done]);
                }
            }
        }

        private static void Script(StateJournal j, System.Collections.Generic.List<string> states, System.Action acknowledged)
        {
            states?.Add(StateJournalTests.Dump(j.State));
            void Step(JournalStatus s)
            {
                Assert.AreEqual((int)JournalStatus.Ok, (int)s);
                acknowledged();
                states?.Add(StateJournalTests.Dump(j.State));
            }

            Step(j.TakeStanAndArmRefund(Refund(1), Last(1, 240)));
            Step(j.CountRefundAttempt());
            Step(j.RefundAnswered(Record(j.State.Refund), Last(1, 0), new LoggedEvent { Code = 0, Stan = 1 }));
            Step(j.TakeStan(out int stan));
            Step(j.TakeStanAndArmRefund(Refund(3), Last(3, 240)));
            Step(j.CountRefundAttempt());
            Step(j.MarkRefundManual(Last(3, 241), new LoggedEvent { Code = 241, Stan = 3 }));
        }
    }
}
