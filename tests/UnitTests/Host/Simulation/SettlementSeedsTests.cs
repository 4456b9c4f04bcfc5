using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosFirmware.Simulation;

namespace PosFirmware.UnitTests.Simulation
{
    /// <summary>
    /// Seeds of a 300 000-scenario run that violated I1 (issue 12, point 2): a garbled segment flipped a
    /// bit of field 60 in the 0320 batch end or the 0500, the host closed a batch that did not exist and
    /// answered 00, and the terminal took that answer (settlement and upload answers carry no MAC). Now
    /// the terminal accepts a 0510 / 0330 only when it echoes 60 (and 3) as sent, and the host refuses
    /// a settlement, upload or batch end for a batch that is not the terminal's open one. 8027812 (found
    /// by a 400 000-scenario soak of this change): the host took a refund of an offline sale (a 0220
    /// with Y1... in 38) for that sale's advice. 427493 and 442940 (found by a review): a garbled 60.3 turns
    /// the 207 batch end into the upload code 203; the host answers 00 without closing, and only the
    /// terminal's echo check keeps it from opening its next batch (the host's own refusal does not
    /// cover them, unlike the first two).
    /// </summary>
    [TestClass]
    public sealed class SettlementSeedsTests
    {
        [TestMethod]
        public void AGarbledBatchNumberNeverClosesTheWrongBatch()
        {
            foreach (long seed in new long[] { 7775498, 8035638, 8027812, 427493, 442940 })
            {
                var s = new Scenario(seed);
                s.Run();
                Assert.AreEqual(0, s.Violations.Count, "seed " + seed + ": " + string.Join("; ", s.Violations) + "\n" + s.Trace);
            }
        }
    }
}
