using PosFirmware.Devices;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosFirmware.App.Engine;
using PosFirmware.App.Input;
using PosFirmware.App.Slips;
using PosFirmware.Payments.Outcomes;
using PosFirmware.Payments.Rules;

namespace PosFirmware.UnitTests.Engine
{
    /// <summary>
    /// A write the flash refuses is handled where the engine asked for it, in the same step: what
    /// depends on it (a send, an "approved", a slip, a notice) does not happen, and the work it
    /// belonged to is retried or ends with an outcome that says so. One test per kind of write.
    /// </summary>
    [TestClass]
    public sealed class RefusalTests
    {
        private const string Pan = "6228480000000000001";

        private static string Printed(EngineRig rig) =>
            string.Join("\n", rig.Prints.SelectMany(p => p).Select(SlipMarkup.Plain));

        [TestMethod]
        public void AnOfflineApprovalTheFlashRefuses_IsAStorageError_NeverApproved()
        {
            var rig = new EngineRig().Ready();
            rig.RefuseOp = PersistOp.Complete;
            rig.Sale("1500", EngineRig.Contactless());
            string t = rig.Text();
            StringAssert.Contains(t, "  refused\nshow Outcome 229 15.00\n");
            Assert.IsFalse(t.Contains("show Outcome 1 "), "I3: never shown as approved\n" + t);
            Assert.AreEqual(0, rig.Prints.Count, "nothing printed");
            Assert.AreEqual(0, rig.State.AdviceCount);
            Assert.AreEqual(0, rig.State.BatchCount);
        }

        [TestMethod]
        public void AnOfflineApprovalWhoseStanTheFlashRefuses_IsAStorageError()
        {
            var rig = new EngineRig().Ready();
            rig.RefuseOp = PersistOp.TakeStan;
            rig.Sale("1500", EngineRig.Contactless());
            string t = rig.Text();
            StringAssert.Contains(t, "persist TakeStan 2\n  refused\nshow Outcome 229 15.00\n");
            Assert.IsFalse(t.Contains("persist Complete"), "nothing after a refused write\n" + t);
            Assert.AreEqual(0, rig.State.BatchCount);
        }

        [TestMethod]
        public void ASettlingMarkTheFlashRefuses_SendsNoSettlement()
        {
            var rig = new EngineRig().Ready();
            rig.Sale("6000", EngineRig.Contactless());
            rig.Dismiss();
            rig.Trace.Clear();
            rig.RefuseOp = PersistOp.MarkSettling;
            rig.Keys("FFF1E");
            rig.Run();
            string t = rig.Text();
            StringAssert.Contains(t, "persist MarkSettling\n  refused\n");
            Assert.IsFalse(t.Contains("send 0500"), "the 0500 leaves only once the terminal has written it is settling\n" + t);
            Assert.AreEqual(OutcomeCodes.StorageError, rig.Engine.LastOutcome, t);
            Assert.IsFalse(rig.State.Settling);
            Assert.AreEqual(1, rig.State.BatchCount);
        }

        [TestMethod]
        public void ABatchCloseTheFlashRefuses_IsAFailedSettlement_AndSettlingAgainCloses()
        {
            var rig = new EngineRig().Ready();
            rig.Sale("6000", EngineRig.Contactless());
            rig.Dismiss();
            rig.Trace.Clear();
            rig.RefuseOp = PersistOp.OpenNextBatch;
            rig.Keys("FFF1E");
            rig.Run();
            string t = rig.Text();
            StringAssert.Contains(t, "persist OpenNextBatch event=");
            StringAssert.Contains(t, "  refused\nshow Outcome 225\n");
            Assert.AreEqual(1, rig.State.Batch, "the batch stays open on flash");
            Assert.AreEqual(0, rig.Prints.Count(p => p.Any(l => l.Contains("SETTLE"))), "no settlement slip\n" + t);

            rig.Dismiss();
            rig.Keys("FFF1E");
            rig.Run();
            Assert.AreEqual(2, rig.State.Batch, rig.Text());
            Assert.AreEqual(0, rig.State.BatchCount);
        }

        [TestMethod]
        public void AReversalCountTheFlashRefuses_SendsNoReversal_AndTheSaleWaits()
        {
            var rig = new EngineRig().Ready();
            rig.HostSilent = true;
            rig.Sale("6000", EngineRig.Contactless());
            rig.Fire(EngineTimer.HostAnswer);
            rig.Run();
            rig.Fire(EngineTimer.HostAnswer);
            rig.Run();
            rig.Dismiss();
            int attempts = rig.State.Reversal.Attempts;
            rig.HostSilent = false;
            rig.Trace.Clear();

            rig.RefuseOp = PersistOp.CountReversalAttempt;
            rig.Sale("6000", EngineRig.Contactless());
            string t = rig.Text();
            StringAssert.Contains(t, "persist CountReversalAttempt 2\n  refused\n");
            Assert.IsFalse(t.Contains("send 0400"), "a resend leaves only once it is counted\n" + t);
            Assert.IsFalse(t.Contains("send 0200"), "nothing new before the reversal (I4)\n" + t);
            Assert.AreEqual(OutcomeCodes.StorageError, rig.Engine.LastOutcome, t);
            Assert.AreEqual(attempts, rig.State.Reversal.Attempts);
        }

        [TestMethod]
        public void AManualHandoverTheFlashRefuses_PrintsNothing_AndHappensAtTheNextTrigger()
        {
            var rig = new EngineRig(parameters: new TerminalParameters { ReversalMaxAttempts = 1 }).Ready();
            rig.HostSilent = true;
            rig.Sale("6000", EngineRig.Contactless());
            rig.Fire(EngineTimer.HostAnswer);
            rig.Run();
            Assert.AreEqual(1, rig.State.Reversal.Attempts, rig.Text());
            rig.RefuseOp = PersistOp.MarkReversalManual;
            rig.Fire(EngineTimer.HostAnswer);
            rig.Run();
            string t = rig.Text();
            StringAssert.Contains(t, "persist MarkReversalManual 2\n  refused\n");
            Assert.IsFalse(Printed(rig).Contains("冲正不成功"), "no manual-handling slip for what is still pending\n" + t);
            Assert.IsNotNull(rig.State.Reversal);
            Assert.AreEqual(0, rig.State.ManualCount);
            rig.Dismiss();

            rig.HostSilent = false;
            rig.Trace.Clear();
            rig.Sale("6000", EngineRig.Contactless());
            StringAssert.Contains(rig.Text(), "persist MarkReversalManual 2\nprint ");
            Assert.IsTrue(Printed(rig).Contains("冲正不成功"), "the slip, now that it is durable");
            Assert.AreEqual(1, rig.State.ManualCount);
        }

        [TestMethod]
        public void ARefundApprovalTheFlashRefuses_IsShownAsPending_AndResentUntilRecorded()
        {
            var rig = new EngineRig().Ready();
            rig.RefuseOp = PersistOp.RefundAnswered;
            rig.Keys("FF3123E2500E");
            rig.Card(EngineRig.Swipe());
            rig.Run();
            string t = rig.Text();
            StringAssert.Contains(t, "persist RefundAnswered record=Refund/2/0 last=0/None event=0\n  refused\nshow Outcome 240 25.00\n");
            Assert.IsFalse(t.Contains("show Outcome 0 "), "I3: never shown as approved\n" + t);
            Assert.IsNotNull(rig.State.Refund, "still pending on flash");
            Assert.AreEqual(0, rig.State.Totals().CreditAmountMinor);
            rig.Dismiss();

            // The next trigger resends it unchanged; the host answers the same, and now it is recorded.
            rig.Sale("6000", EngineRig.Contactless());
            Assert.IsNull(rig.State.Refund, rig.Text());
            Assert.AreEqual(2500, rig.State.Totals().CreditAmountMinor);
            Assert.AreEqual(100_000_000 + 2500 - 6000, rig.Host.AccountFor(Pan).BalanceMinor, "I2: applied once");
        }

        [TestMethod]
        public void ADeclineWhoseRecordTheFlashRefuses_IsStillShown()
        {
            var rig = new EngineRig().Ready();
            rig.Host.ForceCode = m => m.Mti == "0200" ? "51" : null;
            rig.RefuseOp = PersistOp.Complete;
            rig.Sale("6000", EngineRig.Contactless());
            string t = rig.Text();
            StringAssert.Contains(t, "  refused\nshow Outcome 151 60.00\n");
            Assert.AreNotEqual(OutcomeCodes.Approved, rig.Engine.LastOutcome);
            Assert.AreEqual(0, rig.State.BatchCount);
        }
    }
}
