using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosFirmware.App.Engine;
using PosFirmware.Payments.Outcomes;
using PosFirmware.Payments.State;
using PosFirmware.UnitTests.Support;

namespace PosFirmware.UnitTests.Engine
{
    /// <summary>
    /// A reversal the host refuses for want of keys (A0, 77, 99) did not reach the host's books:
    /// after the new sign-on it goes again within the same trigger (still within its attempts),
    /// instead of leaving the merchant with "reversal pending" until the next transaction.
    /// </summary>
    [TestClass]
    public sealed class ReversalAfterSignOnTests
    {
        private const string Pan = "6228480000000000001";

        /// <summary>A sale (STAN 2) the host applied whose answer and first reversal were lost: reversal pending, 1 attempt.</summary>
        private static EngineRig ReversalPending()
        {
            var rig = new EngineRig().Ready();
            rig.HostSilent = true;
            rig.Sale("6000", EngineRig.Contactless());
            byte[] sale = rig.TakeUnanswered();
            rig.Host.Handle(sale, 0, sale.Length);
            rig.Fire(EngineTimer.HostAnswer);
            rig.Run();
            Assert.IsNotNull(rig.TakeUnanswered(), "the reversal went at once\n" + rig.Text());
            rig.Fire(EngineTimer.HostAnswer);
            rig.Run();
            Assert.AreEqual(1, rig.State.Reversal.Attempts, rig.Text());
            rig.Dismiss();
            rig.HostSilent = false;
            return rig;
        }

        /// <summary>The host signs the terminal on again behind its back: the terminal's MAC key is stale there.</summary>
        private static void HostChangesKeys(EngineRig rig)
        {
            byte[] signOn = TestHost.Seal(rig.Setup.Profile, TestHost.SignOnRequest(rig.Setup.Profile), null);
            rig.Host.Handle(signOn, 0, signOn.Length);
        }

        [TestMethod]
        public void ReversalAnsweredA0_SignOn_ReversalAgain_ThenTheSale_InOneTrigger()
        {
            var rig = ReversalPending();
            HostChangesKeys(rig);
            rig.Trace.Clear();
            rig.Sale("6000", EngineRig.Contactless());
            string t = rig.Text();
            // 0400, or the repeat MTI 0401 where the profile wants it.
            int first = t.IndexOf("send 040");
            int signOn = t.IndexOf("send 0800", first + 1);
            int again = t.IndexOf("send 040", signOn + 1);
            Assert.IsTrue(first >= 0 && signOn > first && again > signOn, "reversal (A0), sign-on, reversal again\n" + t);
            Assert.IsTrue(t.IndexOf("send 0200", again) > again, "then the sale\n" + t);
            Assert.IsNull(rig.State.Reversal, t);
            Assert.AreEqual(OutcomeCodes.Approved, rig.Engine.LastOutcome, t);
            Assert.AreEqual(100_000_000 - 6000, rig.Host.AccountFor(Pan).BalanceMinor, "the first sale reversed, the second applied");
        }

        [TestMethod]
        public void ReversalAnsweredA0_EveryTime_StopsAtItsAttempts()
        {
            var rig = ReversalPending();
            int max = rig.Setup.Parameters.ReversalMaxAttempts;

            // Every reversal the host sees from now on fails its MAC check there: new keys behind the terminal's back.
            rig.HostSilent = true;
            rig.Trace.Clear();
            rig.Keys("E6000E");
            rig.Card(EngineRig.Contactless());
            rig.Run();
            for (int i = 0; i < 20; i++)
            {
                byte[] r = rig.TakeUnanswered();
                if (r == null)
                {
                    break;
                }

                if (rig.LastSent.Mti.StartsWith("040"))
                {
                    HostChangesKeys(rig);
                }

                rig.Deliver(rig.Host.Handle(r, 0, r.Length));
                rig.Run();
            }

            string t = rig.Text();
            int reversals = 0;
            for (int p = t.IndexOf("send 040"); p >= 0; p = t.IndexOf("send 040", p + 1))
            {
                reversals++;
            }

            Assert.AreEqual(max - 1, reversals, "the attempts left, no more: no loop\n" + t);
            Assert.IsNull(rig.State.Reversal);
            Assert.AreEqual(1, rig.State.ManualCount, "manual handling once the attempts ran out\n" + t);
            Assert.AreEqual(OutcomeCodes.Approved, rig.Engine.LastOutcome, "then the sale went\n" + t);
        }
    }
}
