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
    /// The on-flash format does not move: a journal written by the firmware before the record codecs
    /// (issue 13, captured in JournalFixture.cs) holds every record type, live and snapshot forms, and
    /// a few damaged ones; it recovers to the same state, and the same script run now writes it byte
    /// for byte.
    /// </summary>
    [TestClass]
    public class JournalFormatTests
    {
        private static StateJournal Open(VirtualFlash flash)
        {
            var journal = new StateJournal(new Journal(flash, 1024, 64 * 1024), new TerminalState(50, 8, 16), 2048);
            Assert.AreEqual((int)JournalStatus.Ok, (int)journal.Recover());
            return journal;
        }

        private static void Ok(JournalStatus s) => Assert.AreEqual((int)JournalStatus.Ok, (int)s);

        private static BatchRecord Approved(int stan, TransactionType type, long amount, int refersTo, bool offline)
        {
            var r = new BatchRecord { MaskedPan = "622848*********" + stan.ToString("D4"), OutcomeCode = offline ? 1 : 0, RefersToStan = refersTo, Offline = offline };
            r.Entry.Stan = stan;
            r.Entry.Batch = 2;
            r.Entry.Type = type;
            r.Entry.AmountMinor = amount;
            r.Entry.LocalTime = "10" + (stan % 60).ToString("D2") + "00";
            r.Entry.LocalDate = "1122";
            r.Entry.Entry = offline ? PosEntryMode.Chip : PosEntryMode.Contactless;
            r.Entry.Rrn = offline ? null : "000000" + stan.ToString("D6");
            r.Entry.AuthCode = offline ? null : "A" + stan.ToString("D5");
            return r;
        }

        private static LastTransaction Last(int stan, int outcome, ReversalState reversal) => new LastTransaction
        {
            Stan = stan, Type = TransactionType.Sale, AmountMinor = 100 * stan, OutcomeCode = outcome, MaskedPan = "622848*********0001",
            Rrn = "000000" + stan.ToString("D6"), AuthCode = "B" + stan.ToString("D5"), When = "1122103000", Reversal = reversal,
            ResponseCode = outcome == 0 ? "00" : "68", Batch = 2, ReversalWhen = reversal == ReversalState.Done ? "1122103105" : null,
        };

        private static PendingRefund Refund(int stan) => new PendingRefund
        {
            Stan = stan, Batch = 2, Type = TransactionType.Refund, AmountMinor = 2500 + stan, LocalTime = "103000", LocalDate = "1122",
            Entry = PosEntryMode.Swipe, MaskedPan = "622848*********0002", RefersToStan = 123, Message = new byte[] { 0x02, 0x20, (byte)stan },
        };

        private static PendingReversal Reversal(int stan, string? when) => new PendingReversal
        {
            Stan = stan, Batch = 2, Type = TransactionType.Sale, AmountMinor = 100 * stan, Message = new byte[] { 4, 0, (byte)stan }, When = when,
        };

        private static LoggedEvent Event(int code, int stan) => new LoggedEvent { TimeMs = 1000L * stan + 7, Code = code, Stan = stan };

        /// <summary>
        /// Every public change of StateJournal, so that every record type is on flash: the snapshot
        /// forms (ManualReversal, ManualRefund, ManualOverflow) through one compaction in the middle.
        /// Then damaged records recovery must skip: an unknown type, a short record, a void of a STAN
        /// not in the batch.
        /// </summary>
        private static StateJournal WriteEveryRecordType(VirtualFlash flash)
        {
            StateJournal j = Open(flash);
            Ok(j.TakeStan(out int first));
            Ok(j.Complete(Approved(first, TransactionType.Sale, 100, -1, false), -1, null, Last(first, 0, ReversalState.None), false, Event(0, first)));
            Ok(j.MarkSettling());
            Ok(j.OpenNextBatch(Event(300, 0)));

            // More manual reversals and refunds than the lists hold: the snapshot counts the rest.
            for (int i = 0; i < TerminalState.MaxManualReversals + 2; i++)
            {
                Ok(j.TakeStan(out int stan));
                Ok(j.ArmReversal(Reversal(stan, i % 2 == 0 ? "1122103000" : null)));
                Ok(j.CountReversalAttempt());
                Ok(j.MarkReversalManual(i % 3 == 0 ? Last(stan, 216, ReversalState.ManualHandling) : null, Event(216, stan)));
                Ok(j.TakeStanAndArmRefund(Refund(TerminalState.After(j.State.LastStan)), null));
                Ok(j.CountRefundAttempt());
                Ok(j.MarkRefundManual(null, i % 2 == 0 ? Event(241, stan) : null));
            }

            Ok(j.TakeStan(out int offline));
            Ok(j.Complete(Approved(offline, TransactionType.Sale, 2000, -1, true), -1,
                new PendingAdvice { Stan = offline, AmountMinor = 2000, Message = new byte[] { 2, 2, 0, 1 } }, Last(offline, 1, ReversalState.None), false, Event(1, offline)));
            Ok(j.CountAdviceAttempt(offline));
            Ok(j.TakeStanAndArmReversal(Reversal(TerminalState.After(j.State.LastStan), "1122103010")));
            Ok(j.Journal.Compact(j, new JournalBatch(8192)));

            // Live records after the snapshot.
            Ok(j.CountReversalAttempt());
            int armed = j.State.Reversal.Stan;
            var confirmed = new ConfirmedReversal
            {
                Stan = armed, Batch = 2, Type = TransactionType.Sale, AmountMinor = 100 * armed, MaskedPan = "622848*********0001",
                Rrn = "000000" + armed.ToString("D6"), OriginalWhen = "1122103010", ConfirmedWhen = "1122103105",
            };
            Ok(j.ConfirmReversal(confirmed, Last(armed, 204, ReversalState.Done), Event(234, armed)));
            Ok(j.NoticeSaid(new[] { armed, 999 }, 2));
            Ok(j.TakeStan(out int lost));
            Ok(j.ArmReversal(Reversal(lost, null)));
            Ok(j.MarkReversalManual(Last(lost, 216, ReversalState.ManualHandling), null));
            Ok(j.TakeStanAndArmRefund(Refund(TerminalState.After(j.State.LastStan)), null));
            Ok(j.MarkRefundManual(null, Event(241, j.State.Refund.Stan)));
            Ok(j.TakeStan(out int sold));
            Ok(j.ArmReversal(Reversal(sold, "1122103020")));
            Ok(j.Complete(Approved(sold, TransactionType.Sale, 5000, -1, false), -1, null, Last(sold, 0, ReversalState.None), true, Event(0, sold)));
            Ok(j.TakeStan(out int voided));
            Ok(j.Complete(Approved(voided, TransactionType.Void, 5000, sold, false), sold, null, Last(voided, 0, ReversalState.None), false, null));
            Ok(j.CountAdviceAttempt(offline));
            Ok(j.AdviceFailed(offline, Event(220, offline)));
            Ok(j.TakeStan(out int second));
            Ok(j.Complete(Approved(second, TransactionType.Sale, 300, -1, true), -1,
                new PendingAdvice { Stan = second, AmountMinor = 300, Message = new byte[] { 2, 2, 0, 2 } }, null, false, null));
            Ok(j.AdviceDone(second));
            Ok(j.TakeStanAndArmRefund(Refund(TerminalState.After(j.State.LastStan)), Last(TerminalState.After(j.State.LastStan), 240, ReversalState.None)));
            Ok(j.CountRefundAttempt());
            Ok(j.RefundAnswered(Approved(j.State.Refund.Stan, TransactionType.Refund, 2500, 123, false), Last(j.State.Refund.Stan, 0, ReversalState.None), Event(0, j.State.Refund.Stan)));
            Ok(j.Log(Event(500, 0)));
            Ok(j.MarkSettling());

            // Damage recovery skips without losing anything else.
            var w = new RecordWriter(1024);
            var batch = new JournalBatch(2048);
            batch.Add(99, w.Reset().I32(1));
            batch.Add(RecordType.Last, w.Reset().I32(5).U8(1));
            batch.Add(RecordType.BatchVoid, w.Reset().I32(777));
            batch.Add(RecordType.AdviceDone, w.Reset().I32(second));
            Ok(j.Journal.Commit(batch));
            return j;
        }

        private static byte[] FixtureBytes() => Convert.FromHexString(string.Concat(JournalFixture.FileHex));

        private static string FixtureDump() => string.Join("\n", JournalFixture.RecoveredDump) + "\n";

        [TestMethod]
        public void TheFixtureHoldsEveryRecordTypeAndSomeDamage()
        {
            var flash = new VirtualFlash();
            flash.Poke(JournalFixture.FileName, FixtureBytes());
            var types = new HashSet<byte>();
            var journal = new Journal(flash, 1024, 64 * 1024);
            Assert.AreEqual((int)JournalStatus.Ok, (int)journal.Open(new TypeSet(types)));
            for (byte t = RecordType.StanReserved; t <= RecordType.SettlementStarted; t++)
            {
                Assert.IsTrue(types.Contains(t), "record type " + t + " is not in the fixture");
            }

            Assert.IsTrue(types.Contains(99), "an unknown type");
            Assert.AreEqual(0, journal.CorruptRegions);
        }

        [TestMethod]
        public void AJournalWrittenBeforeTheCodecsRecoversToTheSameState()
        {
            var flash = new VirtualFlash();
            flash.Poke(JournalFixture.FileName, FixtureBytes());
            StateJournal j = Open(flash);
            Assert.AreEqual(FixtureDump(), StateJournalTests.Dump(j.State));
            Assert.AreEqual(JournalFixture.IgnoredRecords, j.IgnoredRecords, "the unknown, short and stale records are skipped, counted");
            Assert.IsTrue(j.State.Settling);
            Assert.AreEqual(j.State.ReservedStan, j.State.LastStan, "reserved STANs are skipped after a restart");

            // Its snapshot recovers to the same state too.
            Ok(j.Journal.Compact(j, new JournalBatch(8192)));
            StateJournal again = Open(flash);
            Assert.AreEqual(FixtureDump(), StateJournalTests.Dump(again.State));
            Assert.AreEqual(0, again.IgnoredRecords);
            Assert.IsTrue(again.State.Settling);
        }

        [TestMethod]
        public void TheSameChangesWriteTheSameBytesAsBeforeTheCodecs()
        {
            var flash = new VirtualFlash();
            StateJournal j = WriteEveryRecordType(flash);
            Assert.AreEqual(JournalFixture.FileName, j.Journal.FileName);
            Assert.AreEqual(Convert.ToHexString(FixtureBytes()), Convert.ToHexString(flash.Peek(j.Journal.FileName)!));
            Assert.AreEqual(FixtureDump(), StateJournalTests.Dump(j.State), "RAM equals what the older firmware recovered");
        }

        private sealed class TypeSet : IJournalReader
        {
            private readonly HashSet<byte> _types;

            public TypeSet(HashSet<byte> types) => _types = types;

            public void OnRecord(byte type, byte[] buffer, int offset, int length) => _types.Add(type);
        }
    }
}
