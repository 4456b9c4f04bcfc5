using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosFirmware.App.Engine;
using PosFirmware.Devices;
using PosFirmware.HostSimulator;
using PosFirmware.Messaging.Host;
using PosFirmware.Messaging.Iso8583;
using PosFirmware.Payments.Outcomes;
using PosFirmware.UnitTests.Engine;
using PosFirmware.UnitTests.Support;

namespace PosFirmware.UnitTests.Simulation
{
    /// <summary>
    /// A real acquirer issues working keys only to terminals it registered; any other sign-on gets
    /// 97 (terminal not registered). The terminal shows that code's outcome and does not loop.
    /// </summary>
    [TestClass]
    public sealed class TerminalRegistrationTests
    {
        private static IsoMessage SignOn(Acquirer host, string terminalId)
        {
            HostProfile profile = host.Profile;
            var request = new IsoMessage();
            NetworkBuilder.SignOn(profile, new TerminalIdentity(terminalId, "308640041110003", "001"), 7, 1, request);
            return HostExchange.Send(host, request);
        }

        [TestMethod]
        public void UnknownTerminal_Gets97AndNoKeys_UntilRegistered()
        {
            var host = new Acquirer(TestHost.UnionPay(), SignOnKeys.Tmk, 1);
            IsoMessage known = SignOn(host, Acquirer.DefaultTerminalId);
            Assert.AreEqual("00", known.GetString(39));
            Assert.IsTrue(known.Has(62), "keys for the default terminal");

            IsoMessage unknown = SignOn(host, "99999999");
            Assert.AreEqual("0810", unknown.Mti);
            Assert.AreEqual("97", unknown.GetString(39));
            Assert.AreEqual("99999999", unknown.GetString(41));
            Assert.IsFalse(unknown.Has(62), "no keys for a terminal the host does not know");
            Assert.IsFalse(host.IsRegistered("99999999"));

            host.RegisterTerminal("99999999");
            Assert.AreEqual("00", SignOn(host, "99999999").GetString(39));
        }

        [TestMethod]
        public void AHostForOtherTerminalsOnly_RefusesTheDefault()
        {
            var host = new Acquirer(TestHost.UnionPay(), SignOnKeys.Tmk, 1, new[] { "20000000", "20000001" });
            Assert.AreEqual("97", SignOn(host, Acquirer.DefaultTerminalId).GetString(39));
            Assert.AreEqual("00", SignOn(host, "20000001").GetString(39));
        }

        [TestMethod]
        public void TheTerminalShows97_AndTriesOncePerTrigger()
        {
            var rig = new EngineRig(host: new Acquirer(TestHost.UnionPay(), SignOnKeys.Tmk, 7, new[] { "99999999" }));
            rig.Boot();
            rig.Run();
            string t = rig.Text();
            Assert.AreEqual(1, rig.Sent.Count(m => m.Mti == "0800"), "one sign-on\n" + t);
            Assert.AreEqual(197, rig.Engine.LastOutcome, t);
            Assert.AreEqual(197, rig.Screen.OutcomeCode);
            Assert.AreEqual("终端未登记", rig.Screen.Chinese2);
            Assert.IsFalse(rig.Engine.IsSignedOn);

            // Time passes: back at idle, nothing sent on its own.
            rig.Advance(60_000);
            rig.Run();
            Assert.AreEqual(Phase.Idle, rig.Engine.Phase, rig.Text());
            Assert.AreEqual(1, rig.Sent.Count, "no loop\n" + rig.Text());

            // A sale tries the sign-on once more, and says why it cannot go.
            rig.Sale("6000", EngineRig.Contactless());
            Assert.AreEqual(2, rig.Sent.Count(m => m.Mti == "0800"), rig.Text());
            Assert.IsFalse(rig.Sent.Any(m => m.Mti == "0200"), "nothing financial without keys");
            Assert.AreEqual(197, rig.Engine.LastOutcome, rig.Text());
        }
    }
}
