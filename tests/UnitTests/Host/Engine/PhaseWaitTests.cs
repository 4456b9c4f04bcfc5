using PosFirmware.Devices;
using System;
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
    /// Issue 13 point 3: a phase owns its entry and exit. Every wait arms its own timeout (a
    /// TerminalParameters value of its own, set here to a distinctive number so the trace names
    /// it), its timeout ends it as before, and no wait leaves the flow timer or the countdown
    /// armed behind it.
    /// </summary>
    [TestClass]
    public sealed class PhaseWaitTests
    {
        private const string Pan = "6228480000000000001";

        private static TerminalParameters Distinct() => new TerminalParameters
        {
            MenuTimeoutMs = 11_100,
            TraceEntryTimeoutMs = 12_200,
            AmountEntryTimeoutMs = 13_300,
            CardWaitTimeoutMs = 14_400,
            PinEntryTimeoutMs = 15_500,
            HostResponseTimeoutMs = 16_600,
            PrinterFaultTimeoutMs = 17_700,
            InfoScreenTimeoutMs = 18_800,
            ErrorMessageMs = 3_300,
        };

        private static EngineRig Rig()
        {
            TerminalParameters p = Distinct();
            Assert.IsNull(p.Validate());
            return new EngineRig(parameters: p).Ready();
        }

        /// <summary>The trace of what keys (then the parts) did.</summary>
        private static string After(EngineRig rig, string keys, bool run = false)
        {
            rig.Trace.Clear();
            rig.Keys(keys);
            if (run)
            {
                rig.Run();
            }

            return rig.Text();
        }

        private static string Printed(string[] slip) => string.Join("\n", slip.Select(SlipMarkup.Plain)) + "\n";

        [TestMethod]
        public void TheMenuAndTheSettlementQuestionArmTheMenuTimeout()
        {
            var rig = Rig();
            StringAssert.EndsWith(After(rig, "F"), "show Menu 0\narm flow 11100\n");
            StringAssert.EndsWith(After(rig, "F"), "show Menu 1\narm flow 11100\n");
            StringAssert.EndsWith(After(rig, "FF1"), "show ConfirmSettle 'D0 0.00 C0 0.00'\narm flow 11100\n");
            rig.Advance(11_099);
            Assert.AreEqual(Phase.ConfirmSettle, rig.Engine.Phase);
            rig.Advance(1);
            Assert.AreEqual(OutcomeCodes.TimeoutMenu, rig.Engine.LastOutcome);
        }

        [TestMethod]
        public void TheOriginalsTraceArmsTheTraceTimeout_RestartedByEveryKey()
        {
            var rig = Rig();
            StringAssert.EndsWith(After(rig, "F2"), "show EnterTrace ''\narm flow 12200\n");
            StringAssert.EndsWith(After(rig, "1"), "beep Key\nshow EnterTrace '1'\narm flow 12200\n");
            rig.Advance(12_199);
            Assert.AreEqual(Phase.EnterTrace, rig.Engine.Phase);
            rig.Advance(1);
            Assert.AreEqual(OutcomeCodes.TimeoutAmountEntry, rig.Engine.LastOutcome);

            // The reprint and the reversal slip ask for a trace too.
            rig.Advance(3_300);
            StringAssert.EndsWith(After(rig, "FFF3"), "arm flow 12200\n");
        }

        [TestMethod]
        public void TheAmountArmsTheAmountTimeout()
        {
            var rig = Rig();
            StringAssert.EndsWith(After(rig, "E"), "show EnterAmount '0.00'\narm flow 13300\n");
            StringAssert.EndsWith(After(rig, "6"), "show EnterAmount '0.06'\narm flow 13300\n");
            rig.Advance(13_300);
            Assert.AreEqual(OutcomeCodes.TimeoutAmountEntry, rig.Engine.LastOutcome);
        }

        [TestMethod]
        public void TheCardArmsTheCardTimeout_AndTurnsTheReaderOnFirst()
        {
            var rig = Rig();
            StringAssert.EndsWith(After(rig, "E6000E"), "show PresentCard '60.00'\ncard on\narm flow 14400\n");
            rig.Trace.Clear();
            rig.Advance(14_400);
            StringAssert.Contains(rig.Text(), "> TimerExpired flow\ncard off\nshow Outcome 202 60.00\n");
            Assert.AreEqual(OutcomeCodes.TimeoutCard, rig.Engine.LastOutcome);
        }

        [TestMethod]
        public void ThePinArmsThePinTimeout()
        {
            var rig = Rig();
            rig.Keys("E30000E");
            rig.Trace.Clear();
            rig.Card(EngineRig.Contactless(Pan));
            StringAssert.EndsWith(rig.Text(), "show EnterPin ''\narm flow 15500\n");
            StringAssert.EndsWith(After(rig, "1"), "show EnterPin '*'\narm flow 15500\n");
            rig.Advance(15_500);
            Assert.AreEqual(OutcomeCodes.TimeoutPin, rig.Engine.LastOutcome);
        }

        [TestMethod]
        public void TheHostAnswerArmsTheHostTimeout_AndTheFlowTimerIsNotArmedOnline()
        {
            var rig = Rig();
            rig.HostSilent = true;
            rig.Sale("6000", EngineRig.Contactless(Pan));
            StringAssert.Contains(rig.Text(), "send 0200 000002\narm host 16600\n");
            Assert.AreEqual(Phase.Online, rig.Engine.Phase);
            Assert.IsFalse(rig.Timers.IsArmed(EngineTimer.Flow), rig.Text());
            Assert.IsTrue(rig.Timers.IsArmed(EngineTimer.Countdown));
            rig.Advance(16_600);
            Assert.AreEqual(OutcomeCodes.TimeoutHost, rig.Engine.LastOutcome, rig.Text());
            Assert.IsFalse(rig.Timers.IsArmed(EngineTimer.Countdown), "the countdown stops with Online");
        }

        [TestMethod]
        public void APrinterFaultArmsThePrinterFaultTimeout_NotTheCardWait()
        {
            var rig = Rig();
            rig.PaperOutPrints = 1;
            rig.Sale("6000", EngineRig.Contactless(Pan));
            StringAssert.Contains(rig.Text(), "> PrintFailed\nshow Outcome 210\nbeep Failure\narm flow 17700\n");
            rig.Advance(17_699);
            Assert.AreEqual(Phase.Outcome, rig.Engine.Phase);
            rig.Advance(1);
            Assert.AreEqual(Phase.Idle, rig.Engine.Phase, "I8: an unattended fault ends at idle");
        }

        [TestMethod]
        public void AnOutcomeStaysForTheMessageTime_AfterItsSlipsArePrinted()
        {
            var rig = Rig();
            rig.Sale("6000", EngineRig.Contactless(Pan));
            StringAssert.Contains(rig.Text(), "print 银联POS签购单 POS SALES SLIP / 持卡人存根 CARDHOLDER COPY\n> PrintDone\narm flow 3300\n");
            StringAssert.Contains(rig.Text(), "show Outcome 0 60.00\nbeep Success\nprint ", "no timeout while the flow prints");
        }

        [TestMethod]
        public void TheInfoScreensArmTheInfoTimeout()
        {
            var rig = Rig();
            rig.Sale("6000", EngineRig.Contactless(Pan));
            rig.Dismiss();
            StringAssert.EndsWith(After(rig, "FFF2"), "arm flow 18800\n");
            Assert.AreEqual(ScreenId.LastTransaction, rig.Screen.Id);
            rig.Advance(18_800);
            Assert.AreEqual(Phase.Idle, rig.Engine.Phase);
            StringAssert.EndsWith(After(rig, "FFF4"), "arm flow 18800\n");
            Assert.AreEqual(ScreenId.Totals, rig.Screen.Id);
            rig.Key(KeyCode.Cancel);

            // A balance: its PIN screen does not offer ENTER for no PIN, and ENTER alone is refused.
            rig.Keys("F4");
            rig.Card(EngineRig.Contactless(Pan));
            Assert.AreEqual("PIN required", rig.Screen.English2);
            Assert.AreEqual("需要输入密码", rig.Screen.Chinese2);
            StringAssert.EndsWith(After(rig, "E"), "beep Refused\n");
            Assert.AreEqual(Phase.EnterPin, rig.Engine.Phase);
            StringAssert.Contains(After(rig, "123456E", true), "arm flow 18800\n");
            Assert.AreEqual(ScreenId.Balance, rig.Screen.Id, rig.Text());
        }

        [TestMethod]
        public void NoWaitLeavesTheFlowTimerOrTheCountdownArmedBehindIt()
        {
            var rig = Rig();
            void Check(string where)
            {
                Phase p = rig.Engine.Phase;
                bool waits = p != Phase.Idle && p != Phase.Online && p != Phase.Starting;
                Assert.AreEqual(waits, rig.Timers.IsArmed(EngineTimer.Flow), where + ": flow timer in " + p + "\n" + rig.Text());
                Assert.AreEqual(p == Phase.Online, rig.Timers.IsArmed(EngineTimer.Countdown), where + ": countdown in " + p);
            }

            Check("ready");
            foreach (string keys in new[] { "F", "F", "F", "F", "C", "E", "6", "B", "C" })
            {
                rig.Keys(keys);
                rig.Run();
                Check("after " + keys);
            }

            rig.Advance(3_300);
            Check("after the cancel's message");
            rig.Keys("E6000E");
            Check("card");
            rig.Card(EngineRig.Contactless(Pan));
            Check("card read");
            rig.Run();
            Check("approved and printed");
            rig.Advance(3_300);
            Check("back at idle");

            // A wrong PIN: from Online back to the PIN, then the card again.
            rig.Host.ForceCode = m => m.Mti == "0200" ? "55" : null;
            rig.Keys("E30000E");
            rig.Card(EngineRig.Contactless(Pan));
            rig.Keys("111111E");
            rig.Run();
            Assert.AreEqual(Phase.EnterPin, rig.Engine.Phase, rig.Text());
            Check("PIN again");
            rig.Host.ForceCode = null;
            rig.Keys("123456E");
            Check("card again");
            rig.Key(KeyCode.Cancel);
            Check("cancelled");
            rig.Advance(3_300);

            // Settlement from its question, and the slip it prints.
            rig.Keys("FFF1E");
            Check("settling");
            rig.Run();
            Check("settled");
            rig.Key(KeyCode.Enter);
            Check("idle after the settlement");
        }

        [TestMethod]
        public void AReprintedLastTransactionSaysHowItsCardWasRead()
        {
            var rig = new EngineRig().Ready();
            rig.Sale("6000", EngineRig.Contactless(Pan));
            rig.Dismiss();
            rig.Keys("FFF2E");
            rig.Run();
            string slip = Printed(rig.Prints.Last());
            StringAssert.Contains(slip, "重打印 REPRINT\n");
            StringAssert.Contains(slip, "方式 ENTRY:挥卡 TAP\n");
            Assert.IsFalse(slip.Contains("MANUAL"), slip);
            rig.Advance(3_000);

            // The reprint menu's ENTER alone: the last transaction, as read.
            rig.Sale("30000", EngineRig.Swipe(Pan), "123456");
            rig.Dismiss();
            rig.Keys("FFF3E");
            rig.Run();
            slip = Printed(rig.Prints.Last());
            StringAssert.Contains(slip, "重打印 REPRINT\n");
            StringAssert.Contains(slip, "方式 ENTRY:刷卡 SWIPE\n");
            rig.Advance(3_000);

            // A decline has no batch record, and the last transaction does not keep the entry mode:
            // the reprint leaves the line out rather than say MANUAL.
            rig.Host.ForceCode = m => m.Mti == "0200" ? "51" : null;
            rig.Sale("6000", EngineRig.Contactless(Pan));
            rig.Dismiss();
            rig.Keys("FFF2E");
            rig.Run();
            slip = Printed(rig.Prints.Last());
            StringAssert.Contains(slip, "重打印 REPRINT\n");
            Assert.IsFalse(slip.Contains("ENTRY"), slip);
        }
    }
}
