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
    /// The journal when the file system answers with a fault instead of a power cut: each failing
    /// operation comes back as FlashError with the flash status behind it, the durable file is as
    /// it was, and compaction leaves no unfinished file behind.
    /// </summary>
    [TestClass]
    public class JournalFaultTests
    {
        /// <summary>The virtual flash, with the next operation of one kind failing with IoError.</summary>
        private sealed class Faulty : IFlashStore
        {
            public readonly VirtualFlash Flash = new VirtualFlash();

            public string? FailNext { get; set; }

            public int Operations { get; private set; }

            private bool Fails(string kind)
            {
                Operations++;
                if (FailNext != kind)
                {
                    return false;
                }

                FailNext = null;
                return true;
            }

            public FlashStatus OpenAppend(string name, out IFlashFile file)
            {
                file = null!;
                if (Fails("open"))
                {
                    return FlashStatus.IoError;
                }

                FlashStatus s = Flash.OpenAppend(name, out IFlashFile inner);
                file = new File(this, inner);
                return s;
            }

            public FlashStatus Create(string name, out IFlashFile file)
            {
                file = null!;
                if (Fails("create"))
                {
                    return FlashStatus.NoSpace;
                }

                FlashStatus s = Flash.Create(name, out IFlashFile inner);
                file = new File(this, inner);
                return s;
            }

            public FlashStatus GetLength(string name, out int length)
            {
                length = 0;
                return Fails("length") ? FlashStatus.IoError : Flash.GetLength(name, out length);
            }

            public FlashStatus ReadAt(string name, int position, byte[] buffer, int offset, int count, out int bytesRead)
            {
                bytesRead = 0;
                // The header of a record is read at 0, its payload after it.
                string kind = offset == JournalBatch.HeaderBytes ? "payload" : "read";
                return Fails(kind) ? FlashStatus.IoError : Flash.ReadAt(name, position, buffer, offset, count, out bytesRead);
            }

            public FlashStatus Rename(string oldName, string newName) => Fails("rename") ? FlashStatus.Busy : Flash.Rename(oldName, newName);

            public FlashStatus Delete(string name) => Fails("delete") ? FlashStatus.IoError : Flash.Delete(name);

            public bool Exists(string name) => Flash.Exists(name);

            public string[] List() => Flash.List();

            private sealed class File : IFlashFile
            {
                private readonly Faulty _store;
                private readonly IFlashFile _inner;

                public File(Faulty store, IFlashFile inner)
                {
                    _store = store;
                    _inner = inner;
                }

                public string Name => _inner.Name;

                public FlashStatus Write(byte[] data, int offset, int count) => _store.Fails("write") ? FlashStatus.IoError : _inner.Write(data, offset, count);

                public FlashStatus Close()
                {
                    FlashStatus s = _inner.Close();
                    return _store.Fails("close") ? FlashStatus.Closed : s;
                }
            }
        }

        private sealed class Collect : IJournalReader
        {
            public readonly List<string> Records = new List<string>();

            public void OnRecord(byte type, byte[] buffer, int offset, int length) => Records.Add(type + ":" + Convert.ToHexString(buffer, offset, length));
        }

        private sealed class Snapshot : IJournalSnapshot
        {
            private readonly bool _complete;

            public Snapshot(bool complete) => _complete = complete;

            public bool WriteTo(JournalBatch batch)
            {
                batch.Add(5, new byte[] { 5, 5 }, 0, 2);
                return _complete;
            }
        }

        private static JournalBatch One(byte type)
        {
            var batch = new JournalBatch(64);
            batch.Add(type, new byte[] { type }, 0, 1);
            return batch;
        }

        private static Journal Opened(Faulty store)
        {
            var journal = new Journal(store, 256, 4096);
            Assert.AreEqual((int)JournalStatus.Ok, (int)journal.Open(new Collect()));
            Assert.AreEqual((int)JournalStatus.Ok, (int)journal.Commit(One(1)));
            return journal;
        }

        private static List<string> Recovered(Faulty store)
        {
            var reader = new Collect();
            Assert.AreEqual((int)JournalStatus.Ok, (int)new Journal(store.Flash, 256, 4096).Open(reader));
            return reader.Records;
        }

        [TestMethod]
        public void ACommitTheFlashRefusesIsAFlashErrorAndLeavesTheFileAsItWas()
        {
            foreach (string kind in new[] { "open", "write", "close" })
            {
                var store = new Faulty();
                Journal journal = Opened(store);
                int bytes = journal.FileBytes;
                store.FailNext = kind;
                Assert.AreEqual((int)JournalStatus.FlashError, (int)journal.Commit(One(2)), kind);
                Assert.AreEqual(kind == "close" ? (int)FlashStatus.Closed : (int)FlashStatus.IoError, (int)journal.LastFlashStatus, kind);
                Assert.AreEqual(bytes, journal.FileBytes, kind);
                if (kind != "close")
                {
                    CollectionAssert.AreEqual(new[] { "1:01" }, Recovered(store), kind);
                }

                Assert.AreEqual((int)JournalStatus.Ok, (int)journal.Commit(One(3)), kind + ": the journal goes on");
                Assert.AreEqual(bytes + JournalBatch.OverheadBytes + 1, journal.FileBytes, kind);
            }
        }

        [TestMethod]
        public void AnEmptyBatchWritesNothing()
        {
            var store = new Faulty();
            Journal journal = Opened(store);
            int operations = store.Operations;
            Assert.AreEqual((int)JournalStatus.Ok, (int)journal.Commit(new JournalBatch(16)));
            Assert.AreEqual(operations, store.Operations);
        }

        [TestMethod]
        public void AnOpenTheFlashRefusesIsAFlashError()
        {
            foreach (string kind in new[] { "length", "read", "payload" })
            {
                var store = new Faulty();
                Opened(store);
                store.FailNext = kind;
                var journal = new Journal(store, 256, 4096);
                Assert.AreEqual((int)JournalStatus.FlashError, (int)journal.Open(new Collect()), kind);
                Assert.AreEqual((int)FlashStatus.IoError, (int)journal.LastFlashStatus, kind);
                Assert.IsFalse(journal.IsOpen, kind);
                Assert.AreEqual((int)JournalStatus.NotOpen, (int)journal.Commit(One(2)), kind);
                Assert.AreEqual((int)JournalStatus.NotOpen, (int)journal.Compact(new Snapshot(true), new JournalBatch(64)), kind);
            }
        }

        [TestMethod]
        public void ACompactionTheFlashRefusesKeepsTheGenerationAndLeavesNoTemporaryFile()
        {
            foreach (string kind in new[] { "create", "write", "close", "rename", "incomplete" })
            {
                var store = new Faulty();
                Journal journal = Opened(store);
                store.FailNext = kind;
                JournalStatus s = journal.Compact(new Snapshot(kind != "incomplete"), new JournalBatch(64));
                Assert.AreEqual(kind == "incomplete" ? (int)JournalStatus.TooLarge : (int)JournalStatus.FlashError, (int)s, kind);
                Assert.AreEqual(1, journal.Generation, kind);
                CollectionAssert.AreEqual(new[] { Journal.Name(1) }, store.List(), kind);
                CollectionAssert.AreEqual(new[] { "1:01" }, Recovered(store), kind);
                Assert.AreEqual((int)JournalStatus.Ok, (int)journal.Compact(new Snapshot(true), new JournalBatch(64)), kind + ": the next try works");
                Assert.AreEqual(2, journal.Generation, kind);
                Assert.AreEqual(JournalBatch.OverheadBytes + 2, journal.FileBytes, kind);
            }
        }

        [TestMethod]
        public void AnUnfinishedCompactionFileIsReplaced()
        {
            var store = new Faulty();
            Journal journal = Opened(store);
            store.Flash.Poke(Journal.Name(2) + Journal.TempSuffix, new byte[] { 9, 9, 9 });
            Assert.AreEqual((int)JournalStatus.Ok, (int)journal.Compact(new Snapshot(true), new JournalBatch(64)));
            CollectionAssert.AreEqual(new[] { Journal.Name(2) }, store.List());
            CollectionAssert.AreEqual(new[] { "5:0505" }, Recovered(store));
        }

        [TestMethod]
        public void NamesAreThePrefixAndEightDigits_OtherFilesAreNotGenerations()
        {
            Assert.AreEqual("jnl-00000001", Journal.Name(1));
            Assert.AreEqual("jnl-12345678", Journal.Name(12345678));
            var flash = new VirtualFlash();
            flash.Poke("jnl-1", new byte[] { 1 });
            flash.Poke("jnl-000000002", new byte[] { 1 });
            flash.Poke("jnl-0000000x", new byte[] { 1 });
            flash.Poke("jnl-00000000", new byte[] { 1 });
            flash.Poke("jnl", new byte[] { 1 });
            flash.Poke("xnl-00000005", new byte[] { 1 });
            var journal = new Journal(flash, 256, 4096);
            Assert.AreEqual((int)JournalStatus.Ok, (int)journal.Open(new Collect()));
            Assert.AreEqual(1, journal.Generation, "none of them is a generation");
            Assert.AreEqual(0, journal.FileBytes);
            CollectionAssert.AreEqual(new[] { "jnl", "xnl-00000005" }, flash.List().OrderBy(n => n, StringComparer.Ordinal).ToArray(), "ours are removed, others kept");
            Assert.IsFalse(journal.NeedsCompaction);
        }

        [TestMethod]
        public void CompactionIsDueFromItsSizeOn()
        {
            var flash = new VirtualFlash();
            var journal = new Journal(flash, 256, 2 * (JournalBatch.OverheadBytes + 1));
            Assert.AreEqual((int)JournalStatus.Ok, (int)journal.Open(new Collect()));
            Assert.AreEqual(256, journal.MaxPayloadBytes);
            Assert.AreEqual((int)JournalStatus.Ok, (int)journal.Commit(One(1)));
            Assert.IsFalse(journal.NeedsCompaction);
            Assert.AreEqual((int)JournalStatus.Ok, (int)journal.Commit(One(2)));
            Assert.IsTrue(journal.NeedsCompaction, "at the size exactly");
        }

        [TestMethod]
        public void ARecordLongerThanTheLargestPayloadIsDamage()
        {
            var flash = new VirtualFlash();
            var batch = new JournalBatch(512);
            batch.Add(1, new byte[9], 0, 9);
            batch.Add(2, new byte[8], 0, 8);
            flash.Poke(Journal.Name(1), batch.Buffer.Take(batch.Length).ToArray());
            var reader = new Collect();
            var journal = new Journal(flash, 8, 4096);
            Assert.AreEqual((int)JournalStatus.Ok, (int)journal.Open(reader));
            CollectionAssert.AreEqual(new[] { "2:0000000000000000" }, reader.Records);
            Assert.AreEqual(1, journal.CorruptRegions);
            Assert.AreEqual(1, journal.RecordsRecovered);
        }
    }
}
