using PosFirmware.Devices;
using PosFirmware.Messaging.Iso8583;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosFirmware.App.Engine;
using PosFirmware.App.Input;
using PosFirmware.Payments.Outcomes;
using PosFirmware.Payments.State;

namespace PosFirmware.UnitTests.Engine
{
    /// <summary>Flash refusals, printer faults, power-on in every state, and the management menu.</summary>
    [TestClass]
    public sealed class FaultTests
    {
        private const string Pan = "6228480000000000001";

        [TestMethod]
        public void AReversalTheFlashRefusesMeansNothingIsSent()
        {
            var rig = new EngineRig().Ready();
            rig.RefuseOp = PersistOp.TakeStanAndArmReversal;
            rig.Sale("6000", EngineRig.Contactless());
            string t = rig.Text();
            StringAssert.Contains(t, "persist TakeStanAndArmReversal 2 39=98\n  refused\nshow Outcome 229 60.00\n");
            Assert.IsFalse(t.Contains("send 0200"), "I3: no request without its reversal on flash\n" + t);
            Assert.AreEqual(0, rig.Host.Entries().Count);
            Assert.IsNull(rig.State.Reversal);
        }

        [TestMethod]
        public void TheA0ReversalOfAnApprovalWhoseMacFailedCarriesTheAuthCodeThatCameBack()
        {
            // [LY] Src/trancomm.c UpdateReversalFile: the auth code of an answer whose MAC failed goes
            // into the stored reversal's 38, so the host finds the approval to undo.
            var rig = new EngineRig().Ready();
            rig.Host.CorruptMacs = 1;
            rig.Sale("6000", EngineRig.Contactless());
            string auth = rig.Host.Find(PosFirmware.UnitTests.Support.TestHost.Terminal.TerminalId, 1, 2).AuthCode;
            Assert.IsNotNull(auth, rig.Text());
            IsoMessage reversal = rig.Sent.First(m => m.Mti == "0400");
            Assert.AreEqual("A0", reversal.GetString(39));
            Assert.AreEqual(auth, reversal.GetString(38), rig.Text());
        }

        [TestMethod]
        public void AnApprovalTheFlashRefusesIsNeverShownAsApproved_AndIsReversedWith96()
        {
            var rig = new EngineRig().Ready();
            rig.HostSilent = true;
            rig.Sale("6000", EngineRig.Contactless());
            byte[] request = rig.TakeUnanswered();
            rig.HostSilent = false;
            rig.FlashRefusals = 1;
            rig.Deliver(rig.Host.Handle(request, 0, request.Length));
            rig.Run();
            string t = rig.Text();
            StringAssert.Contains(t, "> HostFrame\npersist Complete record=Sale/2/0 last=0/None clear-reversal event=0\n  refused\nshow Outcome 224 60.00\n");
            Assert.IsFalse(t.Contains("show Outcome 0 "), "I3: never shown as approved");
            StringAssert.Contains(t, "persist ArmReversal 2 39=96\n");
            StringAssert.Contains(t, "send 0400 000002 39=96\n");
            Assert.IsTrue(rig.Prints.All(p => !p.Contains("APPROVED")), "never printed as approved");
            Assert.AreEqual(0, rig.State.BatchCount);
            Assert.IsNull(rig.State.Reversal);
            Assert.AreEqual(100_000_000, rig.Host.AccountFor(Pan).BalanceMinor, "I1");
        }

        [TestMethod]
        public void ARefusedA0ReArmStillShowsTheOutcome_AndThe98ReversalIsDelivered()
        {
            var rig = new EngineRig().Ready();
            rig.Host.CorruptMacs = 1;
            rig.RefuseOp = PersistOp.ArmReversal;
            rig.Sale("6000", EngineRig.Contactless());
            string t = rig.Text();
            StringAssert.Contains(t, "persist ArmReversal 2 39=A0\n  refused\nshow Outcome 207 60.00\n");
            StringAssert.Contains(t, "send 0400 000002 39=98\n");
            Assert.IsNull(rig.State.Reversal, t);
            Assert.AreEqual(100_000_000, rig.Host.AccountFor(Pan).BalanceMinor, "I1");
        }

        [TestMethod]
        public void PaperOutMidSlip_IsShown_AndEnterPrintsAgain()
        {
            var rig = new EngineRig().Ready();
            rig.PaperOutPrints = 1;
            rig.Sale("6000", EngineRig.Contactless());
            StringAssert.Contains(rig.Text(), "> PrintFailed\nshow Outcome 210\nbeep Failure\narm flow 60000\n");
            Assert.AreEqual(OutcomeCodes.Approved, rig.Engine.LastOutcome, "the approval stands");
            rig.Key(KeyCode.Enter);
            rig.Run();
            Assert.AreEqual(3, rig.Prints.Count, "the merchant copy again, then the cardholder copy");
            rig.Advance(3000);
            Assert.AreEqual(ScreenId.Idle, rig.Screen.Id);
        }

        [TestMethod]
        public void AnUnattendedPrinterFaultReturnsToIdle()
        {
            var rig = new EngineRig().Ready();
            rig.PaperOutPrints = 5;
            rig.Sale("6000", EngineRig.Contactless());
            rig.Advance(60_000);
            Assert.AreEqual(ScreenId.Idle, rig.Screen.Id, "I8");
        }

        [TestMethod]
        public void PowerOnWithAPendingReversalDeliversItAfterSignOn()
        {
            var rig = new EngineRig().Ready();
            rig.HostSilent = true;
            rig.Keys("E6000E");
            rig.Card(EngineRig.Contactless());
            rig.Run();
            byte[] request = rig.TakeUnanswered();
            rig.Host.Handle(request, 0, request.Length);
            Assert.AreEqual(100_000_000 - 6000, rig.Host.AccountFor(Pan).BalanceMinor, "the host applied it");

            // Power cut while waiting: a new engine on the same flash.
            rig.HostSilent = false;
            rig.Trace.Clear();
            rig.Boot();
            rig.Run();
            string t = rig.Text();
            Assert.IsTrue(t.IndexOf("send 0800") < t.IndexOf("send 0400 000002"), t);
            Assert.IsNull(rig.State.Reversal);
            Assert.AreEqual(ScreenId.Idle, rig.Screen.Id);
            Assert.AreEqual(100_000_000, rig.Host.AccountFor(Pan).BalanceMinor, "I1, I4");
        }

        [TestMethod]
        public void PowerOnWithNoHostStillReachesIdle()
        {
            var rig = new EngineRig();
            rig.ConnectResult = PosFirmware.Hal.NetStatus.Refused;
            rig.Boot();
            rig.Run();
            Assert.AreEqual(OutcomeCodes.HostUnreachable, rig.Engine.LastOutcome);
            rig.Advance(3000);
            Assert.AreEqual(ScreenId.Idle, rig.Screen.Id);
            Assert.IsFalse(rig.Engine.IsSignedOn);

            // The next transaction signs on first.
            rig.ConnectResult = PosFirmware.Hal.NetStatus.Ok;
            rig.Trace.Clear();
            rig.Sale("6000", EngineRig.Contactless());
            string t = rig.Text();
            Assert.IsTrue(t.IndexOf("send 0800") < t.IndexOf("send 0200"), t);
            Assert.AreEqual(OutcomeCodes.Approved, rig.Engine.LastOutcome);
        }

        [TestMethod]
        public void PowerOnInEveryStateOfASale_RecoversWhatWasDurable()
        {
            // The power goes before each event of an approved sale in turn; after the power-on
            // the terminal signs on, delivers what is pending, and the host agrees with it (I1).
            var script = new EngineRig().Ready();
            script.Sale("6000", EngineRig.Contactless());
            int events = script.Trace.Count(l => l.StartsWith("> "));
            Assert.IsTrue(events > 10);
            for (int cut = 0; cut <= events; cut++)
            {
                var rig = new EngineRig().Ready();
                rig.EventsLeft = cut;
                try
                {
                    rig.Sale("6000", EngineRig.Contactless());
                }
                catch (RigPowerCut)
                {
                }

                rig.Boot();
                rig.Run();
                rig.Advance(3000);
                Assert.AreEqual(ScreenId.Idle, rig.Screen.Id, "cut " + cut + "\n" + rig.Text());
                Assert.IsNull(rig.State.Reversal, "cut " + cut);
                long expected = rig.State.BatchCount == 1 ? 100_000_000 - 6000 : 100_000_000;
                Assert.AreEqual(expected, rig.Host.AccountFor(Pan).BalanceMinor, "I1 at cut " + cut + "\n" + rig.Text());
            }
        }

        [TestMethod]
        public void LastTransaction_Reprint_AndTotals()
        {
            var rig = new EngineRig().Ready();
            rig.Keys("FFF2");
            Assert.AreEqual(OutcomeCodes.NoTransaction, rig.Engine.LastOutcome);
            rig.Dismiss();
            rig.Sale("6000", EngineRig.Contactless());
            rig.Dismiss();
            rig.Keys("FFF2");
            Assert.AreEqual(ScreenId.LastTransaction, rig.Screen.Id);
            Assert.AreEqual("000002 60.00", rig.Screen.Value);
            Assert.AreEqual(OutcomeCodes.Approved, rig.Screen.OutcomeCode);
            rig.Key(KeyCode.Enter);
            rig.Run();
            Assert.IsTrue(rig.Prints.Last().Contains("重打印 REPRINT"));
            rig.Dismiss();

            rig.Keys("FFF32E");
            rig.Run();
            Assert.IsTrue(rig.Prints.Last().Contains("重打印 REPRINT"));
            Assert.IsTrue(rig.Prints.Last().Contains("凭证号 TRACE:000002"));
            rig.Dismiss();
            rig.Keys("FFF37E");
            Assert.AreEqual(OutcomeCodes.OriginalNotInBatch, rig.Engine.LastOutcome);
            rig.Dismiss();

            rig.Keys("FFF4");
            Assert.AreEqual(ScreenId.Totals, rig.Screen.Id);
            Assert.AreEqual("D1 60.00 C0 0.00", rig.Screen.Value);
            rig.Key(KeyCode.Enter);
            rig.Run();
            Assert.AreEqual("交易统计 BATCH TOTALS", PosFirmware.Devices.SlipMarkup.Plain(rig.Prints.Last()[0]));
        }

        [TestMethod]
        public void SignOffThenEchoThenSignOn()
        {
            var rig = new EngineRig().Ready();
            rig.Keys("FFFF6");
            rig.Run();
            Assert.AreEqual(OutcomeCodes.SignedOff, rig.Engine.LastOutcome, rig.Text());
            Assert.IsFalse(rig.Engine.IsSignedOn);
            rig.Dismiss();
            rig.Keys("FFFF7");
            rig.Run();
            Assert.AreEqual(OutcomeCodes.HostAnswered, rig.Engine.LastOutcome, rig.Text());
            rig.Dismiss();
            rig.Keys("FFFF5");
            rig.Run();
            Assert.AreEqual(OutcomeCodes.SignedOn, rig.Engine.LastOutcome, rig.Text());
            Assert.IsTrue(rig.Engine.IsSignedOn);
        }
    }
}
