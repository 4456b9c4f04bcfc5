using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosFirmware.App.Engine;
using PosFirmware.App.Input;
using PosFirmware.Devices;
using PosFirmware.Hal;
using PosFirmware.HostSimulator;
using PosFirmware.Payments.Outcomes;
using PosFirmware.Payments.State;

namespace PosFirmware.UnitTests.Engine
{
    /// <summary>The sale through every branch, as event traces: what the engine does, shows, stores and sends.</summary>
    [TestClass]
    public sealed class SaleTests
    {
        private const string Pan = "6228480000000000001";

        [TestMethod]
        public void PowerOnSignsOnThenIdles()
        {
            var rig = new EngineRig().Boot();
            rig.Run();
            string t = rig.Text();
            StringAssert.StartsWith(t, "> PowerOn\nshow Starting\n");
            StringAssert.Contains(t, "connect\narm connect 10000\n");
            StringAssert.Contains(t, "persist TakeStan 1\nsend 0800 000001\narm host 30000\n");
            StringAssert.Contains(t, "persist Log event=4\n");
            StringAssert.Contains(t, "close\n");
            Assert.AreEqual(ScreenId.Idle, rig.Screen.Id, t);
            Assert.IsTrue(rig.Engine.IsSignedOn);
        }

        [TestMethod]
        public void ApprovedContactlessSaleUnderTheCvmLimitAsksNoPin()
        {
            var rig = new EngineRig().Ready();
            rig.Sale("12345", EngineRig.Contactless());
            string t = rig.Text();
            StringAssert.Contains(t, "> CardRead\nshow Processing\nconnect\n");
            // Write-ahead (I3): the reversal is durable before the request leaves.
            StringAssert.Contains(t, "persist TakeStanAndArmReversal 2 39=98\nsend 0200 000002\narm host 30000\n");
            // "Approved" only after the approval is durable, then both slips.
            StringAssert.Contains(t, "> HostFrame\npersist Complete record=Sale/2/0 last=0/None clear-reversal event=0\nshow Outcome 0 123.45\nbeep Success\nprint 银联POS签购单 POS SALES SLIP / 商户存根 MERCHANT COPY\n");
            StringAssert.Contains(t, "> PrintDone\nprint 银联POS签购单 POS SALES SLIP / 持卡人存根 CARDHOLDER COPY\n> PrintDone\narm flow 3000\n");
            Assert.AreEqual(1, rig.State.BatchCount);
            Assert.AreEqual("622848*********0001", rig.State.BatchAt(0).MaskedPan);
            Assert.IsNull(rig.State.Reversal);
            Assert.AreEqual(12345, rig.State.Totals().DebitAmountMinor);
            Assert.AreEqual(100_000_000 - 12345, rig.Host.AccountFor(Pan).BalanceMinor);
            Assert.IsFalse(rig.Sent.Last().Has(52), "no PIN block under the CVM limit");
            rig.Advance(3000);
            Assert.AreEqual(ScreenId.Idle, rig.Screen.Id);
        }

        [TestMethod]
        public void SwipedSaleCarriesAPinBlockTheHostVerifies()
        {
            var rig = new EngineRig().Ready();
            rig.Keys("E500E");
            rig.Card(EngineRig.Swipe());
            Assert.AreEqual(ScreenId.EnterPin, rig.Screen.Id);
            rig.Keys("1234");
            Assert.AreEqual("****", rig.Screen.Value);
            rig.Keys("56E");
            rig.Run();
            Assert.AreEqual(OutcomeCodes.Approved, rig.Engine.LastOutcome, rig.Text());
            Assert.IsTrue(rig.Sent.Last().Has(52));
            Assert.AreEqual("021", rig.Sent.Last().GetString(22));
        }

        [TestMethod]
        public void PinBypassSendsNoPinBlock()
        {
            var rig = new EngineRig().Ready();
            rig.Sale("500", EngineRig.Swipe(), "");
            Assert.AreEqual(OutcomeCodes.Approved, rig.Engine.LastOutcome, rig.Text());
            Assert.IsFalse(rig.Sent.Last().Has(52));
        }

        [TestMethod]
        public void WrongPinReprompts_ThenApproves()
        {
            var rig = new EngineRig().Ready();
            rig.Sale("500", EngineRig.Swipe(), "999999");
            string t = rig.Text();
            StringAssert.Contains(t, "persist Complete last=155/None clear-reversal event=155\n");
            Assert.AreEqual(ScreenId.EnterPin, rig.Screen.Id, t);
            Assert.AreEqual("Enter PIN again", rig.Screen.English2);
            rig.Keys("123456E");

            // The first request took the card data (I7): the card is read again for the new request.
            Assert.AreEqual(ScreenId.PresentCard, rig.Screen.Id, rig.Text());
            rig.Card(EngineRig.Swipe());
            rig.Run();
            Assert.AreEqual(OutcomeCodes.Approved, rig.Engine.LastOutcome, rig.Text());
            var stans = rig.Sent.Where(m => m.Mti == "0200").Select(m => m.GetString(11)).ToArray();
            CollectionAssert.AreEqual(new[] { "000002", "000003" }, stans, "each try is a new request with a new STAN");
        }

        [TestMethod]
        public void ThreeWrongPinsEndTheSale()
        {
            var rig = new EngineRig().Ready();
            rig.Sale("500", EngineRig.Swipe(), "999999");
            rig.Keys("999999E");
            rig.Card(EngineRig.Swipe());
            rig.Run();
            rig.Keys("999999E");
            rig.Card(EngineRig.Swipe());
            rig.Run();
            Assert.AreEqual(ScreenId.Outcome, rig.Screen.Id, rig.Text());
            Assert.AreEqual(175, rig.Screen.OutcomeCode, "the issuer counts the third wrong PIN as 75");
            Assert.AreEqual(3, rig.Sent.Count(m => m.Mti == "0200"));
            Assert.AreEqual(0, rig.State.BatchCount);
            Assert.IsNull(rig.State.Reversal);
        }

        [TestMethod]
        public void EveryDeclineCodeShowsItsOutcome_ClearsTheReversal_AndRecordsTheLastTransaction()
        {
            foreach (Outcome o in OutcomeCatalog.All.Where(o => o.ResponseCode != null && o.ResponseCode != "00" && o.ResponseCode != "55"))
            {
                var rig = new EngineRig().Ready();
                rig.Host.ForceCode = m => m.Mti == "0200" ? o.ResponseCode : null;
                rig.Sale("6000", EngineRig.Contactless());
                string t = rig.Text();
                Assert.AreEqual(o.Code, rig.Engine.LastOutcome, o.ResponseCode + "\n" + t);
                StringAssert.Contains(t, "persist Complete last=" + o.Code + "/None clear-reversal event=" + o.Code + "\nshow Outcome " + o.Code, o.ResponseCode);
                Assert.IsNull(rig.State.Reversal, o.ResponseCode);
                Assert.AreEqual(0, rig.State.BatchCount, o.ResponseCode);
                Assert.AreEqual(0, rig.Prints.Count, "declines print nothing: " + o.ResponseCode);
                Assert.AreEqual(o.Code, rig.State.Last.OutcomeCode);
                if (o.ResponseCode == "77" || o.ResponseCode == "99" || o.ResponseCode == "A0")
                {
                    Assert.AreEqual("0800", rig.Sent.Last().Mti, "the host asked for a new sign-on: " + o.ResponseCode);
                    Assert.IsTrue(rig.Engine.IsSignedOn);
                }
            }
        }

        [TestMethod]
        public void NoAnswerByTheDeadlineReversesWith98_AndALateAnswerIsIgnored()
        {
            var rig = new EngineRig().Ready();
            rig.HostSilent = true;
            rig.Sale("6000", EngineRig.Contactless());
            byte[] request = rig.TakeUnanswered();
            rig.Advance(29_000);
            Assert.AreEqual("1", rig.Screen.Value, "the countdown shows the seconds left");
            rig.HostSilent = false;
            rig.Advance(1_000);
            string t = rig.Text();
            StringAssert.Contains(t, "> TimerExpired host\nclose\npersist Complete last=204/Pending event=204\nshow Outcome 204 60.00\nbeep Failure\nprint");
            // The reversal goes straight away on a new connection, counted first, then cleared.
            StringAssert.Contains(t, "persist CountReversalAttempt 2\nsend 0400 000002 39=98\n");
            StringAssert.Contains(t, "persist ConfirmReversal 2 last=204/Done event=234\n");
            Assert.IsNull(rig.State.Reversal);
            Assert.AreEqual(ReversalState.Done, rig.State.Last.Reversal);
            Assert.AreEqual(0, rig.State.BatchCount);

            // The host's answer to the request comes now: the engine is not waiting for it.
            int before = rig.Trace.Count;
            rig.Deliver(rig.Host.Handle(request, 0, request.Length));
            Assert.AreEqual(before + 1, rig.Trace.Count, "ignored: " + rig.Text());
            Assert.AreEqual(100_000_000, rig.Host.AccountFor(Pan).BalanceMinor, "I1: reversed, nothing taken");
        }

        [TestMethod]
        public void ConnectionLostAfterTheSendIsUnanswered_AndReversed()
        {
            var rig = new EngineRig().Ready();
            rig.DropAfterSend = true;
            rig.Sale("6000", EngineRig.Contactless());
            rig.DropAfterSend = false;
            rig.Run();
            StringAssert.Contains(rig.Text(), "> ConnectionLost\nclose\npersist Complete last=204/Pending event=204\n");
            Assert.IsNull(rig.State.Reversal, rig.Text());
            Assert.AreEqual(100_000_000, rig.Host.AccountFor(Pan).BalanceMinor, "I1");
        }

        [TestMethod]
        public void NoNetworkBeforeTheSendLeavesNothingToReverse()
        {
            var rig = new EngineRig().Ready();
            rig.ConnectResult = NetStatus.LinkDown;
            rig.Sale("30000", EngineRig.Contactless(), "123456");
            string t = rig.Text();
            StringAssert.Contains(t, "> ConnectFailed\nshow Outcome 205 300.00\n");
            Assert.IsFalse(t.Contains("persist"), t);
            Assert.IsNull(rig.State.Reversal);
        }

        [TestMethod]
        public void HostUnreachableAfterTheConnectDeadline()
        {
            var rig = new EngineRig().Ready();
            rig.Keys("E30000E");
            rig.Card(EngineRig.Contactless());
            rig.Keys("123456E");
            rig.Fire(EngineTimer.Connect);
            StringAssert.Contains(rig.Text(), "> TimerExpired connect\nclose\nshow Outcome 206 300.00\n");
        }

        [TestMethod]
        public void BadMacOnTheApprovalReversesWithA0_AfterANewSignOn()
        {
            var rig = new EngineRig().Ready();
            rig.Host.CorruptMacs = 1;
            rig.Sale("6000", EngineRig.Contactless());
            string t = rig.Text();
            StringAssert.Contains(t, "> HostFrame\npersist ArmReversal 2 39=A0\npersist Complete last=207/Pending event=207\nshow Outcome 207 60.00\n");
            StringAssert.Contains(t, "send 0800 000003\n");
            StringAssert.Contains(t, "send 0400 000002 39=A0\n");
            Assert.IsNull(rig.State.Reversal, t);
            Assert.AreEqual(100_000_000, rig.Host.AccountFor(Pan).BalanceMinor, "I1: the approval the terminal could not trust is undone");
        }

        [TestMethod]
        public void TimeoutAtEveryWait()
        {
            var rig = new EngineRig().Ready();
            rig.Key(KeyCode.Func);
            rig.Advance(60_000);
            Assert.AreEqual(OutcomeCodes.TimeoutMenu, rig.Engine.LastOutcome);
            rig.Advance(3_000);
            rig.Key(KeyCode.Enter);
            rig.Advance(60_000);
            Assert.AreEqual(OutcomeCodes.TimeoutAmountEntry, rig.Engine.LastOutcome);
            rig.Advance(3_000);
            rig.Keys("FF2");
            Assert.AreEqual(ScreenId.EnterTrace, rig.Screen.Id);
            rig.Advance(60_000);
            Assert.AreEqual(OutcomeCodes.TimeoutAmountEntry, rig.Engine.LastOutcome);
            rig.Advance(3_000);
            rig.Keys("E5E");
            rig.Advance(60_000);
            Assert.AreEqual(OutcomeCodes.TimeoutCard, rig.Engine.LastOutcome);
            StringAssert.Contains(rig.Text(), "card off\nshow Outcome 202");
            rig.Advance(3_000);
            rig.Keys("E5E");
            rig.Card(EngineRig.Swipe());
            rig.Keys("12");
            rig.Advance(60_000);
            Assert.AreEqual(OutcomeCodes.TimeoutPin, rig.Engine.LastOutcome);
            rig.Advance(3_000);
            Assert.AreEqual(ScreenId.Idle, rig.Screen.Id);
            Assert.AreEqual(0, rig.State.BatchCount);
        }

        [TestMethod]
        public void CancelAtEveryStep()
        {
            var rig = new EngineRig().Ready();
            string[] scripts = { "FC", "EC", "E12C", "FF2C", "FF21C" };
            foreach (string s in scripts)
            {
                rig.Keys(s);
                Assert.AreEqual(s == "FC" ? ScreenId.Idle : ScreenId.Outcome, rig.Screen.Id, s);
                if (s != "FC")
                {
                    Assert.AreEqual(OutcomeCodes.Cancelled, rig.Engine.LastOutcome, s);
                    rig.Advance(3_000);
                }
            }

            rig.Keys("E5E");
            rig.Key(KeyCode.Cancel);
            StringAssert.Contains(rig.Text(), "> Key Cancel\ncard off\nshow Outcome 200 0.05\n");
            rig.Advance(3_000);
            rig.Keys("E5E");
            rig.Card(EngineRig.Swipe());
            rig.Keys("12C");
            Assert.AreEqual(OutcomeCodes.Cancelled, rig.Engine.LastOutcome);
            rig.Advance(3_000);

            // Once the request may be on its way, cancel is refused.
            rig.Keys("E6000E");
            rig.Card(EngineRig.Contactless());
            rig.Key(KeyCode.Cancel);
            StringAssert.EndsWith(rig.Text(), "> Key Cancel\nbeep Refused\n");
            rig.Run();
            Assert.AreEqual(OutcomeCodes.Approved, rig.Engine.LastOutcome);
        }

        [TestMethod]
        public void CardFailuresAreExplained()
        {
            foreach (int code in new[] { OutcomeCodes.CardReadError, OutcomeCodes.CardRemoved, OutcomeCodes.ReaderNotAnswering, OutcomeCodes.CardNotSupported })
            {
                var rig = new EngineRig().Ready();
                rig.Keys("E5E");
                rig.CardFails(code);
                Assert.AreEqual(code, rig.Engine.LastOutcome);
                Assert.AreEqual(ScreenId.Outcome, rig.Screen.Id);
            }

            var bad = new EngineRig().Ready();
            bad.Keys("E5E");
            bad.Card(EngineRig.Swipe("12AB"));
            Assert.AreEqual(OutcomeCodes.CardReadError, bad.Engine.LastOutcome);
        }

        [TestMethod]
        public void DeclineRulesByCardStateAndAmount()
        {
            var rig = new EngineRig().Ready();
            rig.Host.LoadAccounts("[{\"Pan\":\"" + Pan + "\",\"BalanceMinor\":100000000,\"State\":\"Stolen\"}]");
            rig.Sale("6000", EngineRig.Contactless());
            Assert.AreEqual(143, rig.Engine.LastOutcome, rig.Text());
            rig.Dismiss();
            rig.Host.SetAccount(new Account { Pan = Pan, BalanceMinor = 100_000_000 });
            rig.Host.AmountLimitMinor = 5_000_00;
            rig.Sale("600000", EngineRig.Swipe(), "123456");
            Assert.AreEqual(161, rig.Engine.LastOutcome, rig.Text());
        }

        [TestMethod]
        public void InsufficientFundsFromTheLedger()
        {
            var rig = new EngineRig().Ready();
            rig.Host.SetAccount(new Account { Pan = Pan, BalanceMinor = 100 });
            rig.Sale("6000", EngineRig.Contactless());
            Assert.AreEqual(151, rig.Engine.LastOutcome, rig.Text());
        }
    }
}
