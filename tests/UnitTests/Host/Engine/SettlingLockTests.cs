using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosFirmware.Messaging.Iso8583;
using PosFirmware.Payments.Outcomes;

namespace PosFirmware.UnitTests.Engine
{
    /// <summary>
    /// Once a settlement has gone out, the host may close the batch at any moment. If its answer is
    /// lost (or the power is cut), a sale made in the same batch would never be settled by the host
    /// (simulation seeds 14 and 63 under the strict settled-batch check): the terminal keeps new
    /// transactions out of the batch, durably, until a settlement finishes.
    /// </summary>
    [TestClass]
    public sealed class SettlingLockTests
    {
        [TestMethod]
        public void AfterALostBatchEndAnswer_NothingNewGoesIntoTheBatchUntilItSettles()
        {
            var rig = new EngineRig().Ready();
            rig.Sale("6000", EngineRig.Swipe(), "");
            Assert.AreEqual(OutcomeCodes.Approved, rig.Engine.LastOutcome, rig.Text());
            rig.Dismiss();

            // The 0500 is answered; the host closes the batch on the 0320 batch end, whose answer is lost.
            rig.HostSilent = true;
            rig.Keys("FFF1E");
            rig.Run();
            byte[] settle = rig.TakeUnanswered();
            rig.Deliver(rig.Host.Handle(settle, 0, settle.Length));
            rig.Run();
            byte[] end = rig.TakeUnanswered();
            Assert.IsNotNull(rig.Host.Handle(end, 0, end.Length));
            Assert.IsTrue(rig.Host.IsSettled(Support.TestHost.Terminal.TerminalId, 1), "the host closed batch 1");
            rig.Advance(rig.Setup.Parameters.HostResponseTimeoutMs + 1);
            Assert.AreEqual(OutcomeCodes.SettlementFailed, rig.Engine.LastOutcome, rig.Text());
            Assert.AreEqual(1, rig.State.Batch);
            rig.Dismiss();
            rig.HostSilent = false;

            // A sale now is refused before anything is sent, also after a power cut.
            int sent = rig.Sent.Count;
            rig.Sale("7000", EngineRig.Swipe());
            Assert.AreEqual(OutcomeCodes.SettlementFailed, rig.Engine.LastOutcome, rig.Text());
            rig.Dismiss();
            rig.Ready();
            rig.Sale("7000", EngineRig.Swipe());
            Assert.AreEqual(OutcomeCodes.SettlementFailed, rig.Engine.LastOutcome, rig.Text());
            Assert.IsFalse(rig.Sent.Skip(sent).Any(m => m.Mti == "0200"), "no sale went into the closed batch");
            rig.Dismiss();

            // Settling again: the host answers the repeat as before, the batch closes, sales go on.
            rig.Keys("FFF1E");
            rig.Run();
            Assert.AreEqual(OutcomeCodes.Settled, rig.Engine.LastOutcome, rig.Text());
            Assert.AreEqual(2, rig.State.Batch);
            rig.Dismiss();
            rig.Sale("7000", EngineRig.Swipe(), "");
            Assert.AreEqual(OutcomeCodes.Approved, rig.Engine.LastOutcome, rig.Text());
            IsoMessage sale = rig.Sent.Last(m => m.Mti == "0200");
            Assert.AreEqual("000002", sale.GetString(60).Substring(2, 6), "the sale is in batch 2");
        }
    }
}
