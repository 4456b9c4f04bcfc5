using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosFirmware.App.Engine;
using PosFirmware.App.Input;
using PosFirmware.App.Slips;
using PosFirmware.Devices;
using PosFirmware.Payments.Outcomes;
using PosFirmware.Payments.State;

namespace PosFirmware.UnitTests.Engine
{
    /// <summary>
    /// Issue 12 point 5: the merchant is told the truth and given evidence. The host's raw code on
    /// screen, slip and the durable last-transaction record; outcome screens on four rows; "reversed"
    /// only once the host confirmed it, then said once at idle, in the lookup and on a confirmation
    /// slip; manual reversals and failed advices on the reports until the batch is settled.
    /// </summary>
    [TestClass]
    public sealed class EvidenceTests
    {
        private static string Rows(Screen s, bool english) => english
            ? s.English1 + "|" + s.English2 + "|" + s.English3 + "|" + s.English4
            : s.Chinese1 + "|" + s.Chinese2 + "|" + s.Chinese3 + "|" + s.Chinese4;

        private static string Printed(EngineRig rig) =>
            string.Join("\n", rig.Prints.SelectMany(p => p).Select(SlipMarkup.Plain)) + "\n";

        [TestMethod]
        public void AnUnknownDeclineCodeIsShownKeptThroughAPowerCutAndPrinted()
        {
            var rig = new EngineRig().Ready();
            rig.Host.ForceCode = m => m.Mti == "0200" ? "Q7" : null;
            rig.Sale("6000", EngineRig.Contactless());
            StringAssert.Contains(rig.Text(), "persist Complete last=170/None clear-reversal event=170\nshow Outcome 170 60.00\nbeep Failure\n");
            Assert.AreEqual("DECLINED|Unknown reason|Call acquirer|Code Q7", Rows(rig.Screen, true));
            Assert.AreEqual("交易失败|主机拒绝|请联系收单行|应答码 Q7", Rows(rig.Screen, false));
            Assert.AreEqual("Q7", rig.State.Last.ResponseCode);
            rig.Dismiss();

            // The power goes: the code comes back from the journal, for the lookup and the reprint.
            rig.Host.ForceCode = null;
            rig.Ready();
            Assert.AreEqual("Q7", rig.State.Last.ResponseCode);
            Assert.AreEqual(1, rig.State.Last.Batch);
            rig.Keys("FFF2");
            Assert.AreEqual(ScreenId.LastTransaction, rig.Screen.Id);
            Assert.AreEqual("Last 11/22 18:30|DECLINED (Q7)|Unknown reason|", Rows(rig.Screen, true));
            Assert.AreEqual("末笔 11/22 18:30|交易失败 (Q7)|主机拒绝|", Rows(rig.Screen, false));
            Assert.AreEqual("000002 60.00", rig.Screen.Value);
            rig.Key(KeyCode.Enter);
            Assert.AreEqual("DECLINED|Unknown reason|Call acquirer|Code Q7", Rows(rig.Screen, true), "the reprint's screen gives the code too");
            rig.Run();
            StringAssert.Contains(Printed(rig), "\n交易失败 主机拒绝 (Q7)\nDECLINED BY HOST (Q7)\n请联系收单行\nCall the acquirer\nNO.170\n");
        }

        [TestMethod]
        public void AKnownDeclineShowsItsCodeOnTheFourthRow_AndTheLastTransactionKeepsIt()
        {
            var rig = new EngineRig().Ready();
            rig.Host.ForceCode = m => m.Mti == "0200" ? "51" : null;
            rig.Sale("6000", EngineRig.Contactless());
            Assert.AreEqual("DECLINED|Not enough funds|Use other card|Code 51", Rows(rig.Screen, true));
            Assert.AreEqual("交易失败|余额不足|请查询余额或换卡|应答码 51", Rows(rig.Screen, false));
            Assert.AreEqual("60.00", rig.Screen.Value, "the amount stays beside the code");
            Assert.AreEqual("51", rig.State.Last.ResponseCode);
            rig.Dismiss();
            rig.Keys("FFF2");
            Assert.AreEqual("Last 11/22 18:30|DECLINED (51)|Not enough funds|", Rows(rig.Screen, true));
            Assert.AreEqual("末笔 11/22 18:30|交易失败 (51)|余额不足|", Rows(rig.Screen, false));
        }

        [TestMethod]
        public void UntilTheHostConfirms_ScreenAndSlipsSayFailedAndMoneyReturned_ThenReversedOnceAtIdle_WithAConfirmationSlip()
        {
            var rig = new EngineRig().Ready();
            rig.HostSilent = true;
            rig.Sale("6000", EngineRig.Contactless());
            rig.Fire(EngineTimer.HostAnswer);
            string t = rig.Text();
            StringAssert.Contains(t, "persist Complete last=204/Pending event=204\nshow Outcome 204 60.00\nbeep Failure\nprint 银联POS签购单 POS SALES SLIP / 商户存根 MERCHANT COPY\n");
            Screen failed = rig.Screens.Last(s => s.Id == ScreenId.Outcome);
            Assert.AreEqual("FAILED: no reply|Money goes back|Ask to pay again|NO.204", Rows(failed, true));
            Assert.AreEqual("失败:主机无应答|款项将自动退回|请重新收款|NO.204", Rows(failed, false));

            // The reversal's first attempt goes unanswered: the slips still say failed, never reversed.
            rig.Run();
            rig.Fire(EngineTimer.HostAnswer);
            rig.Run();
            Assert.AreEqual(2, rig.Prints.Count, "merchant and cardholder copies");
            string slips = Printed(rig);
            Assert.IsFalse(slips.Contains("冲正") || slips.Contains("REVERS"), slips);
            StringAssert.Contains(slips, "\n主机无应答 交易失败\nHOST DID NOT ANSWER: FAILED\n款项将自动退回持卡人\nMoney will be auto-returned\nNO.204\n");
            Assert.IsFalse(rig.Screens.Any(s => (s.Chinese1 + s.Chinese2 + s.Chinese3).Contains("已冲正") || (s.English1 + s.English2 + s.English3).Contains("REVERSED")), "nothing said reversed yet");
            Assert.AreEqual(ReversalState.Pending, rig.State.Last.Reversal);
            rig.Key(KeyCode.Enter);
            Assert.AreEqual("READY|ENTER sale/FUNC||", Rows(rig.Screen, true), "nothing confirmed: the plain idle screen");

            // The lookup says it is pending.
            rig.Keys("FFF2");
            Assert.AreEqual("Last 11/22 18:30|FAILED: no reply|Reversal pending|", Rows(rig.Screen, true));
            rig.Key(KeyCode.Cancel);

            // The next sale sends the reversal first; the host confirms it a minute later.
            rig.HostSilent = false;
            rig.Utc = rig.Utc.AddSeconds(65);
            rig.Trace.Clear();
            rig.Prints.Clear();
            rig.Keys("FFF5");
            rig.Run();
            t = rig.Text();
            StringAssert.Contains(t, " 000002 39=98\n");
            StringAssert.Contains(t, "persist ConfirmReversal 2 last=204/Done event=234\n");
            Assert.IsNull(rig.State.Reversal);
            Assert.AreEqual("1122183105", rig.State.Last.ReversalWhen);
            rig.Key(KeyCode.Enter);

            // Said once at idle, then the plain idle screen again.
            Assert.AreEqual("READY|Rev. confirmed|Trace 000002|Slip: menu 8", Rows(rig.Screen, true));
            Assert.AreEqual("欢迎使用|冲正已确认|凭证号 000002|凭条:管理菜单8", Rows(rig.Screen, false));
            rig.Keys("FC");
            Assert.AreEqual("READY|ENTER sale/FUNC||", Rows(rig.Screen, true));

            // The lookup shows the confirmation and its time; ENTER prints the confirmation slip.
            rig.Keys("FFF2");
            Assert.AreEqual("Last 11/22 18:30|Rev. confirmed|11/22 18:31:05|", Rows(rig.Screen, true));
            Assert.AreEqual("末笔 11/22 18:30|冲正已确认|11/22 18:31:05|", Rows(rig.Screen, false));
            rig.Key(KeyCode.Enter);
            Assert.AreEqual("REVERSED|Host confirmed|Money returned|NO.234", Rows(rig.Screen, true));
            Assert.AreEqual("已冲正|主机已确认|款项已退回|NO.234", Rows(rig.Screen, false));
            rig.Run();
            string rrn = rig.State.LastReversal.Rrn;
            Assert.AreEqual(12, rrn.Length, "the host's reference of the reversal");
            string[] slip = rig.Prints.Last().Select(SlipMarkup.Plain).ToArray();
            CollectionAssert.AreEqual(
                new[]
                {
                    "冲正凭证 REVERSAL CONFIRMATION", "持卡人存根 CARDHOLDER COPY", "TEST MERCHANT", "商户号 MID:" + rig.Setup.Identity.MerchantId,
                    "终端号 TID:" + rig.Setup.Identity.TerminalId, "卡号 CARD:622848*********0001", "消费 SALE", "凭证号 TRACE:000002",
                    "批次号 BATCH:000001", "原时间 ORIG TIME:11/22 18:30:00", "冲正时间 REV TIME:11/22 18:31:05", "参考号 REF:" + rrn, "金额 AMT:RMB 60.00",
                    "冲正成功 主机已确认", "REVERSAL CONFIRMED BY HOST", "请将此凭条交持卡人", "Give this slip to card holder", "NO.234",
                    "TID:" + rig.Setup.Identity.TerminalId + " BATCH:000001 TRACE:000002 REF:" + rrn,
                },
                slip, string.Join("\n", slip));
            rig.Dismiss();

            // Evidence survives a power cut: the menu prints the same slip again.
            rig.Ready();
            Assert.AreEqual("READY|ENTER sale/FUNC||", Rows(rig.Screen, true), "said once: not again after a restart");
            rig.Prints.Clear();
            rig.Keys("FFF8E");
            rig.Run();
            CollectionAssert.AreEqual(slip, rig.Prints.Single().Select(SlipMarkup.Plain).ToArray());
        }

        [TestMethod]
        public void AReversalConfirmedWhileIdleIsSaidAtOnce()
        {
            var rig = new EngineRig().Ready();
            rig.HostSilent = true;
            rig.Sale("6000", EngineRig.Contactless());
            rig.Fire(EngineTimer.HostAnswer);
            rig.Run();
            Assert.AreEqual(ScreenId.Outcome, rig.Screen.Id);
            rig.Run();
            rig.Key(KeyCode.Enter);
            Assert.AreEqual(Phase.Idle, rig.Engine.Phase);

            // The immediate attempt's answer arrives while the terminal waits at idle.
            byte[] reversal = rig.TakeUnanswered();
            Assert.IsNotNull(reversal, rig.Text());
            rig.Trace.Clear();
            rig.Deliver(rig.Host.Handle(reversal, 0, reversal.Length));
            StringAssert.Contains(rig.Text(), "persist ConfirmReversal 2 last=204/Done event=234\nshow Idle\n");
            Assert.AreEqual("READY|Rev. confirmed|Trace 000002|Slip: menu 8", Rows(rig.Screen, true));
        }

        [TestMethod]
        public void AConfirmationForAnOlderTransactionTakesItsEvidenceFromTheReversalItself()
        {
            var rig = new EngineRig().Ready();
            rig.HostSilent = true;
            rig.Sale("6000", EngineRig.Swipe("6228480000000000002"), "");
            rig.Fire(EngineTimer.HostAnswer);
            rig.Run();
            rig.Fire(EngineTimer.HostAnswer);
            rig.Dismiss();
            // An offline sale becomes the last transaction while the reversal still waits.
            rig.HostSilent = false;
            rig.Sale("1500", EngineRig.Contactless());
            rig.Dismiss();
            Assert.AreEqual(3, rig.State.Last.Stan, rig.Text());
            Assert.IsNotNull(rig.State.Reversal);

            rig.Utc = rig.Utc.AddMinutes(5);
            rig.Keys("FFF5");
            rig.Run();
            ConfirmedReversal c = rig.State.LastReversal;
            Assert.IsNotNull(c, rig.Text());
            Assert.AreEqual("2|6000|622848*********0002|1122183000|1122183500", c.Stan + "|" + c.AmountMinor + "|" + c.MaskedPan + "|" + c.OriginalWhen + "|" + c.ConfirmedWhen);
            Assert.AreEqual(ReversalState.None, rig.State.Last.Reversal, "the offline sale's record is left alone");
            rig.Key(KeyCode.Enter);
            Assert.AreEqual("READY|Rev. confirmed|Trace 000002|Slip: menu 8", Rows(rig.Screen, true));
        }

        [TestMethod]
        public void AConfirmationTheFlashRefusesIsNeverAnnounced()
        {
            var rig = new EngineRig().Ready();
            rig.HostSilent = true;
            rig.Sale("6000", EngineRig.Contactless());
            rig.Fire(EngineTimer.HostAnswer);
            rig.HostSilent = false;
            rig.RefuseOp = PersistOp.ConfirmReversal;
            rig.Run();
            rig.Key(KeyCode.Enter);
            StringAssert.Contains(rig.Text(), "persist ConfirmReversal 2 last=204/Done event=234\n  refused\n");
            Assert.IsNotNull(rig.State.Reversal, "still pending on flash");
            Assert.AreEqual("READY|ENTER sale/FUNC||", Rows(rig.Screen, true));
            rig.Keys("FFF8E");
            Assert.AreEqual(OutcomeCodes.NoTransaction, rig.Screen.OutcomeCode, "no confirmation to print");
        }

        [TestMethod]
        public void AManualReversalAndAFailedAdviceStayOnTheReportsUntilTheBatchIsSettled()
        {
            var rig = new EngineRig().Ready();
            // An offline sale whose advice the host refuses until its retries run out.
            rig.Sale("1500", EngineRig.Contactless());
            rig.Dismiss();
            rig.Host.ForceCode = m => m.Mti.StartsWith("022") ? "96" : null;
            for (int i = 0; i < 3; i++)
            {
                rig.Sale("6000", EngineRig.Contactless());
                rig.Dismiss();
            }

            Assert.IsTrue(rig.State.AdviceAt(0).Failed, rig.Text());

            // A sale whose reversal is never answered: three attempts, then manual handling.
            rig.Host.ForceCode = null;
            rig.HostSilent = true;
            rig.Sale("7000", EngineRig.Contactless());
            rig.Fire(EngineTimer.HostAnswer);
            rig.Run();
            rig.Fire(EngineTimer.HostAnswer);
            rig.Run();
            rig.Dismiss();
            rig.Sale("6000", EngineRig.Contactless());
            rig.Fire(EngineTimer.HostAnswer);
            rig.Run();
            rig.Dismiss();
            rig.Sale("6000", EngineRig.Contactless());
            rig.Fire(EngineTimer.HostAnswer);
            rig.Run();
            byte[] sale = rig.TakeUnanswered();
            rig.Deliver(rig.Host.Handle(sale, 0, sale.Length));
            rig.Run();
            rig.HostSilent = false;
            rig.Dismiss();
            Assert.AreEqual(1, rig.State.ManualCount, rig.Text());
            int manualStan = rig.State.ManualAt(0).Stan;
            int adviceStan = rig.State.AdviceAt(0).Stan;
            Assert.AreEqual(Phase.Idle, rig.Engine.Phase, rig.Text());

            string manualLine = "  " + manualStan.ToString("D6") + " 70.00";
            string adviceLine = "  " + adviceStan.ToString("D6") + " 15.00";

            // The totals report lists both.
            rig.Prints.Clear();
            rig.Keys("FFF4E");
            rig.Run();
            string report = Printed(rig);
            StringAssert.Contains(report, "\n冲正失败 MANUAL REVERSALS: 1\n" + manualLine + "\n通知未上送 ADVICES NOT SENT: 1\n" + adviceLine + "\n");
            rig.Key(KeyCode.Enter);

            // So does the settlement slip; once settled they are gone from the next report.
            rig.Prints.Clear();
            rig.Keys("FFF1E");
            rig.Run();
            string settlement = Printed(rig);
            StringAssert.Contains(settlement, "结算单 SETTLEMENT");
            StringAssert.Contains(settlement, "\n冲正失败 MANUAL REVERSALS: 1\n" + manualLine + "\n通知未上送 ADVICES NOT SENT: 1\n" + adviceLine + "\n结算完成 BATCH CLOSED\n");
            Assert.AreEqual(0, rig.State.ManualCount);
            Assert.AreEqual(0, rig.State.AdviceCount);
            rig.Key(KeyCode.Enter);
            rig.Prints.Clear();
            rig.Keys("FFF4E");
            rig.Run();
            report = Printed(rig);
            Assert.IsFalse(report.Contains("MANUAL REVERSALS") || report.Contains("ADVICES NOT SENT"), report);
        }

        /// <summary>Whether an idle screen named the confirmation of stan (one: "Trace n"; several: their traces).</summary>
        private static bool Said(EngineRig rig, int stan)
        {
            string trace = stan.ToString("000000");
            return rig.Screens.Any(s => s.Id == ScreenId.Idle && s.English2 == "Rev. confirmed"
                && ((s.English3 ?? "").Contains(trace) || (s.English4 ?? "").Contains(trace)));
        }

        [TestMethod]
        public void AConfirmationMadeBeforeIdleIsStillSaidAfterAPowerCut()
        {
            var rig = new EngineRig().Ready();
            rig.HostSilent = true;
            rig.Sale("6000", EngineRig.Contactless());
            rig.Fire(EngineTimer.HostAnswer);
            rig.Run();
            rig.Fire(EngineTimer.HostAnswer);
            rig.Dismiss();
            int stan = rig.State.Reversal.Stan;

            // The merchant signs on (menu 5): the reversal goes first and the host confirms it;
            // the power goes while the sign-on's outcome is on the screen, before idle.
            rig.HostSilent = false;
            rig.Keys("FFF5");
            rig.Run();
            Assert.IsNull(rig.State.Reversal, rig.Text());
            Assert.IsFalse(Said(rig, stan), "not at idle yet");
            Assert.IsTrue(rig.State.LastReversal.NoticeDue, "the notice is on flash");
            rig.Ready();
            rig.Run();
            Assert.IsTrue(Said(rig, stan), "the confirmation of trace " + stan + " was never said\n" + rig.Text());
            Assert.AreEqual("READY|Rev. confirmed|Trace 000002|Slip: menu 8", Rows(rig.Screen, true));

            // Said once: the write that says so is durable too.
            Assert.IsFalse(rig.State.LastReversal.NoticeDue);
            rig.Ready();
            Assert.AreEqual("READY|ENTER sale/FUNC||", Rows(rig.Screen, true), "said once: not again after a second restart");
        }

        [TestMethod]
        public void TwoConfirmationsBeforeIdleAreBothSaid_AndMenu8PrintsEitherSlipByItsTrace()
        {
            var rig = new EngineRig().Ready();
            rig.HostSilent = true;
            rig.Sale("6000", EngineRig.Contactless());
            rig.Fire(EngineTimer.HostAnswer);
            rig.Run();
            rig.Fire(EngineTimer.HostAnswer);
            rig.Dismiss();
            int first = rig.State.Reversal.Stan;

            // Sale B: the host confirms A's reversal (sent first), then B's request goes unanswered.
            rig.Keys("E7000E");
            rig.Card(EngineRig.Contactless());
            rig.Run();
            byte[] reversal = rig.TakeUnanswered();
            Assert.IsNotNull(reversal, rig.Text());
            rig.Deliver(rig.Host.Handle(reversal, 0, reversal.Length));
            rig.Run();
            Assert.AreEqual(first, rig.State.LastReversal.Stan, "A confirmed\n" + rig.Text());
            rig.Fire(EngineTimer.HostAnswer);
            rig.Run();
            int second = rig.State.Reversal.Stan;

            // B's reversal, sent straight away, is confirmed while B's outcome is shown.
            reversal = rig.TakeUnanswered();
            Assert.IsNotNull(reversal, rig.Text());
            rig.Deliver(rig.Host.Handle(reversal, 0, reversal.Length));
            rig.Run();
            Assert.IsNull(rig.State.Reversal, "B confirmed\n" + rig.Text());
            rig.Dismiss();
            Assert.IsTrue(Said(rig, second), rig.Text());
            Assert.IsTrue(Said(rig, first), "trace " + first + "'s confirmation was never said (overwritten by " + second + ")");
            Assert.AreEqual("READY|Rev. confirmed|" + first.ToString("000000") + " " + second.ToString("000000") + "|Slip: menu 8", Rows(rig.Screen, true));

            // Both slips stay printable: menu 8 asks for the trace (ENTER alone: the latest).
            rig.Prints.Clear();
            rig.Keys("FFF8");
            Assert.AreEqual("REVERSAL SLIP|Trace/ENTER=last", rig.Screen.English1 + "|" + rig.Screen.English2);
            rig.Keys(first.ToString() + "E");
            rig.Run();
            StringAssert.Contains(Printed(rig), "凭证号 TRACE:" + first.ToString("000000") + "\n");
            StringAssert.Contains(Printed(rig), "金额 AMT:RMB 60.00\n");
            rig.Dismiss();
            rig.Prints.Clear();
            rig.Keys("FFF8E");
            rig.Run();
            StringAssert.Contains(Printed(rig), "凭证号 TRACE:" + second.ToString("000000") + "\n");
            StringAssert.Contains(Printed(rig), "金额 AMT:RMB 70.00\n");
        }

    }
}
