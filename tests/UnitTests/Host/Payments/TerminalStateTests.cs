using System;
using System.Collections.Generic;
using nanoFramework.TestFramework;
using PosFirmware.Messaging.Host;
using PosFirmware.Payments.Journal;
using PosFirmware.Payments.State;
using PosFirmware.Virtual.Flash;

namespace PosFirmware.UnitTests.Payments
{
    /// <summary>
    /// The state's fixed capacities and lists, fed through journal records as recovery feeds them:
    /// what a full list does, what a record replayed twice does, the order things are kept in.
    /// </summary>
    [TestClass]
    public class TerminalStateTests
    {
        private static readonly RecordWriter W = new RecordWriter(1024);

        private static (byte, byte[]) Rec(byte type, RecordWriter w) => (type, w.Buffer.AsSpan(0, w.Length).ToArray());

        private static StateJournal Recover(TerminalState state, params (byte Type, byte[] Payload)[] records)
        {
            var flash = new VirtualFlash();
            var journal = new Journal(flash, 1024, 64 * 1024);
            Assert.AreEqual((int)JournalStatus.Ok, (int)journal.Open(new Nothing()));
            var batch = new JournalBatch(64 * 1024);
            foreach (var (type, payload) in records)
            {
                Assert.IsTrue(batch.Add(type, payload, 0, payload.Length));
            }

            Assert.AreEqual((int)JournalStatus.Ok, (int)journal.Commit(batch));
            var j = new StateJournal(new Journal(flash, 1024, 64 * 1024), state, 2048);
            Assert.AreEqual((int)JournalStatus.Ok, (int)j.Recover());
            return j;
        }

        private sealed class Nothing : IJournalReader
        {
            public void OnRecord(byte type, byte[] buffer, int offset, int length)
            {
            }
        }

        private static (byte, byte[]) Batch(int stan, TransactionType type, long amount, bool voided = false) =>
            Rec(RecordType.BatchAdd, W.Reset().I32(stan).I32(1).U8((int)type).I64(amount).Ascii(null).Ascii(null).U8(7).Ascii(null).Ascii(null).Ascii(null).U16(0)
                .U8(voided ? 2 : 0).I32(0));

        private static (byte, byte[]) Advice(int stan) => Rec(RecordType.AdviceQueued, W.Reset().I32(stan).I64(100 * stan).Bytes(new byte[] { (byte)stan }));

        private static (byte, byte[]) Confirmed(int stan, bool due) =>
            Rec(RecordType.ReversalConfirmed, W.Reset().I32(stan).I32(1).U8(0).I64(100 * stan).Ascii(null).Ascii(null).Ascii(null).Ascii(null).U8(due ? 1 : 0));

        private static (byte, byte[]) Event(int code) => Rec(RecordType.Event, W.Reset().I64(code * 10L).U16(code).I32(code + 1));

        [TestMethod]
        public void AFullBatchRefusesTheNextRecord_ATransactionReplayedTwiceIsKeptOnce()
        {
            StateJournal j = Recover(new TerminalState(2, 2, 4),
                Batch(1, TransactionType.Sale, 100), Batch(1, TransactionType.Sale, 100), Batch(2, TransactionType.Refund, 30), Batch(3, TransactionType.Sale, 5));
            Assert.AreEqual(1, j.IgnoredRecords, "the third transaction did not fit");
            Assert.AreEqual(2, j.State.BatchCount);
            Assert.AreEqual(2, j.State.BatchCapacity);
            Assert.AreEqual(2, j.State.BatchAt(1).Entry.Stan);
            Assert.IsNull(j.State.FindInBatch(3));
        }

        [TestMethod]
        public void TotalsCountWhatWasNotVoided()
        {
            StateJournal j = Recover(new TerminalState(8, 2, 4),
                Batch(1, TransactionType.Sale, 100), Batch(2, TransactionType.Sale, 250, voided: true), Batch(3, TransactionType.Refund, 30), Batch(4, TransactionType.Sale, 7));
            SettlementTotals t = j.State.Totals();
            Assert.AreEqual(2, t.DebitCount);
            Assert.AreEqual(107L, t.DebitAmountMinor);
            Assert.AreEqual(1, t.CreditCount);
            Assert.AreEqual(30L, t.CreditAmountMinor);
        }

        [TestMethod]
        public void AdvicesKeepTheirOrder_TheNextToSendSkipsTheFailed_SettlementDropsOnlyTheFailed()
        {
            StateJournal j = Recover(new TerminalState(8, 3, 4), Advice(1), Advice(2), Advice(2), Advice(3), Advice(4),
                Rec(RecordType.AdviceFailed, W.Reset().I32(1)));
            Assert.AreEqual(1, j.IgnoredRecords, "the fourth advice did not fit; the second copy of 2 is the same advice");
            Assert.AreEqual(3, j.State.AdviceCount);
            Assert.AreEqual(3, j.State.AdviceCapacity);
            Assert.AreEqual(2, j.State.NextAdvice().Stan, "1 failed");

            j = Recover(new TerminalState(8, 4, 4), Advice(1), Advice(2), Advice(3), Advice(4), Rec(RecordType.AdviceDone, W.Reset().I32(2)),
                Rec(RecordType.AdviceFailed, W.Reset().I32(3)), Rec(RecordType.BatchOpened, W.Reset().I32(2)));
            Assert.AreEqual(2, j.State.AdviceCount);
            Assert.AreEqual(1, j.State.AdviceAt(0).Stan);
            Assert.AreEqual(4, j.State.AdviceAt(1).Stan);
            Assert.IsNull(j.State.FindAdvice(2));
            Assert.IsNull(j.State.FindAdvice(3));

            j = Recover(new TerminalState(8, 4, 4), Advice(1), Advice(2), Advice(3), Rec(RecordType.AdviceDone, W.Reset().I32(1)));
            Assert.AreEqual(2, j.State.AdviceCount);
            Assert.AreEqual(2, j.State.AdviceAt(0).Stan);
            Assert.AreEqual(3, j.State.AdviceAt(1).Stan);
            Assert.AreEqual(2, j.State.NextAdvice().Stan);

            j = Recover(new TerminalState(8, 4, 4), Advice(1), Rec(RecordType.AdviceFailed, W.Reset().I32(1)));
            Assert.IsNull(j.State.NextAdvice(), "only a failed one");
        }

        [TestMethod]
        public void ConfirmedReversalsKeepTheNewestFour_AReplayedOneMovesToTheNewestPlace()
        {
            StateJournal j = Recover(new TerminalState(8, 2, 4), Confirmed(1, true), Confirmed(2, true), Confirmed(1, false));
            Assert.AreEqual(2, j.State.ConfirmedCount);
            Assert.AreEqual(2, j.State.ConfirmedAt(0).Stan);
            Assert.AreEqual(1, j.State.ConfirmedAt(1).Stan);
            Assert.IsFalse(j.State.LastReversal.NoticeDue, "the newest form");
            Assert.AreSame(j.State.LastReversal, j.State.FindConfirmed(1));

            j = Recover(new TerminalState(8, 2, 4), Confirmed(1, true), Confirmed(2, true), Confirmed(3, true), Confirmed(4, true), Confirmed(5, true),
                Rec(RecordType.ReversalNoticed, W.Reset().U8(2).I32(1).I32(4)));
            Assert.AreEqual(TerminalState.MaxConfirmedReversals, j.State.ConfirmedCount);
            Assert.IsNull(j.State.FindConfirmed(1));
            Assert.AreEqual(2, j.State.ConfirmedAt(0).Stan);
            Assert.AreEqual(5, j.State.LastReversal.Stan);
            Assert.IsFalse(j.State.FindConfirmed(4).NoticeDue);
            Assert.IsTrue(j.State.FindConfirmed(3).NoticeDue);
            Assert.IsTrue(j.State.FindConfirmed(5).NoticeDue);

            Assert.IsNull(Recover(new TerminalState(8, 2, 4)).State.LastReversal);
        }

        [TestMethod]
        public void TheEventLogKeepsTheNewest()
        {
            StateJournal j = Recover(new TerminalState(8, 2, 3), Event(1), Event(2));
            Assert.AreEqual(2, j.State.EventCount);
            Assert.AreEqual(1, j.State.EventAt(0).Code);

            j = Recover(new TerminalState(8, 2, 3), Event(1), Event(2), Event(3), Event(4), Event(5));
            Assert.AreEqual(3, j.State.EventCount);
            var codes = new List<int>();
            for (int i = 0; i < j.State.EventCount; i++)
            {
                codes.Add(j.State.EventAt(i).Code);
            }

            Assert.AreEqual("3 4 5", string.Join(" ", codes));
            Assert.AreEqual(50L, j.State.EventAt(2).TimeMs);
            Assert.AreEqual(6, j.State.EventAt(2).Stan);
        }

        [TestMethod]
        public void AManualReversalOrRefundReplayedTwiceIsListedOnce()
        {
            var manual = Rec(RecordType.ManualReversal, W.Reset().I32(7).I32(1).U8(0).I64(700));
            var refund = Rec(RecordType.ManualRefund, W.Reset().I32(8).I32(1).U8((int)TransactionType.Refund).I64(800).Ascii(null).Ascii(null).U8(2).Ascii(null).I32(0));
            StateJournal j = Recover(new TerminalState(8, 2, 3), manual, manual, refund, refund);
            Assert.AreEqual(0, j.IgnoredRecords);
            Assert.AreEqual(1, j.State.ManualCount);
            Assert.AreEqual(1, j.State.ManualRefundCount);
            Assert.AreEqual(0, j.State.ManualOverflow);
            Assert.AreEqual(0, j.State.ManualRefundOverflow);
            Assert.IsTrue(j.State.ManualAt(0).NeedsManualHandling);
            Assert.IsTrue(j.State.ManualRefundAt(0).NeedsManualHandling);
            Assert.AreEqual(800L, j.State.ManualRefundAt(0).AmountMinor);
            Assert.AreEqual(0, j.State.ManualRefundAt(0).Attempts);
        }
    }
}
