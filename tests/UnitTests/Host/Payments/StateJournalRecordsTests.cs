using System;
using System.Collections.Generic;
using System.Linq;
using nanoFramework.TestFramework;
using PosFirmware.Messaging.Host;
using PosFirmware.Payments.Journal;
using PosFirmware.Payments.State;
using PosFirmware.Virtual.Flash;

namespace PosFirmware.UnitTests.Payments
{
    /// <summary>
    /// Which records each change of StateJournal writes, in one flash write: the STAN reservation
    /// only when the block is used up, a void only for a STAN, the clearing of a reversal only when
    /// one is pending; a request that does not fit the state is refused before anything is written.
    /// </summary>
    [TestClass]
    public class StateJournalRecordsTests
    {
        private static StateJournal Open(VirtualFlash flash, int compactAt = 64 * 1024)
        {
            var journal = new StateJournal(new Journal(flash, 1024, compactAt), new TerminalState(50, 8, 16), 2048);
            Assert.AreEqual((int)JournalStatus.Ok, (int)journal.Recover());
            return journal;
        }

        private static void Ok(JournalStatus s) => Assert.AreEqual((int)JournalStatus.Ok, (int)s);

        /// <summary>Every record on flash as "type:payload".</summary>
        private static List<string> Records(VirtualFlash flash)
        {
            var reader = new Collect();
            Assert.AreEqual((int)JournalStatus.Ok, (int)new Journal(flash, 1024, 64 * 1024).Open(reader));
            return reader.Records;
        }

        /// <summary>The records the step wrote, and that it took exactly one flash write.</summary>
        private static string Step(VirtualFlash flash, Func<JournalStatus> step)
        {
            int before = Records(flash).Count;
            long closes = flash.DurableCloseCount;
            Ok(step());
            Assert.AreEqual(closes + 1, flash.DurableCloseCount, "one write");
            return string.Join(" ", Records(flash).Skip(before));
        }

        private sealed class Collect : IJournalReader
        {
            public readonly List<string> Records = new List<string>();

            public void OnRecord(byte type, byte[] buffer, int offset, int length) => Records.Add(type + ":" + Convert.ToHexString(buffer, offset, length));
        }

        private static PendingReversal Reversal(int stan) => new PendingReversal { Stan = stan, Batch = 1, Type = TransactionType.Sale, AmountMinor = 100, Message = new byte[] { 4 } };

        private static PendingRefund Refund(int stan) => new PendingRefund { Stan = stan, Batch = 1, Type = TransactionType.Refund, AmountMinor = 100, Message = new byte[] { 2 } };

        [TestMethod]
        public void TheReservationIsWrittenWhenTheBlockIsUsedUp_AndReachesTwentyAhead()
        {
            var flash = new VirtualFlash();
            StateJournal j = Open(flash);
            Assert.AreEqual("1:00000014", Step(flash, () => j.TakeStanAndArmReversal(Reversal(1))).Split(' ')[0], "STANs 1 to 20");
            Ok(j.MarkReversalManual(null, null));
            for (int stan = 2; stan <= StateJournal.StanBlock; stan++)
            {
                long closes = flash.DurableCloseCount;
                Ok(j.TakeStan(out int taken));
                Assert.AreEqual(stan, taken);
                Assert.AreEqual(closes, flash.DurableCloseCount, "within the block: no write");
            }

            string written = Step(flash, () => j.TakeStanAndArmRefund(Refund(StateJournal.StanBlock + 1), null));
            Assert.IsTrue(written.StartsWith("1:00000028 16:00000015"), written);
            Ok(j.MarkRefundManual(null, null));
            written = Step(flash, () => j.TakeStanAndArmReversal(Reversal(StateJournal.StanBlock + 2)));
            Assert.IsTrue(written.StartsWith("2:00000016"), "inside the block: the reversal alone, " + written);
            Assert.AreEqual(StateJournal.StanBlock + 2, j.State.LastStan);
        }

        [TestMethod]
        public void AReversalOrRefundForAnotherStanIsRefusedAndNothingIsWritten()
        {
            var flash = new VirtualFlash();
            StateJournal j = Open(flash);
            long closes = flash.DurableCloseCount;
            Assert.AreEqual((int)JournalStatus.Mismatch, (int)j.TakeStanAndArmReversal(Reversal(2)));
            Assert.AreEqual((int)JournalStatus.Mismatch, (int)j.TakeStanAndArmRefund(Refund(2), null));
            Assert.AreEqual(closes, flash.DurableCloseCount);
            Assert.AreEqual(0, j.State.LastStan);
            Assert.IsNull(j.State.Reversal);

            Ok(j.TakeStanAndArmRefund(Refund(1), null));
            Assert.AreEqual((int)JournalStatus.Mismatch, (int)j.TakeStanAndArmRefund(Refund(2), null), "one refund pending at a time");
            Assert.AreEqual(1, j.State.LastStan);
        }

        [TestMethod]
        public void CompleteWritesAVoidOnlyForAStan_AndClearsOnlyAPendingReversal()
        {
            var flash = new VirtualFlash();
            StateJournal j = Open(flash);
            var last = new LastTransaction { Stan = 1, OutcomeCode = 0 };
            Assert.AreEqual("8:000000010000000000000000000000FFFFFFFF00 23:00000001FF00000000FF",
                Step(flash, () => j.Complete(null, 0, null, last, true, null)), "no void for 0, no reversal to clear");
            Assert.AreEqual("7:00000001", Step(flash, () => j.Complete(null, 1, null, null, false, null)));
            Ok(j.ArmReversal(Reversal(5)));
            long closes = flash.DurableCloseCount;
            Ok(j.Complete(null, -1, null, null, false, null));
            Assert.AreEqual(closes, flash.DurableCloseCount, "kept when not asked: nothing to write");
            Assert.IsNotNull(j.State.Reversal);
            Assert.AreEqual("4:00000005", Step(flash, () => j.Complete(null, -1, null, null, true, null)));
            Assert.IsNull(j.State.Reversal);
        }

        [TestMethod]
        public void AttemptsAreCountedFromWhatTheStateHolds()
        {
            var flash = new VirtualFlash();
            StateJournal j = Open(flash);
            Ok(j.Complete(null, -1, new PendingAdvice { Stan = 3, AmountMinor = 1, Message = new byte[] { 1 } }, null, false, null));
            Assert.AreEqual("10:000000030001", Step(flash, () => j.CountAdviceAttempt(3)));
            Assert.AreEqual("10:000000030002", Step(flash, () => j.CountAdviceAttempt(3)));
            Assert.AreEqual(2, j.State.FindAdvice(3).Attempts);
            Assert.AreEqual("10:000000090001", Step(flash, () => j.CountAdviceAttempt(9)), "an advice not held: its first");
            Assert.AreEqual(1, j.IgnoredRecords, "and it applies to nothing");

            Ok(j.ArmReversal(Reversal(4)));
            Assert.AreEqual("3:000000040001", Step(flash, () => j.CountReversalAttempt()));
            Assert.AreEqual("3:000000040002", Step(flash, () => j.CountReversalAttempt()));
            Ok(j.MarkReversalManual(null, null));
            Ok(j.TakeStanAndArmRefund(Refund(1), null));
            Assert.AreEqual("17:000000010001", Step(flash, () => j.CountRefundAttempt()));
            Assert.AreEqual(1, j.State.Refund.Attempts);
        }

        [TestMethod]
        public void TheEndsOfARefundWriteTheirResultWithTheClearing()
        {
            var flash = new VirtualFlash();
            StateJournal j = Open(flash);
            Ok(j.TakeStanAndArmRefund(Refund(1), null));
            var e = new LoggedEvent { TimeMs = 1, Code = 2, Stan = 1 };
            Assert.AreEqual("18:00000001 14:0000000000000001000200000001", Step(flash, () => j.RefundAnswered(null, null, e)));
            Assert.IsNull(j.State.Refund);
            Assert.AreEqual(0, j.State.ManualRefundCount);

            Ok(j.TakeStanAndArmRefund(Refund(2), null));
            string written = Step(flash, () => j.MarkRefundManual(new LastTransaction { Stan = 2 }, null));
            Assert.IsTrue(written.StartsWith("19:00000002 8:00000002"), written);
            Assert.AreEqual(1, j.State.ManualRefundCount);
            Assert.IsTrue(j.State.ManualRefundAt(0).NeedsManualHandling);
            Assert.IsNull(j.State.ManualRefundAt(0).Message, "the message, with the PAN, is not kept");
        }

        [TestMethod]
        public void AConfirmationIsDueUntilTheIdleScreenSaidIt()
        {
            var flash = new VirtualFlash();
            StateJournal j = Open(flash);
            Ok(j.ArmReversal(Reversal(6)));
            var c = new ConfirmedReversal { Stan = 6 };
            string written = Step(flash, () => j.ConfirmReversal(c, null, null));
            Assert.IsTrue(written.StartsWith("4:00000006 21:00000006"), written);
            Assert.IsTrue(written.EndsWith("01"), "due");
            Assert.IsTrue(j.State.FindConfirmed(6).NoticeDue);
            Assert.AreEqual("24:0100000006", Step(flash, () => j.NoticeSaid(new[] { 6, 7 }, 1)));
            Assert.IsFalse(j.State.FindConfirmed(6).NoticeDue);
            Assert.AreEqual("24:00", Step(flash, () => j.NoticeSaid(new int[0], 0)));
            Assert.AreEqual(0, j.IgnoredRecords);
        }

        [TestMethod]
        public void SettlementMarksTheBatchAndTheNextOneStartsEmpty()
        {
            var flash = new VirtualFlash();
            StateJournal j = Open(flash);
            Assert.AreEqual("26:00000001", Step(flash, () => j.MarkSettling()));
            Assert.IsTrue(j.State.Settling);
            Assert.AreEqual("13:00000002", Step(flash, () => j.OpenNextBatch(null)));
            Assert.AreEqual(2, j.State.Batch);
            Assert.IsFalse(j.State.Settling);
            Assert.AreEqual("14:0000000000000007000800000009", Step(flash, () => j.Log(new LoggedEvent { TimeMs = 7, Code = 8, Stan = 9 })));
            long closes = flash.DurableCloseCount;
            Ok(j.Log(null));
            Assert.AreEqual(closes, flash.DurableCloseCount, "nothing to log: no write");
        }

        [TestMethod]
        public void ACompactionThatFailsIsReported_TheChangeStands()
        {
            // Room for the journal but not for a second generation beside it.
            var flash = new VirtualFlash(capacityBytes: 2 * VirtualFlash.FileOverheadBytes + 1200);
            StateJournal j = Open(flash, compactAt: 900);
            JournalStatus s = JournalStatus.Ok;
            int i = 0;
            while (j.LastCompaction == JournalStatus.Ok && i < 200)
            {
                s = j.Log(new LoggedEvent { TimeMs = ++i, Code = 1, Stan = i });
                Assert.AreEqual((int)JournalStatus.Ok, (int)s, "step " + i);
            }

            Assert.AreEqual((int)JournalStatus.FlashError, (int)j.LastCompaction, "after " + i);
            Assert.AreEqual(1, j.Journal.Generation);
            Assert.AreEqual(i, j.State.EventAt(j.State.EventCount - 1).Stan, "the change that triggered it stands");
        }
    }
}
