using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosFirmware.Messaging.Iso8583;
using PosFirmware.Payments.Outcomes;
using PosFirmware.UnitTests.Support;

namespace PosFirmware.UnitTests.Engine
{
    /// <summary>
    /// The 0510 carries no MAC: its verdict digit is believed only beside host totals equal to the
    /// terminal's (Messaging/Host/README.md rule 3). One flipped bit must not make the terminal
    /// end as balanced (207) what the host did not call balanced.
    /// </summary>
    [TestClass]
    public sealed class UnprotectedVerdictTests
    {
        [TestMethod]
        public void ABalancedDigitBesideOtherTotalsIsTakenAsNotBalanced()
        {
            var rig = new EngineRig().Ready();
            rig.Sale("6000", EngineRig.Swipe(), "");
            Assert.AreEqual(OutcomeCodes.Approved, rig.Engine.LastOutcome, rig.Text());
            rig.Dismiss();

            rig.HostSilent = true;
            rig.Keys("FFF1E");
            rig.Run();
            byte[] settle = rig.TakeUnanswered();
            byte[] answer = rig.Host.Handle(settle, 0, settle.Length);
            var a = new IsoMessage();
            Assert.AreEqual(IsoStatus.Ok, rig.Setup.Profile.Packager.Unpack(answer, 0, answer.Length, a, out _));
            string f48 = a.GetString(48);
            Assert.AreEqual("000000006000001", f48.Substring(0, 15));
            Assert.AreEqual('1', f48[30]);
            // On the way one bit of the host's debit amount flips (60.00 -> 60.01); the digit still says 1.
            a.Set(48, "000000006001" + f48.Substring(12));
            rig.Deliver(TestHost.Seal(rig.Setup.Profile, a, null));
            rig.HostSilent = false;
            rig.Run();

            IsoMessage end = rig.Sent.Last(m => m.Mti == "0320");
            Assert.AreEqual("202", end.GetString(60).Substring(8, 3), "ended as not balanced, after the upload\n" + rig.Text());
            Assert.AreEqual("0001", end.GetString(48));
            Assert.AreEqual(OutcomeCodes.SettledAfterUpload, rig.Engine.LastOutcome, rig.Text());
            Assert.IsTrue(rig.Host.IsSettled(TestHost.Terminal.TerminalId, 1));
        }
    }
}
