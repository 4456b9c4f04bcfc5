using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosFirmware.App.Engine;
using PosFirmware.Messaging.Host;
using PosFirmware.Messaging.Iso8583;
using PosFirmware.Payments.Outcomes;
using PosFirmware.UnitTests.Support;

namespace PosFirmware.UnitTests.Engine
{
    /// <summary>
    /// Issue 12 point 3 through the engine: UnionPay settlement ends with the batch end, answers that
    /// do not echo the batch are not taken, the 96 reversal names the host's approval, and a void of an
    /// offline sale waits for the sale's advice.
    /// </summary>
    [TestClass]
    public sealed class SettlementTests
    {
        private const string Pan = "6228480000000000001";
        private static readonly string Tid = TestHost.Terminal.TerminalId;

        private static EngineRig OneOnlineSale()
        {
            var rig = new EngineRig().Ready();
            rig.Sale("6000", EngineRig.Contactless());
            Assert.AreEqual(OutcomeCodes.Approved, rig.Engine.LastOutcome, rig.Text());
            rig.Dismiss();
            rig.Trace.Clear();
            return rig;
        }

        private static IsoMessage Unpack(HostProfile profile, byte[] message)
        {
            var m = new IsoMessage();
            Assert.AreEqual(IsoStatus.Ok, profile.Packager.Unpack(message, 0, message.Length, m, out _));
            return m;
        }

        /// <summary>The message with field 60 replaced (what one flipped bit of 60.2 or 60.3 does).</summary>
        private static byte[] With60(HostProfile profile, byte[] message, string f60)
        {
            IsoMessage m = Unpack(profile, message);
            m.Set(60, f60);
            return TestHost.Seal(profile, m, null);
        }

        [TestMethod]
        public void ABalancedUnionPaySettlementEndsWithThe207BatchEnd()
        {
            // UnionPay hosts close the batch on the 0320 batch end even when the totals agree (README
            // "UnionPay settlement rules"); a contactless sale has no TC to upload, so none goes.
            var rig = OneOnlineSale();
            rig.Keys("FFF1E");
            rig.Run();
            Assert.AreEqual(OutcomeCodes.Settled, rig.Engine.LastOutcome, rig.Text());
            var sent = rig.Sent.Where(m => m.Mti == "0500" || m.Mti == "0320").ToArray();
            CollectionAssert.AreEqual(new[] { "0500", "0320" }, sent.Select(m => m.Mti).ToArray());
            Assert.AreEqual("000000006000" + "001" + "000000000000" + "000" + "0" + new string('0', 30) + "0", sent[0].GetString(48));
            Assert.AreEqual("00000001207", sent[1].GetString(60));
            Assert.AreEqual("0000", sent[1].GetString(48));
            Assert.IsTrue(rig.Host.IsSettled(Tid, 1));
            Assert.AreEqual(2, rig.State.Batch);
        }

        [TestMethod]
        public void ABatchEndAnswerWithAnotherBatchIsNotTaken_TheSettlementIsRetried()
        {
            // The host closed batch 1, but the 0330 came back with 60.2 = 000003 (a flipped bit).
            var rig = OneOnlineSale();
            HostProfile profile = rig.Setup.Profile;
            rig.HostSilent = true;
            rig.Keys("FFF1E");
            rig.Run();
            byte[] settle = rig.TakeUnanswered();
            rig.Deliver(rig.Host.Handle(settle, 0, settle.Length));
            rig.Run();
            byte[] end = rig.TakeUnanswered();
            Assert.AreEqual("0320", Unpack(profile, end).Mti);
            byte[] answer = rig.Host.Handle(end, 0, end.Length);
            Assert.IsTrue(rig.Host.IsSettled(Tid, 1));
            rig.Deliver(With60(profile, answer, "00000003207"));
            rig.Run();
            Assert.AreEqual(OutcomeCodes.SettlementFailed, rig.Engine.LastOutcome, rig.Text());
            Assert.AreEqual(1, rig.State.Batch, "the batch stays open");
            Assert.AreEqual(1, rig.State.BatchCount);
            rig.Dismiss();

            // Settled again: the host answers the repeat as before and batch 2 opens on both sides.
            rig.HostSilent = false;
            rig.Keys("FFF1E");
            rig.Run();
            Assert.AreEqual(OutcomeCodes.Settled, rig.Engine.LastOutcome, rig.Text());
            Assert.AreEqual(2, rig.State.Batch);
        }

        [TestMethod]
        public void ABatchEndThatReachesTheHostForAnotherBatchClosesNothing()
        {
            // The 0320 left for batch 1 and arrived as batch 3: the host refuses it (12) and echoes 3.
            var rig = OneOnlineSale();
            HostProfile profile = rig.Setup.Profile;
            rig.HostSilent = true;
            rig.Keys("FFF1E");
            rig.Run();
            byte[] settle = rig.TakeUnanswered();
            rig.Deliver(rig.Host.Handle(settle, 0, settle.Length));
            rig.Run();
            byte[] end = With60(profile, rig.TakeUnanswered(), "00000003207");
            byte[] answer = rig.Host.Handle(end, 0, end.Length);
            Assert.AreEqual("12", Unpack(profile, answer).GetString(39));
            rig.Deliver(answer);
            rig.Run();
            Assert.AreEqual(OutcomeCodes.SettlementFailed, rig.Engine.LastOutcome, rig.Text());
            Assert.IsFalse(rig.Host.IsSettled(Tid, 1));
            Assert.IsFalse(rig.Host.IsSettled(Tid, 3));
            Assert.AreEqual(1, rig.State.Batch);
            rig.Dismiss();

            rig.HostSilent = false;
            rig.Keys("FFF1E");
            rig.Run();
            Assert.AreEqual(OutcomeCodes.Settled, rig.Engine.LastOutcome, rig.Text());
            Assert.IsTrue(rig.Host.IsSettled(Tid, 1));
            Assert.AreEqual(2, rig.State.Batch);
        }

        [TestMethod]
        public void ASettlementAnswerWithAnotherBatchIsNotTaken()
        {
            var rig = OneOnlineSale();
            HostProfile profile = rig.Setup.Profile;
            rig.HostSilent = true;
            rig.Keys("FFF1E");
            rig.Run();
            byte[] settle = rig.TakeUnanswered();
            byte[] answer = rig.Host.Handle(settle, 0, settle.Length);
            rig.Deliver(With60(profile, answer, "00000001203"));
            rig.Run();
            Assert.AreEqual(OutcomeCodes.SettlementFailed, rig.Engine.LastOutcome, rig.Text());
            Assert.IsFalse(rig.Sent.Any(m => m.Mti == "0320"), "no batch end after an answer for something else");
            Assert.AreEqual(1, rig.State.Batch);
        }

        [TestMethod]
        public void TheReversalOfAnApprovalThatCouldNotBeSavedCarriesTheHostsAuthCode()
        {
            var rig = new EngineRig().Ready();
            rig.HostSilent = true;
            rig.Sale("6000", EngineRig.Contactless());
            byte[] request = rig.TakeUnanswered();
            rig.HostSilent = false;
            rig.FlashRefusals = 1;
            rig.Deliver(rig.Host.Handle(request, 0, request.Length));
            rig.Run();
            string auth = rig.Host.Find(Tid, 1, 2).AuthCode;
            Assert.IsNotNull(auth);
            IsoMessage reversal = rig.Sent.Single(m => m.Mti == "0400");
            Assert.AreEqual("96", reversal.GetString(39));
            Assert.AreEqual(auth, reversal.GetString(38), "38 names what the host approved");
            Assert.IsNull(rig.State.Reversal, rig.Text());
        }

        [TestMethod]
        public void AVoidOfAnOfflineSaleSendsTheSalesAdviceFirst()
        {
            var rig = new EngineRig().Ready();
            rig.Sale("1500", EngineRig.Contactless());
            Assert.AreEqual(OutcomeCodes.ApprovedOffline, rig.Engine.LastOutcome, rig.Text());
            int stan = rig.State.Last.Stan;
            rig.Dismiss();
            Assert.AreEqual(1, rig.State.AdviceCount);

            rig.Trace.Clear();
            rig.Keys("FF2" + stan + "E");
            rig.Card(EngineRig.Contactless());
            rig.Run();
            string t = rig.Text();
            int advice = t.IndexOf("send 0220 " + stan.ToString("D6"));
            int voidRequest = t.IndexOf("send 0200 ");
            Assert.IsTrue(advice >= 0 && voidRequest > advice, "the advice goes before the void\n" + t);
            Assert.AreEqual(OutcomeCodes.Approved, rig.Engine.LastOutcome, t);
            Assert.AreEqual(0, rig.State.AdviceCount);
            Assert.IsTrue(rig.State.FindInBatch(stan).Voided);
            Assert.AreEqual(100_000_000, rig.Host.AccountFor(Pan).BalanceMinor, "I1: the sale applied by its advice, then voided");
        }

        [TestMethod]
        public void ARefundOfAnOfflineSaleIsARefundAtTheHost()
        {
            // Simulation seed 8027812: a UnionPay refund is a 0220 naming its original's auth code in
            // 38, which for an offline sale is Y1...; the host took it for an offline sale's advice and
            // debited the card. Its 3 (200000) and 60.1 (25) say refund.
            var rig = new EngineRig().Ready();
            rig.Sale("1500", EngineRig.Contactless());
            Assert.AreEqual(OutcomeCodes.ApprovedOffline, rig.Engine.LastOutcome, rig.Text());
            int sale = rig.State.Last.Stan;
            rig.Dismiss();
            rig.Trace.Clear();
            rig.Keys("FF3" + sale + "E1500E");
            rig.Card(EngineRig.Contactless());
            rig.Run();
            Assert.AreEqual(OutcomeCodes.Approved, rig.Engine.LastOutcome, rig.Text());
            int refund = rig.State.Last.Stan;
            IsoMessage request = rig.Sent.Last(m => m.GetString(11) == refund.ToString("D6"));
            Assert.AreEqual("0220", request.Mti);
            StringAssert.StartsWith(request.GetString(38), "Y1");
            Assert.AreEqual(TransactionType.Refund, rig.Host.Find(Tid, 1, refund).Type);
            Assert.AreEqual(TransactionType.Sale, rig.Host.Find(Tid, 1, sale).Type);
            Assert.AreEqual(100_000_000, rig.Host.AccountFor(Pan).BalanceMinor, "I1: debited by the advice, credited by the refund");
        }

        [TestMethod]
        public void AVoidOfAnOfflineSaleWhoseAdviceCannotGoIsNotSent()
        {
            var rig = new EngineRig().Ready();
            rig.Sale("1500", EngineRig.Contactless());
            int stan = rig.State.Last.Stan;
            rig.Dismiss();
            rig.Host.ForceCode = m => m.Mti.StartsWith("022") ? "96" : null;
            rig.Trace.Clear();
            rig.Keys("FF2" + stan + "E");
            rig.Card(EngineRig.Contactless());
            rig.Run();
            string t = rig.Text();
            StringAssert.Contains(t, "send 0220 " + stan.ToString("D6"));
            Assert.IsFalse(t.Contains("send 0200 "), "no void of a sale the host never heard of\n" + t);
            Assert.AreEqual(OutcomeCodes.HostUnreachable, rig.Engine.LastOutcome, t);
            Assert.IsFalse(rig.State.FindInBatch(stan).Voided);
            Assert.IsNull(rig.State.Reversal);
        }
    }
}
