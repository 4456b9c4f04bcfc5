using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosFirmware.App.Engine;
using PosFirmware.Devices;
using PosFirmware.Messaging.Host;
using PosFirmware.Payments.Outcomes;

namespace PosFirmware.UnitTests.Engine
{
    /// <summary>Every transaction type besides the sale, through the menu.</summary>
    [TestClass]
    public sealed class TypesTests
    {
        private const string Pan = "6228480000000000001";

        /// <summary>An approved online sale of amount, back at idle; returns its STAN.</summary>
        private static int ApprovedSale(EngineRig rig, string amount = "6000")
        {
            rig.Sale(amount, EngineRig.Contactless());
            Assert.AreEqual(OutcomeCodes.Approved, rig.Engine.LastOutcome, rig.Text());
            rig.Dismiss();
            return rig.State.Last.Stan;
        }

        [TestMethod]
        public void VoidOfASaleByItsTraceNumber()
        {
            var rig = new EngineRig().Ready();
            int stan = ApprovedSale(rig);
            rig.Keys("FF2" + stan + "E");
            Assert.AreEqual(ScreenId.PresentCard, rig.Screen.Id, rig.Text());
            Assert.AreEqual("60.00", rig.Screen.Value);
            rig.Card(EngineRig.Contactless());
            rig.Run();
            string t = rig.Text();
            StringAssert.Contains(t, "persist TakeStanAndArmReversal 3 39=98\nsend 0200 000003\n");
            StringAssert.Contains(t, "persist Complete record=Void/3/0 voids=" + stan + " last=0/None clear-reversal event=0\n");
            var voidRequest = rig.Sent.Last(m => m.Mti == "0200");
            Assert.AreEqual("200000", voidRequest.GetString(3));
            StringAssert.StartsWith(voidRequest.GetString(61), "000001" + stan.ToString("D6"));
            Assert.IsTrue(rig.State.FindInBatch(stan).Voided);
            Assert.AreEqual(0, rig.State.Totals().DebitCount);
            Assert.AreEqual(100_000_000, rig.Host.AccountFor(Pan).BalanceMinor);

            rig.Dismiss();
            rig.Keys("FF2" + stan + "E");
            Assert.AreEqual(OutcomeCodes.AlreadyVoided, rig.Engine.LastOutcome);
            rig.Dismiss();
            rig.Keys("FF2999E");
            Assert.AreEqual(OutcomeCodes.OriginalNotInBatch, rig.Engine.LastOutcome);
        }

        [TestMethod]
        public void VoidNeedsTheCardOfTheOriginal()
        {
            var rig = new EngineRig().Ready();
            int stan = ApprovedSale(rig);
            rig.Keys("FF2" + stan + "E");
            rig.Card(EngineRig.Contactless("6228480000000000999"));
            Assert.AreEqual(OutcomeCodes.OriginalNotInBatch, rig.Engine.LastOutcome);
            Assert.IsFalse(rig.Text().Contains("send 0200 000003"));
        }

        [TestMethod]
        public void RefundIsACreditAndIsNeverReversed()
        {
            var rig = new EngineRig().Ready();
            rig.Keys("FF3123E2500E");
            rig.Card(EngineRig.Swipe());
            rig.Run();
            string t = rig.Text();
            Assert.IsFalse(t.Contains("ArmReversal"), t);
            StringAssert.Contains(t, "send 0220 000002\n");
            StringAssert.Contains(t, "persist TakeStanAndArmRefund 2\nsend 0220 000002\n");
            StringAssert.Contains(t, "persist RefundAnswered record=Refund/2/0 last=0/None event=0\n");
            Assert.IsNull(rig.State.Refund, "answered: nothing left to resend");
            Assert.AreEqual(2500, rig.State.Totals().CreditAmountMinor);
            Assert.AreEqual(100_000_000 + 2500, rig.Host.AccountFor(Pan).BalanceMinor);
        }

        [TestMethod]
        public void RefundWithoutAnAnswerIsNotReversed_AndSaysItIsPending()
        {
            var rig = new EngineRig().Ready();
            rig.HostSilent = true;
            rig.Keys("FF3123E2500E");
            rig.Card(EngineRig.Swipe());
            rig.Run();
            rig.Fire(EngineTimer.HostAnswer);
            Assert.AreEqual(OutcomeCodes.RefundPending, rig.Engine.LastOutcome, rig.Text());
            Assert.IsNull(rig.State.Reversal);
            Assert.IsNotNull(rig.State.Refund);
        }

        [TestMethod]
        public void PreAuthThenCompletionThenCompletionVoid()
        {
            var rig = new EngineRig().Ready();
            rig.Keys("F5" + "20000E");
            rig.Card(EngineRig.Swipe());
            rig.Keys("123456E");
            rig.Run();
            Assert.AreEqual(OutcomeCodes.Approved, rig.Engine.LastOutcome, rig.Text());
            int preAuth = rig.State.Last.Stan;
            Assert.AreEqual("0100", rig.Sent.Last(m => m.Mti.StartsWith("01")).Mti);
            Assert.AreEqual(20000, rig.Host.AccountFor(Pan).HeldMinor);
            Assert.AreEqual(0, rig.State.Totals().DebitCount, "a pre-auth is not a debit");
            rig.Dismiss();

            rig.Keys("FF7" + preAuth + "E18000E");
            rig.Card(EngineRig.Swipe());
            rig.Keys("123456E");
            rig.Run();
            Assert.AreEqual(OutcomeCodes.Approved, rig.Engine.LastOutcome, rig.Text());
            int completion = rig.State.Last.Stan;
            Assert.AreEqual(0, rig.Host.AccountFor(Pan).HeldMinor);
            Assert.AreEqual(100_000_000 - 18000, rig.Host.AccountFor(Pan).BalanceMinor);
            Assert.AreEqual(18000, rig.State.Totals().DebitAmountMinor);
            rig.Dismiss();

            rig.Keys("FF8" + completion + "E");
            rig.Card(EngineRig.Swipe());
            rig.Run();
            Assert.AreEqual(OutcomeCodes.Approved, rig.Engine.LastOutcome, rig.Text());
            Assert.AreEqual(0, rig.State.Totals().DebitCount);
            Assert.AreEqual(100_000_000, rig.Host.AccountFor(Pan).BalanceMinor);
        }

        [TestMethod]
        public void PreAuthVoidReleasesTheHold()
        {
            var rig = new EngineRig().Ready();
            rig.Keys("F5" + "20000E");
            rig.Card(EngineRig.Swipe());
            rig.Keys("E");
            rig.Run();
            int preAuth = rig.State.Last.Stan;
            rig.Dismiss();
            rig.Keys("FF6" + preAuth + "E");
            rig.Card(EngineRig.Swipe());
            rig.Run();
            Assert.AreEqual(OutcomeCodes.Approved, rig.Engine.LastOutcome, rig.Text());
            Assert.IsTrue(rig.State.FindInBatch(preAuth).Voided);
            Assert.AreEqual(0, rig.Host.AccountFor(Pan).HeldMinor);
            StringAssert.Contains(rig.Text(), "persist TakeStanAndArmReversal 3 39=98\nsend 0100 000003\n");
        }

        [TestMethod]
        public void BalanceInquiryShowsTheBalance_NeedsThePin_AndIsNotReversible()
        {
            var rig = new EngineRig().Ready();
            rig.Keys("F4");
            Assert.AreEqual(ScreenId.PresentCard, rig.Screen.Id);
            Assert.IsNull(rig.Screen.Value);
            rig.Card(EngineRig.Contactless());
            Assert.AreEqual(ScreenId.EnterPin, rig.Screen.Id);
            rig.Keys("E");
            Assert.AreEqual(ScreenId.EnterPin, rig.Screen.Id, "no bypass for a balance inquiry");
            rig.Keys("123456E");
            rig.Run();
            Assert.AreEqual(ScreenId.Balance, rig.Screen.Id, rig.Text());
            Assert.AreEqual("1000000.00", rig.Screen.Value);
            Assert.IsFalse(rig.Text().Contains("ArmReversal"));
            Assert.AreEqual(0, rig.State.BatchCount);
            Assert.AreEqual(0, rig.Prints.Count);
            Assert.IsFalse(rig.Sent.Last().Has(4));
            rig.Key(PosFirmware.Devices.KeyCode.Enter);
            Assert.AreEqual(ScreenId.Idle, rig.Screen.Id);
        }

        [TestMethod]
        public void EveryTypeMapsToItsMessage()
        {
            var rig = new EngineRig().Ready();
            ApprovedSale(rig);
            var types = rig.Sent.Where(m => m.Mti == "0200").Select(m => m.GetString(3) + "/" + m.GetString(60).Substring(0, 2)).ToArray();
            CollectionAssert.AreEqual(new[] { "000000/22" }, types);
            Assert.AreEqual(TransactionType.Sale, rig.State.BatchAt(0).Entry.Type);
        }
    }
}
