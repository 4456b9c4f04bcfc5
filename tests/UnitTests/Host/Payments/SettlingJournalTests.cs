using nanoFramework.TestFramework;
using PosFirmware.Payments.Journal;
using PosFirmware.Payments.State;
using PosFirmware.Virtual.Flash;

namespace PosFirmware.UnitTests.Payments
{
    /// <summary>
    /// The settling mark (a 0500 went out, the host may have closed the batch): durable, kept through
    /// compaction, cleared only by the next batch (Messaging/Host/README.md, settlement rule 8b).
    /// </summary>
    [TestClass]
    public class SettlingJournalTests
    {
        private static Journal _last;

        private static StateJournal Open(VirtualFlash flash, int compactAt = 64 * 1024)
        {
            _last = new Journal(flash, 1024, compactAt);
            var journal = new StateJournal(_last, new TerminalState(50, 8, 16), 2048);
            Assert.AreEqual((int)JournalStatus.Ok, (int)journal.Recover());
            return journal;
        }

        [TestMethod]
        public void SettlingSurvivesPowerCutsAndCompaction_UntilTheNextBatch()
        {
            var flash = new VirtualFlash();
            StateJournal j = Open(flash, 2048);
            Assert.IsFalse(j.State.Settling);
            Assert.AreEqual((int)JournalStatus.Ok, (int)j.MarkSettling());
            Assert.IsTrue(j.State.Settling);
            Assert.IsTrue(Open(flash, 2048).State.Settling, "after a power cut");

            // Enough changes to compact a few times: the mark stays.
            j = Open(flash, 2048);
            int generation = _last.Generation;
            for (int i = 0; i < 200; i++)
            {
                j.Log(new LoggedEvent { Code = 4, Stan = i });
            }

            Assert.IsTrue(_last.Generation > generation, "compacted");
            Assert.IsTrue(Open(flash, 2048).State.Settling, "after compaction");
            j = Open(flash, 2048);
            Assert.AreEqual((int)JournalStatus.Ok, (int)j.OpenNextBatch(null));
            Assert.IsFalse(j.State.Settling);
            StateJournal after = Open(flash, 2048);
            Assert.IsFalse(after.State.Settling, "the next batch is open");
            Assert.AreEqual(2, after.State.Batch);
        }
    }
}
