using System;
using System.Collections.Generic;
using System.Linq;
using nanoFramework.TestFramework;
using PosFirmware.Hal;
using PosFirmware.Payments.Journal;
using PosFirmware.Virtual.Flash;

namespace PosFirmware.UnitTests.Payments
{
    /// <summary>
    /// The journal on the virtual flash: round trips, power cuts before and after every flash
    /// operation of commits and of compaction, every single bit flipped, torn tails, stale files.
    /// </summary>
    [TestClass]
    public class JournalTests
    {
        private const int MaxPayload = 256;

        private sealed class Collect : IJournalReader
        {
            public readonly List<string> Records = new List<string>();

            public void OnRecord(byte type, byte[] buffer, int offset, int length)
            {
                Records.Add(type + ":" + Convert.ToHexString(buffer, offset, length));
            }
        }

        private sealed class Snapshot : IJournalSnapshot
        {
            private readonly List<(byte Type, byte[] Payload)> _records;

            public Snapshot(List<(byte, byte[])> records)
            {
                _records = records;
            }

            public bool WriteTo(JournalBatch batch)
            {
                foreach (var (type, payload) in _records)
                {
                    if (!batch.Add(type, payload, 0, payload.Length))
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        private static byte[] Payload(int i) => Enumerable.Range(0, 3 + (i * 7) % 40).Select(b => (byte)(b * 31 + i)).ToArray();

        private static string Text(byte type, byte[] payload) => type + ":" + Convert.ToHexString(payload);

        private static List<string> Reopen(IFlashStore flash, out Journal journal)
        {
            var reader = new Collect();
            journal = new Journal(flash, MaxPayload, 4096);
            Assert.AreEqual((int)JournalStatus.Ok, (int)journal.Open(reader));
            return reader.Records;
        }

        private static JournalStatus CommitOne(Journal journal, JournalBatch batch, byte type, byte[] payload)
        {
            batch.Clear();
            batch.Add(type, payload, 0, payload.Length);
            return journal.Commit(batch);
        }

        [TestMethod]
        public void RecordsComeBackInOrder()
        {
            var flash = new VirtualFlash();
            var expected = new List<string>();
            Reopen(flash, out var journal);
            var batch = new JournalBatch(512);
            for (int i = 0; i < 20; i++)
            {
                Assert.AreEqual((int)JournalStatus.Ok, (int)CommitOne(journal, batch, (byte)(i % 5 + 1), Payload(i)));
                expected.Add(Text((byte)(i % 5 + 1), Payload(i)));
            }

            // Two records that must be seen together go as one batch: one close.
            batch.Clear();
            batch.Add(9, Payload(100), 0, Payload(100).Length);
            batch.Add(10, Payload(101), 0, Payload(101).Length);
            long closes = flash.DurableCloseCount;
            Assert.AreEqual((int)JournalStatus.Ok, (int)journal.Commit(batch));
            Assert.AreEqual(closes + 1, flash.DurableCloseCount);
            expected.Add(Text(9, Payload(100)));
            expected.Add(Text(10, Payload(101)));

            CollectionAssert.AreEqual(expected, Reopen(flash, out var again));
            Assert.AreEqual(0, again.CorruptRegions);
            Assert.AreEqual(journal.FileBytes, again.FileBytes);
        }

        [TestMethod]
        public void ANewTerminalHasAnEmptyJournal()
        {
            var flash = new VirtualFlash();
            Assert.AreEqual(0, Reopen(flash, out var journal).Count);
            Assert.AreEqual(1, journal.Generation);
            Assert.AreEqual(0, flash.List().Length, "opening creates nothing");
            var batch = new JournalBatch(64);
            Assert.AreEqual((int)JournalStatus.NotOpen, (int)new Journal(flash, MaxPayload, 4096).Commit(batch));
            Assert.IsFalse(batch.Add(1, new byte[100], 0, 100));
            Assert.AreEqual((int)JournalStatus.TooLarge, (int)journal.Commit(batch));
        }

        [TestMethod]
        public void APowerCutAtAnyOperationLosesOnlyTheUnfinishedCommit()
        {
            // Reference run: how many flash operations 6 commits take.
            const int commits = 6;
            var reference = new VirtualFlash();
            Reopen(reference, out var refJournal);
            var batch = new JournalBatch(512);
            long start = reference.OperationCount;
            for (int i = 0; i < commits; i++)
            {
                CommitOne(refJournal, batch, 1, Payload(i));
            }

            long operations = reference.OperationCount - start;
            Assert.IsTrue(operations >= commits * 3, "open, write, close per commit");
            for (long op = 0; op < operations; op++)
            {
                foreach (CutPoint point in new[] { CutPoint.Before, CutPoint.After })
                {
                    var flash = new VirtualFlash();
                    Reopen(flash, out var journal);
                    flash.ScheduleCut(flash.OperationCount + op, point);
                    int acknowledged = 0;
                    try
                    {
                        for (int i = 0; i < commits; i++)
                        {
                            Assert.AreEqual((int)JournalStatus.Ok, (int)CommitOne(journal, batch, 1, Payload(i)));
                            acknowledged++;
                        }
                    }
                    catch (PowerCutException)
                    {
                    }

                    flash.PowerOn();
                    var records = Reopen(flash, out _);
                    // Every acknowledged commit is there; at most the one in flight besides; in order.
                    Assert.IsTrue(records.Count == acknowledged || records.Count == acknowledged + 1, $"op {op} {point}: {records.Count} vs {acknowledged}");
                    for (int i = 0; i < records.Count; i++)
                    {
                        Assert.AreEqual(Text(1, Payload(i)), records[i], $"op {op} {point} record {i}");
                    }
                }
            }
        }

        [TestMethod]
        public void EveryFlippedBitLosesAtMostTheRecordItHits()
        {
            var pristine = new VirtualFlash();
            Reopen(pristine, out var journal);
            var batch = new JournalBatch(512);
            var expected = new List<string>();
            var bounds = new List<int>();
            for (int i = 0; i < 6; i++)
            {
                CommitOne(journal, batch, (byte)(i + 1), Payload(i));
                expected.Add(Text((byte)(i + 1), Payload(i)));
                bounds.Add(journal.FileBytes);
            }

            byte[] image = pristine.Peek(journal.FileName)!;
            for (int bit = 0; bit < image.Length * 8; bit++)
            {
                var flash = new VirtualFlash();
                byte[] damaged = (byte[])image.Clone();
                damaged[bit / 8] ^= (byte)(1 << (bit % 8));
                flash.Poke(journal.FileName, damaged);
                var records = Reopen(flash, out var reopened);
                int hit = bounds.FindIndex(end => bit / 8 < end);
                var survivors = expected.Where((_, i) => i != hit).ToList();
                CollectionAssert.AreEqual(survivors, records, "bit " + bit);
                Assert.IsTrue(reopened.CorruptRegions >= 1, "bit " + bit);
            }
        }

        [TestMethod]
        public void ATornTailAndGarbageAreSkipped()
        {
            var flash = new VirtualFlash();
            Reopen(flash, out var journal);
            var batch = new JournalBatch(512);
            CommitOne(journal, batch, 1, Payload(1));
            CommitOne(journal, batch, 2, Payload(2));
            byte[] image = flash.Peek(journal.FileName)!;
            // Garbage between records, a half record at the end.
            byte[] withGarbage = image.Take(image.Length).Concat(new byte[] { 0xA5, 0xA5, 0x00, 0x01, 0x02 }).Concat(image).Concat(image.Take(7)).ToArray();
            flash.Poke(journal.FileName, withGarbage);
            var records = Reopen(flash, out var reopened);
            CollectionAssert.AreEqual(new[] { Text(1, Payload(1)), Text(2, Payload(2)), Text(1, Payload(1)), Text(2, Payload(2)) }, records);
            Assert.AreEqual(2, reopened.CorruptRegions);
        }

        [TestMethod]
        public void CompactionUnderPowerCutsLeavesExactlyOneValidCopy()
        {
            var before = Enumerable.Range(0, 8).Select(i => Text(1, Payload(i))).ToList();
            var snapshotRecords = new List<(byte, byte[])> { (7, Payload(50)), (8, Payload(51)) };
            var after = snapshotRecords.Select(r => Text(r.Item1, r.Item2)).ToList();

            // Reference run: the flash operations a compaction takes.
            var reference = new VirtualFlash();
            Reopen(reference, out var refJournal);
            for (int i = 0; i < 8; i++)
            {
                CommitOne(refJournal, new JournalBatch(64), 1, Payload(i));
            }

            long refStart = reference.OperationCount;
            Assert.AreEqual((int)JournalStatus.Ok, (int)refJournal.Compact(new Snapshot(snapshotRecords), new JournalBatch(64)));
            int operations = (int)(reference.OperationCount - refStart);
            CollectionAssert.AreEqual(after, Reopen(reference, out _));

            for (int op = 0; op < operations; op++)
            {
                foreach (CutPoint point in new[] { CutPoint.Before, CutPoint.After })
                {
                    var flash = new VirtualFlash();
                    Reopen(flash, out var journal);
                    var batch = new JournalBatch(64);
                    for (int i = 0; i < 8; i++)
                    {
                        CommitOne(journal, batch, 1, Payload(i));
                    }

                    flash.ScheduleCut(flash.OperationCount + op, point);
                    Assert.ThrowsException(typeof(PowerCutException), () => journal.Compact(new Snapshot(snapshotRecords), new JournalBatch(64)));
                    flash.PowerOn();
                    var records = Reopen(flash, out var reopened);
                    Assert.IsTrue(records.SequenceEqual(before) || records.SequenceEqual(after), $"op {op} {point}: {string.Join(",", records)}");
                    Assert.AreEqual(1, flash.List().Count(n => n.StartsWith(Journal.NamePrefix)), $"op {op} {point}: " + string.Join(",", flash.List()));
                    Assert.AreEqual(0, reopened.CorruptRegions);
                    // And the journal goes on.
                    Assert.AreEqual((int)JournalStatus.Ok, (int)CommitOne(reopened, new JournalBatch(64), 3, Payload(3)));
                    Assert.AreEqual(Text(3, Payload(3)), Reopen(flash, out _).Last());
                }
            }

            Assert.IsTrue(operations >= 4, "create, write, close, rename, delete");
        }

        [TestMethod]
        public void ASnapshotLargerThanTheBufferStreamsIntoTheNewFile()
        {
            var flash = new VirtualFlash();
            Reopen(flash, out var journal);
            var records = Enumerable.Range(0, 100).Select(i => ((byte)2, Payload(i))).ToList();
            Assert.AreEqual((int)JournalStatus.Ok, (int)journal.Compact(new Snapshot(records), new JournalBatch(128)));
            Assert.AreEqual(2, journal.Generation);
            CollectionAssert.AreEqual(records.Select(r => Text(r.Item1, r.Item2)).ToList(), Reopen(flash, out var reopened));
            Assert.AreEqual(journal.FileBytes, reopened.FileBytes);
            Assert.AreEqual(2, reopened.Generation);
        }

        [TestMethod]
        public void StaleGenerationsAndUnfinishedCompactionsAreRemoved()
        {
            var flash = new VirtualFlash();
            var batch = new JournalBatch(64);
            batch.Add(1, Payload(1), 0, Payload(1).Length);
            flash.Poke(Journal.Name(3), batch.Buffer.Take(batch.Length).ToArray());
            flash.Poke(Journal.Name(2), new byte[] { 1, 2, 3 });
            flash.Poke(Journal.Name(4) + Journal.TempSuffix, new byte[] { 4 });
            flash.Poke("settings", new byte[] { 5 });
            var records = Reopen(flash, out var journal);
            Assert.AreEqual(3, journal.Generation);
            CollectionAssert.AreEqual(new[] { Text(1, Payload(1)) }, records);
            CollectionAssert.AreEqual(new[] { Journal.Name(3), "settings" }, flash.List());
        }
    }
}
