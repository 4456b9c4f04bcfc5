using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosFirmware.App.Engine;
using PosFirmware.App.Input;
using PosFirmware.Devices;
using PosFirmware.Messaging.Host;
using PosFirmware.Messaging.Iso8583;
using PosFirmware.Payments.Outcomes;
using PosFirmware.Payments.Rules;
using PosFirmware.Payments.State;

namespace PosFirmware.UnitTests.Engine
{
    /// <summary>Offline approvals and advices, settlement in both styles, stored reversals and their retries.</summary>
    [TestClass]
    public sealed class BackgroundTests
    {
        private const string Pan = "6228480000000000001";

        [TestMethod]
        public void SmallContactlessSaleIsApprovedOffline_AndAdvisedAfterTheNextOnlineTransaction()
        {
            var rig = new EngineRig().Ready();
            rig.Sale("1500", EngineRig.Contactless());
            string t = rig.Text();
            StringAssert.Contains(t, "> CardRead\npersist TakeStan 2\npersist Complete record=Sale/2/1/offline advice=2 last=1/None event=1\nshow Outcome 1 15.00\nbeep Success\nprint");
            Assert.IsFalse(t.Contains("connect"), "Y1: no host");
            Assert.AreEqual(1, rig.State.AdviceCount);
            Assert.AreEqual(100_000_000, rig.Host.AccountFor(Pan).BalanceMinor);
            rig.Dismiss();

            rig.Trace.Clear();
            rig.Sale("6000", EngineRig.Contactless());
            t = rig.Text();
            int request = t.IndexOf("send 0200 000003");
            int advice = t.IndexOf("send 0220 000002");
            Assert.IsTrue(request >= 0 && advice > request, "the advice follows the online transaction\n" + t);
            StringAssert.Contains(t, "persist CountAdviceAttempt 2\nsend 0220 000002\n");
            StringAssert.Contains(t, "persist AdviceDone 2\n");
            Assert.AreEqual(0, rig.State.AdviceCount);
            Assert.AreEqual(100_000_000 - 7500, rig.Host.AccountFor(Pan).BalanceMinor, "I1: the offline sale reached the host once");
            Assert.IsFalse(rig.Sent.Single(m => m.Mti == "0220").Has(35), "no track data in an advice");
        }

        [TestMethod]
        public void OfflineStopsAtTheCountCap()
        {
            var p = new TerminalParameters { OfflineMaxCount = 2 };
            var rig = new EngineRig(parameters: p).Ready();
            rig.ConnectResult = PosFirmware.Hal.NetStatus.LinkDown;
            for (int i = 0; i < 3; i++)
            {
                rig.Sale("1000", EngineRig.Contactless());
                rig.Dismiss();
            }

            Assert.AreEqual(2, rig.State.AdviceCount);
            Assert.AreEqual(2, rig.State.BatchCount);
        }

        /// <summary>The advices sent while the host refuses them, packed without MAC (hex), with their MTIs.</summary>
        private static string[] RefusedAdvices(HostProfile profile, out string[] mtis)
        {
            var rig = new EngineRig(profile).Ready();
            var frames = new System.Collections.Generic.List<string>();
            rig.Sale("1500", EngineRig.Contactless());
            rig.Dismiss();
            rig.Host.ForceCode = m => m.Mti.StartsWith("022") && m.Has(38) && m.GetString(38).StartsWith("Y") ? "96" : null;
            for (int i = 0; i < 3; i++)
            {
                rig.Sale("6000", EngineRig.Contactless());
                rig.Dismiss();
            }

            StringAssert.Contains(rig.Text(), "persist AdviceFailed 2\n");
            Assert.IsTrue(rig.State.AdviceAt(0).Failed);
            var advices = rig.Sent.Where(m => m.Mti.StartsWith("022") && m.GetString(11) == "000002").ToArray();
            mtis = advices.Select(m => m.Mti).ToArray();
            foreach (var m in advices)
            {
                m.Remove(64);
                byte[] packed = new byte[1024];
                Assert.AreEqual(PosFirmware.Messaging.Iso8583.IsoStatus.Ok, profile.Packager.Pack(m, packed, 0, out int n, out _));
                frames.Add(UnitTests.Support.Hex.Encode(packed, 0, n));
            }

            return frames.ToArray();
        }

        [TestMethod]
        public void UnionPayResendsARefusedAdviceUnchanged_ThenMarksItFailed()
        {
            // The UnionPay POS spec has no repeat MTI: the same 0220, byte for byte (but its MAC).
            string[] frames = RefusedAdvices(UnitTests.Support.TestHost.UnionPay(), out string[] mtis);
            CollectionAssert.AreEqual(new[] { "0220", "0220", "0220" }, mtis);
            Assert.AreEqual(frames[0], frames[1]);
            Assert.AreEqual(frames[0], frames[2]);
        }

        /// <summary>The reversals sent for one unanswered sale over two triggers, as packed messages without MAC (hex).</summary>
        private static string[] ReversalAttempts(HostProfile profile, CardData card, string pin, out string[] mtis)
        {
            var rig = new EngineRig(profile).Ready();
            rig.HostSilent = true;
            rig.Sale("6000", card, pin);
            rig.Fire(EngineTimer.HostAnswer);
            rig.Run();
            rig.Fire(EngineTimer.HostAnswer);
            rig.Run();
            rig.Dismiss();
            rig.Sale("6000", card, pin);
            rig.Fire(EngineTimer.HostAnswer);
            rig.Run();
            var reversals = rig.Sent.Where(m => m.Mti.StartsWith("040")).ToArray();
            mtis = reversals.Select(m => m.Mti).ToArray();
            return reversals.Select(m =>
            {
                m.Remove(64);
                byte[] packed = new byte[1024];
                Assert.AreEqual(PosFirmware.Messaging.Iso8583.IsoStatus.Ok, profile.Packager.Pack(m, packed, 0, out int n, out _));
                return UnitTests.Support.Hex.Encode(packed, 0, n);
            }).ToArray();
        }

        [TestMethod]
        public void UnionPayResendsAReversalUnchanged()
        {
            string[] frames = ReversalAttempts(UnitTests.Support.TestHost.UnionPay(), EngineRig.Contactless(), null, out string[] mtis);
            CollectionAssert.AreEqual(new[] { "0400", "0400" }, mtis);
            Assert.AreEqual(frames[0], frames[1]);
        }

        [TestMethod]
        public void InternationalRetriesAReversalAsThe0401Repeat()
        {
            string[] frames = ReversalAttempts(HostProfile.International(), EngineRig.Swipe(), "", out string[] mtis);
            CollectionAssert.AreEqual(new[] { "0400", "0401" }, mtis);
            Assert.AreEqual(frames[0].Substring(8), frames[1].Substring(8), "only the MTI differs (ASCII MTI: 4 bytes)");
            Assert.AreNotEqual(frames[0], frames[1]);
        }

        [TestMethod]
        public void SettlementBalanced_SendsAdvicesFirst_AndOpensTheNextBatch()
        {
            var rig = new EngineRig().Ready();
            rig.Sale("6000", EngineRig.Contactless());
            rig.Dismiss();
            rig.Sale("1500", EngineRig.Contactless());
            rig.Dismiss();
            rig.Trace.Clear();
            rig.Keys("FFF1");
            Assert.AreEqual(ScreenId.ConfirmSettle, rig.Screen.Id);
            Assert.AreEqual("D2 75.00 C0 0.00", rig.Screen.Value);
            rig.Key(KeyCode.Enter);
            rig.Run();
            string t = rig.Text();
            Assert.IsTrue(t.IndexOf("send 0220") < t.IndexOf("send 0500"), t);
            StringAssert.Contains(t, "persist OpenNextBatch event=2\nshow Outcome 2\nbeep Success\n");
            StringAssert.Contains(t, "print 结算单 SETTLEMENT");
            Assert.AreEqual(2, rig.State.Batch);
            Assert.AreEqual(0, rig.State.BatchCount);
            Assert.IsTrue(rig.Host.IsSettled(UnitTests.Support.TestHost.Terminal.TerminalId, 1));
        }

        [TestMethod]
        public void SettlementUnbalanced_UploadsTheBatch_ThenEndsIt()
        {
            var rig = new EngineRig().Ready();
            rig.Sale("6000", EngineRig.Contactless());
            rig.Dismiss();
            rig.Sale("7000", EngineRig.Swipe(), "");
            rig.Dismiss();
            // The host holds a sale of 80.00 in this terminal's batch that the terminal does not (a
            // second terminal under the same id; its STANs 2 and 3 are duplicates, answered as before,
            // its STAN 4 is new): the totals differ.
            var other = new EngineRig(host: rig.Host).Ready();
            for (int i = 0; i < 3; i++)
            {
                other.Sale("8000", EngineRig.Swipe(), "");
                other.Dismiss();
            }

            Assert.AreEqual(8000, rig.Host.Find(UnitTests.Support.TestHost.Terminal.TerminalId, 1, 4)?.AmountMinor, other.Text());
            rig.Keys("FFF1E");
            rig.Run();

            Assert.AreEqual(OutcomeCodes.SettledAfterUpload, rig.Engine.LastOutcome, rig.Text());
            var uploads = rig.Sent.Where(m => m.Mti == "0320").ToList();
            Assert.AreEqual(3, uploads.Count, "two uploads and the batch end");
            Assert.AreEqual("22000001201", uploads[0].GetString(60));
            Assert.AreEqual("22000001201", uploads[1].GetString(60));
            Assert.AreEqual("00000001202", uploads[2].GetString(60), "after an unbalanced settlement the batch end is 202");
            Assert.AreEqual("0002", uploads[2].GetString(48));
            Assert.AreEqual(2, rig.State.Batch);
        }

        /// <summary>
        /// The host never takes the advice of an offline sale: settlement claims the rest (the
        /// offline sale is the acquirer's to settle by hand, on the report), so the host agrees and
        /// nothing is uploaded that the host would refuse as unknown.
        /// </summary>
        [TestMethod]
        public void SettlementLeavesOutAnOfflineSaleWhoseAdviceFailed()
        {
            var rig = new EngineRig().Ready();
            rig.Sale("6000", EngineRig.Contactless());
            rig.Dismiss();
            rig.Sale("1500", EngineRig.Contactless());
            rig.Dismiss();
            rig.Host.ForceCode = m => m.Mti.StartsWith("022") ? "96" : null;
            for (int i = 0; i < 3; i++)
            {
                rig.Keys("FFF1E");
                rig.Run();
                rig.Dismiss();
            }

            Assert.AreEqual(OutcomeCodes.Settled, rig.Engine.LastOutcome, rig.Text());
            IsoMessage settle = rig.Sent.Last(m => m.Mti == "0500");
            Assert.AreEqual("000000006000001000000000000000", settle.GetString(48).Substring(0, 30), "the failed advice's sale is not claimed");
            var ends = rig.Sent.Where(m => m.Mti == "0320").ToList();
            Assert.AreEqual(1, ends.Count, "no upload, the batch end");
            Assert.AreEqual("00000001207", ends[0].GetString(60));
            Assert.AreEqual(2, rig.State.Batch);
        }

        [TestMethod]
        public void InternationalSettlementUploadsAfter95()
        {
            var profile = HostProfile.International();
            var rig = new EngineRig(profile).Ready();
            rig.Sale("6000", EngineRig.Swipe(), "");
            Assert.AreEqual(OutcomeCodes.Approved, rig.Engine.LastOutcome, rig.Text());
            rig.Dismiss();
            rig.Host.ForceCode = null;
            rig.Keys("FFF1E");
            rig.Run();
            Assert.AreEqual(OutcomeCodes.Settled, rig.Engine.LastOutcome, rig.Text());
            Assert.AreEqual("920000", rig.Sent.Last(m => m.Mti == "0500").GetString(3));
        }

        [TestMethod]
        public void AStoredReversalGoesBeforeTheNextTransaction_AndRunsOutIntoManualHandling()
        {
            var rig = new EngineRig().Ready();
            rig.HostSilent = true;
            rig.Sale("6000", EngineRig.Contactless());
            rig.Fire(EngineTimer.HostAnswer);
            rig.Run();
            // The immediate attempt gets no answer either.
            rig.Fire(EngineTimer.HostAnswer);
            rig.Run();
            Assert.AreEqual(1, rig.State.Reversal.Attempts, rig.Text());
            rig.Dismiss();

            // Next sale: the reversal goes first (UnionPay: the same 0400 again); no answer: the sale is not sent.
            rig.Trace.Clear();
            rig.Sale("6000", EngineRig.Contactless());
            StringAssert.Contains(rig.Text(), "send 0400 000002 39=98\n");
            rig.Fire(EngineTimer.HostAnswer);
            rig.Run();
            Assert.AreEqual(OutcomeCodes.ReversalPending, rig.Engine.LastOutcome, rig.Text());
            Assert.IsFalse(rig.Text().Contains("send 0200"));
            rig.Dismiss();

            // Third attempt fails: manual handling with a printed slip, and this sale goes ahead.
            rig.Trace.Clear();
            rig.Sale("6000", EngineRig.Contactless());
            rig.Fire(EngineTimer.HostAnswer);
            rig.Run();
            string t = rig.Text();
            StringAssert.Contains(t, "persist MarkReversalManual 2\nprint 银联POS签购单 POS SALES SLIP / 商户存根 MERCHANT COPY\nbeep Failure\n");
            StringAssert.Contains(t, "persist TakeStanAndArmReversal 3 39=98\nsend 0200 000003\n");
            Assert.IsTrue(rig.Prints.Any(p => p.Contains("冲正不成功，请人工处理")), "the reversal-failure slip");
            Assert.IsFalse(rig.Prints.Any(p => p.Contains("冲正不成功，请人工处理") && p.Any(l => l.Contains("MANUAL") && l.Contains("手输"))), "the reversal-failure slip does not claim a manual entry it never had");
            Assert.AreEqual(1, rig.State.ManualCount);
            Assert.AreEqual(2, rig.State.ManualAt(0).Stan);
            Assert.IsNull(rig.State.ManualAt(0).Message, "no PAN kept for manual handling");
            byte[] request = rig.TakeUnanswered();
            rig.Deliver(rig.Host.Handle(request, 0, request.Length));
            rig.Run();
            Assert.AreEqual(OutcomeCodes.Approved, rig.Engine.LastOutcome, rig.Text());
            Assert.IsNull(rig.State.Reversal);
            Assert.AreEqual(1, rig.State.ManualCount, "still shown until the batch settles");
        }

        [TestMethod]
        public void SettlementWaitsForAPendingReversal()
        {
            var rig = new EngineRig().Ready();
            rig.HostSilent = true;
            rig.Sale("6000", EngineRig.Contactless());
            rig.Fire(EngineTimer.HostAnswer);
            rig.Run();
            rig.Fire(EngineTimer.HostAnswer);
            rig.Run();
            rig.Dismiss();
            rig.Keys("FFF1E");
            rig.Run();
            StringAssert.Contains(rig.Text(), "send 0400 000002");
            rig.Fire(EngineTimer.HostAnswer);
            rig.Run();
            Assert.AreEqual(OutcomeCodes.ReversalPending, rig.Engine.LastOutcome);
            Assert.IsFalse(rig.Sent.Any(m => m.Mti == "0500"));
        }
    }
}
