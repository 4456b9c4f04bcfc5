using System;
using System.Collections.Generic;
using nanoFramework.TestFramework;
using PosFirmware.Payments.Journal;
using PosFirmware.Payments.State;
using PosFirmware.Virtual.Flash;

namespace PosFirmware.UnitTests.Payments
{
    /// <summary>
    /// Each record type's reading half refuses what its writing half never writes: a payload one
    /// byte short or long, a number out of range, a STAN that is not the pending one. A refused
    /// record changes nothing and is counted; the records around it still apply.
    /// </summary>
    [TestClass]
    public class RecordCodecTests
    {
        private static byte[] Fixture() => Convert.FromHexString(string.Concat(JournalFixture.FileHex));

        private static StateJournal Open(VirtualFlash flash)
        {
            var journal = new StateJournal(new Journal(flash, 1024, 64 * 1024), new TerminalState(50, 8, 16), 2048);
            Assert.AreEqual((int)JournalStatus.Ok, (int)journal.Recover());
            return journal;
        }

        /// <summary>The fixture's file with these records appended, recovered.</summary>
        private static StateJournal RecoverWith(params (byte Type, byte[] Payload)[] records)
        {
            var batch = new JournalBatch(64 * 1024);
            foreach (var (type, payload) in records)
            {
                Assert.IsTrue(batch.Add(type, payload, 0, payload.Length));
            }

            var file = new List<byte>(Fixture());
            file.AddRange(new ArraySegment<byte>(batch.Buffer, 0, batch.Length));
            var flash = new VirtualFlash();
            flash.Poke(JournalFixture.FileName, file.ToArray());
            return Open(flash);
        }

        private static string FixtureDump() => string.Join("\n", JournalFixture.RecoveredDump) + "\n";

        private static byte[] Payload(Func<RecordWriter, RecordWriter> write)
        {
            var w = new RecordWriter(1024);
            write(w.Reset());
            return w.Buffer.AsSpan(0, w.Length).ToArray();
        }

        /// <summary>Every record of the fixture, in order, as (type, payload).</summary>
        private static List<(byte Type, byte[] Payload)> FixtureRecords()
        {
            var flash = new VirtualFlash();
            flash.Poke(JournalFixture.FileName, Fixture());
            var records = new List<(byte, byte[])>();
            new Journal(flash, 1024, 64 * 1024).Open(new Collect(records));
            return records;
        }

        private sealed class Collect : IJournalReader
        {
            private readonly List<(byte, byte[])> _records;

            public Collect(List<(byte, byte[])> records) => _records = records;

            public void OnRecord(byte type, byte[] buffer, int offset, int length) => _records.Add((type, buffer.AsSpan(offset, length).ToArray()));
        }

        /// <summary>The state recovered from these records, with what Dump leaves out.</summary>
        private static string Recovered(IEnumerable<(byte Type, byte[] Payload)> records, out int ignored)
        {
            var batch = new JournalBatch(64 * 1024);
            foreach (var (type, payload) in records)
            {
                Assert.IsTrue(batch.Add(type, payload, 0, payload.Length));
            }

            var flash = new VirtualFlash();
            flash.Poke(JournalFixture.FileName, batch.Buffer.AsSpan(0, batch.Length).ToArray());
            StateJournal j = Open(flash);
            ignored = j.IgnoredRecords;
            return $"last stan {j.State.LastStan} settling {j.State.Settling}\n" + StateJournalTests.Dump(j.State);
        }

        [TestMethod]
        public void ARecordOneByteShortOrLongChangesNothing_OfEveryTypeAtEveryPlace()
        {
            var records = FixtureRecords();
            var types = new HashSet<byte>();
            for (int k = 0; k < records.Count; k++)
            {
                var prefix = records.GetRange(0, k);
                string before = Recovered(prefix, out int ignored);
                var (type, payload) = records[k];
                types.Add(type);
                byte[] longer = new byte[payload.Length + 1];
                payload.CopyTo(longer, 0);
                var damaged = new List<byte[]> { longer };
                if (payload.Length > 0)
                {
                    damaged.Add(payload.AsSpan(0, payload.Length - 1).ToArray());
                }

                foreach (byte[] d in damaged)
                {
                    var with = new List<(byte, byte[])>(prefix) { (type, d) };
                    Assert.AreEqual(before, Recovered(with, out int now), $"record {k} type {type} length {d.Length} of {payload.Length}");
                    Assert.AreEqual(ignored + 1, now, $"record {k} type {type} length {d.Length} of {payload.Length}");
                }
            }

            Assert.AreEqual(RecordType.SettlementStarted + 1, types.Count, "every type, and the unknown one");
        }

        [TestMethod]
        public void AnUnknownTypeIsCountedAndSkipped()
        {
            foreach (byte type in new byte[] { 0, RecordType.SettlementStarted + 1, 255 })
            {
                StateJournal j = RecoverWith((type, Payload(w => w.I32(1))), (RecordType.Event, Payload(w => w.I64(5).U16(77).I32(3))));
                Assert.AreEqual(JournalFixture.IgnoredRecords + 1, j.IgnoredRecords, "type " + type);
                LoggedEvent e = j.State.EventAt(j.State.EventCount - 1);
                Assert.AreEqual("5 77 3", $"{e.TimeMs} {e.Code} {e.Stan}", "what follows still applies");
            }
        }

        [TestMethod]
        public void StanReservationsOutsideOneToMaxStanAreRefused()
        {
            StateJournal j = RecoverWith((RecordType.StanReserved, Payload(w => w.I32(0))), (RecordType.StanReserved, Payload(w => w.I32(TerminalState.MaxStan + 1))));
            Assert.AreEqual(JournalFixture.IgnoredRecords + 2, j.IgnoredRecords);
            Assert.AreEqual(FixtureDump(), StateJournalTests.Dump(j.State));

            j = RecoverWith((RecordType.StanReserved, Payload(w => w.I32(TerminalState.MaxStan))));
            Assert.AreEqual(JournalFixture.IgnoredRecords, j.IgnoredRecords);
            Assert.AreEqual(TerminalState.MaxStan, j.State.ReservedStan);
            Assert.AreEqual(TerminalState.MaxStan, j.State.LastStan);

            // After a wrap the new block starts at 1: the STANs handed out before it are behind.
            j = RecoverWith((RecordType.StanReserved, Payload(w => w.I32(1))));
            Assert.AreEqual(JournalFixture.IgnoredRecords, j.IgnoredRecords);
            Assert.AreEqual(1, j.State.ReservedStan);
            Assert.AreEqual(1, j.State.LastStan);
        }

        [TestMethod]
        public void BatchNumbersOutsideOneToMaxBatchAreRefused()
        {
            StateJournal j = RecoverWith((RecordType.BatchOpened, Payload(w => w.I32(0))), (RecordType.BatchOpened, Payload(w => w.I32(TerminalState.MaxBatch + 1))),
                (RecordType.SettlementStarted, Payload(w => w.I32(3))));
            Assert.AreEqual(JournalFixture.IgnoredRecords + 3, j.IgnoredRecords, "and a settlement of another batch than the open one");
            Assert.AreEqual(FixtureDump(), StateJournalTests.Dump(j.State));

            j = RecoverWith((RecordType.BatchOpened, Payload(w => w.I32(TerminalState.MaxBatch))));
            Assert.AreEqual(JournalFixture.IgnoredRecords, j.IgnoredRecords);
            Assert.AreEqual(TerminalState.MaxBatch, j.State.Batch);
            Assert.IsFalse(j.State.Settling);
            Assert.AreEqual(0, j.State.BatchCount);
            Assert.AreEqual(0, j.State.ManualCount);
            Assert.AreEqual(0, j.State.ManualRefundCount);
            Assert.AreEqual(0, j.State.AdviceCount, "the failed advice went with the settled batch");
            Assert.AreEqual(TerminalState.MaxStan, TerminalState.After(TerminalState.MaxStan - 1));
            Assert.AreEqual(1, TerminalState.After(TerminalState.MaxStan));
            Assert.AreEqual(TerminalState.MaxBatch, TerminalState.BatchAfter(TerminalState.MaxBatch - 1));
            Assert.AreEqual(1, TerminalState.BatchAfter(TerminalState.MaxBatch));
        }

        [TestMethod]
        public void NegativeOverflowCountsAreRefused_ZeroIsTaken()
        {
            StateJournal j = RecoverWith((RecordType.ManualOverflow, Payload(w => w.I32(-1).I32(0))), (RecordType.ManualOverflow, Payload(w => w.I32(0).I32(-1))));
            Assert.AreEqual(JournalFixture.IgnoredRecords + 2, j.IgnoredRecords);
            Assert.AreEqual(FixtureDump(), StateJournalTests.Dump(j.State));

            j = RecoverWith((RecordType.ManualOverflow, Payload(w => w.I32(0).I32(0))));
            Assert.AreEqual(JournalFixture.IgnoredRecords, j.IgnoredRecords);
            Assert.AreEqual(0, j.State.ManualOverflow);
            Assert.AreEqual(0, j.State.ManualRefundOverflow);
        }

        [TestMethod]
        public void RecordsAboutAnotherStanThanThePendingOneAreRefused()
        {
            // The fixture ends with no pending reversal or refund, the last transaction 45, advice 38.
            foreach (byte type in new[] { RecordType.ReversalAttempt, RecordType.RefundAttempt, RecordType.AdviceAttempt })
            {
                StateJournal j = RecoverWith((type, Payload(w => w.I32(46).U16(1))));
                Assert.AreEqual(JournalFixture.IgnoredRecords + 1, j.IgnoredRecords, "type " + type);
            }

            foreach (byte type in new[] { RecordType.ReversalCleared, RecordType.ReversalManual, RecordType.RefundCleared, RecordType.RefundManual,
                RecordType.AdviceDone, RecordType.AdviceFailed, RecordType.BatchVoid })
            {
                StateJournal j = RecoverWith((type, Payload(w => w.I32(46))));
                Assert.AreEqual(JournalFixture.IgnoredRecords + 1, j.IgnoredRecords, "type " + type);
                Assert.AreEqual(FixtureDump(), StateJournalTests.Dump(j.State), "type " + type);
            }

            StateJournal t = RecoverWith((RecordType.ReversalTime, Payload(w => w.I32(46).Ascii("1122103000"))),
                (RecordType.LastDetail, Payload(w => w.I32(44).Ascii("05").I32(9).Ascii(null))));
            Assert.AreEqual(JournalFixture.IgnoredRecords + 2, t.IgnoredRecords);
            Assert.AreEqual(FixtureDump(), StateJournalTests.Dump(t.State));

            // The same records about the right STAN apply.
            t = RecoverWith((RecordType.LastDetail, Payload(w => w.I32(45).Ascii("05").I32(9).Ascii("1122103300"))),
                (RecordType.AdviceAttempt, Payload(w => w.I32(38).U16(7))), (RecordType.BatchVoid, Payload(w => w.I32(45))));
            Assert.AreEqual(JournalFixture.IgnoredRecords, t.IgnoredRecords);
            Assert.AreEqual("05", t.State.Last.ResponseCode);
            Assert.AreEqual(9, t.State.Last.Batch);
            Assert.AreEqual("1122103300", t.State.Last.ReversalWhen);
            Assert.AreEqual(7, t.State.FindAdvice(38).Attempts);
            Assert.IsTrue(t.State.FindInBatch(45).Voided);
        }

        [TestMethod]
        public void ARecordWithoutItsMessageIsRefused()
        {
            // A null message (length 0xFFFF) where a reversal, refund or advice must have one.
            StateJournal j = RecoverWith(
                (RecordType.ReversalArmed, Payload(w => w.I32(50).I32(2).U8(0).I64(100).U16(0).Bytes(null))),
                (RecordType.RefundArmed, Payload(w => w.I32(51).I32(2).U8(0).I64(100).U16(0).Ascii("103000").Ascii("1122").U8(2).Ascii(null).I32(0).Bytes(null))),
                (RecordType.AdviceQueued, Payload(w => w.I32(52).I64(100).Bytes(null))));
            Assert.AreEqual(JournalFixture.IgnoredRecords + 3, j.IgnoredRecords);
            Assert.AreEqual(FixtureDump(), StateJournalTests.Dump(j.State));
        }

        [TestMethod]
        public void TheStanBlockStopsAtMaxStanAndStartsAgainAtOne()
        {
            var flash = new VirtualFlash();
            var raw = new Journal(flash, 1024, 64 * 1024);
            Assert.AreEqual((int)JournalStatus.Ok, (int)raw.Open(new Collect(new List<(byte, byte[])>())));
            var batch = new JournalBatch(256);
            batch.Add(RecordType.StanReserved, Payload(w => w.I32(TerminalState.MaxStan - 2)), 0, 4);
            Assert.AreEqual((int)JournalStatus.Ok, (int)raw.Commit(batch));

            StateJournal j = Open(flash);
            Assert.AreEqual(TerminalState.MaxStan - 2, j.State.LastStan);
            Assert.AreEqual((int)JournalStatus.Ok, (int)j.TakeStan(out int stan));
            Assert.AreEqual(TerminalState.MaxStan - 1, stan);
            Assert.AreEqual(TerminalState.MaxStan, j.State.ReservedStan, "the block stops at MaxStan");
            Assert.AreEqual((int)JournalStatus.Ok, (int)j.TakeStan(out stan));
            Assert.AreEqual(TerminalState.MaxStan, stan);
            long closes = flash.DurableCloseCount;
            Assert.AreEqual((int)JournalStatus.Ok, (int)j.TakeStan(out stan));
            Assert.AreEqual(1, stan);
            Assert.AreEqual(StateJournal.StanBlock, j.State.ReservedStan, "a new block from 1");
            Assert.AreEqual(closes + 1, flash.DurableCloseCount);
            Assert.AreEqual((int)JournalStatus.Ok, (int)j.TakeStan(out stan));
            Assert.AreEqual(2, stan);
            Assert.AreEqual(closes + 1, flash.DurableCloseCount, "within the block: no write");

            StateJournal again = Open(flash);
            Assert.AreEqual(StateJournal.StanBlock, again.State.LastStan, "the rest of the block is skipped");
        }
    }
}
