using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosFirmware.Payments.Outcomes;

namespace PosFirmware.UnitTests.Engine
{
    /// <summary>
    /// A void or refund of an offline sale whose advice failed (its retries ran out) is not sent: the
    /// host never heard of the sale (Messaging/Host/README.md "Other message rules"). The merchant is
    /// told the advice failed: call the acquirer.
    /// </summary>
    [TestClass]
    public sealed class FailedAdviceOriginalTests
    {
        [TestMethod]
        public void AVoidOfAnOfflineSaleWhoseAdviceFailedIsNotSent()
        {
            var rig = new EngineRig().Ready();
            rig.Sale("1500", EngineRig.Contactless());
            Assert.AreEqual(OutcomeCodes.ApprovedOffline, rig.Engine.LastOutcome, rig.Text());
            int stan = rig.State.Last.Stan;
            rig.Dismiss();
            rig.Host.ForceCode = m => m.Mti.StartsWith("022") ? "96" : null;
            for (int i = 0; i < rig.Setup.Parameters.AdviceMaxAttempts + 1 && !rig.State.FindAdvice(stan).Failed; i++)
            {
                // Each online sale is followed by the advices (PAYMENTS.md section 4): one attempt each.
                rig.Sale("6000", EngineRig.Swipe(), "");
                rig.Dismiss();
            }

            Assert.IsTrue(rig.State.FindAdvice(stan).Failed, rig.Text());
            rig.Host.ForceCode = null;
            int sent = rig.Sent.Count;
            rig.Trace.Clear();
            rig.Keys("FF2" + stan + "E");
            rig.Card(EngineRig.Contactless());
            rig.Run();
            string t = rig.Text();
            Assert.IsFalse(rig.Sent.Skip(sent).Any(m => m.Mti == "0200"), "no void of a sale the host never heard of\n" + t);
            Assert.AreEqual(OutcomeCodes.AdviceFailed, rig.Engine.LastOutcome, t);
            Assert.IsFalse(rig.State.FindInBatch(stan).Voided);
            Assert.IsNull(rig.State.Reversal);
        }
    }
}
