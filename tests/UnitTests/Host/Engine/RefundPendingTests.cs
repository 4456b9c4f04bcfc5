using PosFirmware.App.Input;
using PosFirmware.App.Slips;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosFirmware.App.Engine;
using PosFirmware.Devices;
using PosFirmware.Messaging.Host;
using PosFirmware.Messaging.Iso8583;
using PosFirmware.Payments.Outcomes;

namespace PosFirmware.UnitTests.Engine
{
    /// <summary>
    /// A refund cannot be reversed, so one whose answer is lost may stand at the host: the terminal
    /// keeps it on flash from before it leaves, says "refund pending, do not repeat", resends it
    /// unchanged (same STAN; only the MAC of the moment, and no track data) before anything else
    /// goes, and takes the host's answer to the repeat as its result. A merchant who repeated it
    /// would credit the cardholder twice.
    /// </summary>
    [TestClass]
    public sealed class RefundPendingTests
    {
        private const string Pan = "6228480000000000001";
        private const long Opening = 100_000_000;

        /// <summary>A swiped refund of 25.00 (STAN 2) that reaches the host, which applies it, but whose answer is lost.</summary>
        private static EngineRig RefundAnswerLost(out IsoMessage first, HostProfile profile = null)
        {
            var rig = new EngineRig(profile).Ready();
            rig.HostSilent = true;
            rig.Keys("FF3123E2500E");
            rig.Card(EngineRig.Swipe());
            rig.Run();
            first = rig.LastSent;
            Assert.AreEqual(rig.Setup.Profile.Codes(TransactionType.Refund).Mti, first.Mti, rig.Text());
            byte[] request = rig.TakeUnanswered();
            rig.Host.Handle(request, 0, request.Length);
            Assert.AreEqual(Opening + 2500, rig.Host.AccountFor(Pan).BalanceMinor, "the host applied it");
            Assert.IsNotNull(rig.State.Refund, "kept on flash before it left");
            rig.Fire(EngineTimer.HostAnswer);
            return rig;
        }

        /// <summary>The immediate resend after the outcome is lost too (the host never sees it).</summary>
        private static void ResendLost(EngineRig rig)
        {
            rig.Run();
            Assert.IsNotNull(rig.TakeUnanswered(), "resent at once\n" + rig.Text());
            rig.Fire(EngineTimer.HostAnswer);
            rig.Run();
        }

        private static void AssertResentUnchanged(IsoMessage first, IsoMessage again)
        {
            Assert.AreEqual(first.Mti, again.Mti, "the same MTI");
            Assert.AreEqual(first.GetString(11), again.GetString(11), "the same STAN");
            Assert.IsTrue(first.Has(35), "the first send carried the track");
            Assert.IsFalse(again.Has(35), "no track data from flash (I7)");
            for (int f = 2; f < 64; f++)
            {
                if (f == 35)
                {
                    continue;
                }

                object a = first.Get(f);
                object b = again.Get(f);
                Assert.AreEqual(a == null, b == null, "field " + f + " present alike");
                if (a is byte[] x)
                {
                    CollectionAssert.AreEqual(x, (byte[])b, "field " + f);
                }
                else if (a != null)
                {
                    Assert.AreEqual((string)a, (string)b, "field " + f);
                }
            }

            Assert.IsTrue(again.Has(64), "MACed with the key of the moment");
        }

        [TestMethod]
        public void NoAnswer_SaysPendingDoNotRepeat_OnScreenAndSlip()
        {
            var rig = RefundAnswerLost(out _);
            string t = rig.Text();
            Assert.AreEqual(OutcomeCodes.RefundPending, rig.Engine.LastOutcome, t);
            Assert.AreEqual(OutcomeCodes.RefundPending, rig.Screen.OutcomeCode, t);
            Assert.AreEqual("退货处理中", rig.Screen.Chinese1);
            Assert.AreEqual("请勿重复退货", rig.Screen.Chinese2);
            StringAssert.Contains(rig.Screen.English1 + " " + rig.Screen.English2, "Refund pending Do not repeat");
            string slip = string.Join("\n", rig.Prints.Last());
            StringAssert.Contains(slip, "REFUND PENDING: DO NOT REPEAT", slip);
            StringAssert.Contains(slip, "请勿重复", slip);
            Assert.AreEqual(OutcomeCodes.RefundPending, rig.State.Last.OutcomeCode, "the last transaction says so too");
            Assert.AreEqual(0, rig.State.BatchCount, "not in the batch until answered");
        }

        [TestMethod]
        public void ASwipedRefundThatNeverReachedTheHost_IsRefusedOnResend_NotApprovedWithoutItsTrack2()
        {
            // Track 2 never goes to flash (I7), so the kept copy of a swiped refund has none; if the first
            // send was lost before the host saw it, the resend is a "swiped" request without track 2,
            // which an acquirer refuses (30). Nothing was credited, and the result is final.
            var rig = new EngineRig().Ready();
            rig.HostSilent = true;
            rig.Keys("FF3123E2500E");
            rig.Card(EngineRig.Swipe());
            rig.Run();
            Assert.IsNotNull(rig.TakeUnanswered(), "the first send, lost on the way");
            rig.Fire(EngineTimer.HostAnswer);
            rig.Run();
            rig.HostSilent = false;
            byte[] resend = rig.TakeUnanswered();
            Assert.IsNotNull(resend, rig.Text());
            IsoMessage sent = rig.LastSent;
            StringAssert.StartsWith(sent.GetString(22), "02");
            Assert.IsFalse(sent.Has(35), "no track 2 kept");
            rig.Deliver(rig.Host.Handle(resend, 0, resend.Length));
            rig.Run();
            Assert.AreEqual(130, rig.State.Last.OutcomeCode, "the last transaction has its result\n" + rig.Text());
            Assert.IsNull(rig.State.Refund, "answered: no longer pending");
            Assert.AreEqual(Opening, rig.Host.AccountFor(Pan).BalanceMinor, "nothing credited");
        }

        [TestMethod]
        public void Pending_IsResentUnchangedBeforeTheNextSale_AndItsAnswerIsItsResult()
        {
            var rig = RefundAnswerLost(out IsoMessage first);
            ResendLost(rig);
            Assert.AreEqual(1, rig.State.Refund.Attempts, "the resend is counted on flash");
            rig.Dismiss();
            rig.HostSilent = false;
            rig.Trace.Clear();
            int sent = rig.Sent.Count;
            rig.Sale("6000", EngineRig.Contactless());
            string t = rig.Text();
            int refund = t.IndexOf("persist CountRefundAttempt 2\nsend 0220 000002\n");
            int sale = t.IndexOf("send 0200 000003");
            Assert.IsTrue(refund >= 0 && sale > refund, "the refund goes again before the sale\n" + t);
            StringAssert.Contains(t, "persist RefundAnswered record=Refund/2/0 last=0/None event=0\n");
            AssertResentUnchanged(first, rig.Sent[sent]);
            Assert.AreEqual(OutcomeCodes.Approved, rig.Engine.LastOutcome, t);

            Assert.IsNull(rig.State.Refund, "answered: nothing pending");
            Assert.AreEqual(2500, rig.State.FindInBatch(2).Entry.AmountMinor, "the refund is in the batch");
            Assert.AreEqual(OutcomeCodes.Approved, rig.State.FindInBatch(2).OutcomeCode);
            Assert.AreEqual(Opening + 2500 - 6000, rig.Host.AccountFor(Pan).BalanceMinor, "credited once, debited once");
            Assert.IsTrue(rig.Prints.Any(p => string.Join("\n", p).Contains("CARDHOLDER")), "the refund's slips print once answered");
        }

        [TestMethod]
        public void ResendAnsweredByAnUnMacedDecline_StaysPending_AMacedDeclineIsFinal()
        {
            var rig = RefundAnswerLost(out _);
            rig.Run();
            IsoMessage resend = rig.LastSent;
            Assert.IsNotNull(rig.TakeUnanswered(), rig.Text());

            // A0 garbled on the way ("A1", no MAC): it says nothing about the original, which the host applied.
            rig.Deliver(Support.TestHost.Answer(rig.Setup.Profile, resend, "A1", null, null));
            rig.Run();
            Assert.IsNotNull(rig.State.Refund, "still pending\n" + rig.Text());
            Assert.AreEqual(0, rig.State.BatchCount);
            Assert.IsFalse(rig.Text().Contains("RefundAnswered"), rig.Text());

            // A real decline, MACed by the host, is the refund's result.
            rig.Dismiss();
            rig.HostSilent = false;
            rig.Host.ForceCode = m => m.GetString(11) == "000002" ? "05" : null;
            rig.Sale("6000", EngineRig.Contactless());
            string t = rig.Text();
            StringAssert.Contains(t, "persist RefundAnswered last=105/None event=105\n");
            Assert.IsNull(rig.State.Refund, t);
            Assert.IsNull(rig.State.FindInBatch(2), "declined: not in the batch");
            Assert.AreEqual(OutcomeCodes.Approved, rig.Engine.LastOutcome, "then the sale\n" + t);
        }

        [TestMethod]
        public void International_ResentAsTheSame0200_NotARepeatMti()
        {
            var rig = RefundAnswerLost(out IsoMessage first, HostProfile.International());
            Assert.AreEqual("0200", first.Mti);
            int sent = rig.Sent.Count;
            rig.HostSilent = false;
            rig.Run();
            string t = rig.Text();
            AssertResentUnchanged(first, rig.Sent[sent]);
            Assert.IsNull(rig.State.Refund, t);
            Assert.AreEqual(OutcomeCodes.Approved, rig.State.Last.OutcomeCode, t);
            Assert.AreEqual(Opening + 2500, rig.Host.AccountFor(Pan).BalanceMinor, "credited once");
        }

        [TestMethod]
        public void Pending_IsResentBeforeSettlement_AndTheTotalsAgree()
        {
            var rig = RefundAnswerLost(out _);
            ResendLost(rig);
            rig.Dismiss();
            rig.HostSilent = false;
            rig.Trace.Clear();
            rig.Keys("FFF1E");
            rig.Run();
            string t = rig.Text();
            int refund = t.IndexOf("send 0220 000002");
            int settle = t.IndexOf("send 0500");
            Assert.IsTrue(refund >= 0 && settle > refund, "the refund before the settlement\n" + t);
            Assert.AreEqual(OutcomeCodes.Settled, rig.Engine.LastOutcome, "balanced: the host and the terminal both count the refund\n" + t);
        }

        [TestMethod]
        public void Pending_SurvivesAPowerCut_AndIsResentAtPowerOn()
        {
            var rig = new EngineRig().Ready();
            rig.HostSilent = true;
            rig.Keys("FF3123E2500E");
            rig.Card(EngineRig.Swipe());
            rig.Run();
            IsoMessage first = rig.LastSent;
            byte[] request = rig.TakeUnanswered();
            rig.Host.Handle(request, 0, request.Length);

            // The power goes while the terminal waits for the answer: RAM is gone, the flash keeps the refund.
            rig.HostSilent = false;
            rig.Trace.Clear();
            int sent = rig.Sent.Count;
            rig.Boot();
            Assert.IsNotNull(rig.State.Refund, "recovered from flash");
            Assert.AreEqual(OutcomeCodes.RefundPending, rig.State.Last.OutcomeCode, "the last transaction said pending all along");
            rig.Run();
            string t = rig.Text();
            Assert.IsTrue(t.IndexOf("send 0800") < t.IndexOf("send 0220 000002"), "sign-on, then the refund\n" + t);
            AssertResentUnchanged(first, rig.Sent.First(m => m.Mti == "0220" && rig.Sent.IndexOf(m) >= sent));
            Assert.IsNull(rig.State.Refund, t);
            Assert.IsNotNull(rig.State.FindInBatch(2), "the refund is in the batch");
            Assert.AreEqual(OutcomeCodes.Approved, rig.State.Last.OutcomeCode, "the last transaction has its result");
            Assert.AreEqual(Opening + 2500, rig.Host.AccountFor(Pan).BalanceMinor, "credited once");
        }

        [TestMethod]
        public void ResendsRunOut_ManualHandling_ShownPrintedAndKept_NeverDropped()
        {
            var rig = RefundAnswerLost(out _);
            ResendLost(rig);
            int max = rig.Setup.Parameters.ReversalMaxAttempts;
            for (int i = 1; i < max; i++)
            {
                rig.Dismiss();
                rig.Keys("E6000E");
                rig.Card(EngineRig.Contactless());
                rig.Run();
                Assert.IsNotNull(rig.TakeUnanswered(), "resend " + (i + 1) + "\n" + rig.Text());
                rig.HostSilent = i < max - 1;
                rig.Fire(EngineTimer.HostAnswer);
                rig.Run();
            }

            string t = rig.Text();
            Assert.AreEqual(1 + max, rig.Sent.Count(m => m.Mti == "0220"), "the send and " + max + " resends, no more\n" + t);
            int manual = t.IndexOf("persist MarkRefundManual 2\n");
            Assert.IsTrue(manual >= 0 && t.IndexOf("send 0200") > manual, "nothing new went before the refund's fate was settled; then the sale goes\n" + t);
            Assert.AreEqual(OutcomeCodes.Approved, rig.Engine.LastOutcome, t);
            Assert.IsNull(rig.State.Refund);
            Assert.AreEqual(1, rig.State.ManualRefundCount, "kept for the merchant, until settlement");
            Assert.IsTrue(rig.Prints.Any(p => string.Join("\n", p).Contains("REFUND RESULT UNKNOWN")), "a slip says so");
            Assert.IsTrue(Enumerable.Range(0, rig.State.EventCount).Select(rig.State.EventAt).Any(e => e.Code == OutcomeCodes.RefundUnknown && e.Stan == 2), "logged");

            // And it survives a power cut.
            rig.Boot();
            Assert.AreEqual(1, rig.State.ManualRefundCount);
            Assert.AreEqual(2, rig.State.ManualRefundAt(0).Stan);

            // The totals report and the settlement slip list it until the batch settles.
            rig.Run();
            rig.Prints.Clear();
            rig.Keys("FFF4E");
            rig.Run();
            string report = string.Join("\n", rig.Prints.SelectMany(p => p).Select(SlipMarkup.Plain)) + "\n";
            StringAssert.Contains(report, "\n退货结果未知 REFUNDS UNKNOWN: 1\n  000002 -25.00\n", rig.Text());
            rig.Key(KeyCode.Enter);
            rig.Prints.Clear();
            rig.Keys("FFF1E");
            rig.Run();
            string settlement = string.Join("\n", rig.Prints.SelectMany(p => p).Select(SlipMarkup.Plain)) + "\n";
            StringAssert.Contains(settlement, "\n退货结果未知 REFUNDS UNKNOWN: 1\n  000002 -25.00\n", settlement);
            Assert.AreEqual(0, rig.State.ManualRefundCount, "settled: the slip above was the last word");
        }

        [TestMethod]
        public void ResendAnsweredA0_SignsOnAndResendsInTheSameTrigger()
        {
            var rig = RefundAnswerLost(out _);
            ResendLost(rig);
            rig.Dismiss();
            rig.HostSilent = false;

            // The host moved to new keys the terminal did not see: its next MAC fails there (A0).
            byte[] signOn = Support.TestHost.Seal(rig.Setup.Profile, Support.TestHost.SignOnRequest(rig.Setup.Profile), null);
            rig.Host.Handle(signOn, 0, signOn.Length);
            rig.Trace.Clear();
            rig.Sale("6000", EngineRig.Contactless());
            string t = rig.Text();
            int a = t.IndexOf("send 0220 000002");
            int signOnAgain = t.IndexOf("send 0800", a + 1);
            int b = t.IndexOf("send 0220 000002", signOnAgain + 1);
            Assert.IsTrue(a >= 0 && signOnAgain > a && b > signOnAgain, "refund (A0), sign-on, refund again\n" + t);
            Assert.IsTrue(t.IndexOf("send 0200 000004") > b, "then the sale (STAN 3 went to the sign-on)\n" + t);
            Assert.IsNull(rig.State.Refund);
            Assert.AreEqual(Opening + 2500 - 6000, rig.Host.AccountFor(Pan).BalanceMinor);
        }
    }
}
