using PosFirmware.Devices;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosFirmware.App.Engine;
using PosFirmware.App.Input;
using PosFirmware.HostSimulator;
using PosFirmware.Payments.Journal;
using PosFirmware.Payments.Outcomes;
using PosFirmware.Payments.State;
using PosFirmware.UnitTests.Support;
using PosFirmware.Virtual.Terminal;

namespace PosFirmware.UnitTests.Engine
{
    /// <summary>Nothing in a step throws and nothing is dropped silently: every cap on a step's work is a counted fault.</summary>
    [TestClass]
    public sealed class StepLimitsTests
    {
        [TestMethod]
        public void AStepWithMoreActionsThanTheListHolds_DoesNotThrow_AndCountsEachOneLeftOut()
        {
            var rig = new EngineRig();
            rig.Boot();
            var small = new ActionList(2);
            var e = new EngineEvent().Reset(EventKind.PowerOn, 5_000);

            // Power-on shows the starting screen, connects and arms the connect timer: more than 2.
            rig.Engine.Step(e, small);

            Assert.AreEqual(2, small.Count);
            Assert.IsTrue(small.Overflows > 0, "the actions left out are counted");
            Assert.AreEqual(ActionKind.Show, small[0].Kind, "the first ones are kept, in order");
        }

        [TestMethod]
        public void TheLinkWorkOfOneStepIsCapped_CountedAsAFault_AndGoesOnInTheNextStep()
        {
            var rig = new EngineRig();
            rig.Setup.LinkRoundsPerStep = 1;
            rig.Ready();
            rig.RefuseOp = PersistOp.TakeStanAndArmReversal;

            // The refused write-ahead takes one round; closing the link would take a second.
            rig.Sale("6000", EngineRig.Contactless());
            Assert.AreEqual(OutcomeCodes.StorageError, rig.Engine.LastOutcome, rig.Text());
            Assert.AreEqual(1, rig.Engine.Faults, rig.Text());
            Assert.AreEqual(LinkState.Ready, rig.Engine.Link, "the close is held back, not dropped");

            rig.Trace.Clear();
            rig.Key(KeyCode.Enter);
            StringAssert.Contains(rig.Text(), "> Key Enter\n");
            StringAssert.Contains(rig.Text(), "close\n");
            Assert.AreEqual(LinkState.Closed, rig.Engine.Link);
        }

        [TestMethod]
        public void WithoutTheCap_TheSameStepClosesTheLink_AndCountsNoFault()
        {
            var rig = new EngineRig().Ready();
            rig.RefuseOp = PersistOp.TakeStanAndArmReversal;
            rig.Sale("6000", EngineRig.Contactless());
            Assert.AreEqual(0, rig.Engine.Faults);
            Assert.AreEqual(LinkState.Closed, rig.Engine.Link, rig.Text());
        }

        /// <summary>Refuses the next write-ahead of a reversal (a flash error).</summary>
        private sealed class RefuseReversal : DurableStateDecorator
        {
            public bool Armed = true;

            public override JournalStatus TakeStanAndArmReversal(PendingReversal r, out int stan)
            {
                if (Armed)
                {
                    Armed = false;
                    stan = 0;
                    return JournalStatus.FlashError;
                }

                return Inner.TakeStanAndArmReversal(r, out stan);
            }
        }

        [TestMethod]
        public void TheRunLoopReportsTheFaultsAndTheRefusedWrites()
        {
            var w = new World(TestHost.UnionPay(), SignOnKeys.Tmk, 20261201);
            SimulatedTerminal t = w.AddTerminal("10020831");
            t.Setup.LinkRoundsPerStep = 1;
            var refuse = new RefuseReversal { Armed = false };
            t.DurableFilter = journal =>
            {
                refuse.Inner = journal;
                return refuse;
            };
            Assert.IsTrue(t.PowerOn());
            w.RunFor(5_000);
            Assert.AreEqual(ScreenId.Idle, t.Ports.Screen.Id);
            Assert.AreEqual(0, t.Loop.Faults);

            refuse.Armed = true;
            t.Ports.Type("E6000E");
            t.Ports.Present(EngineRig.Contactless());
            w.RunFor(20_000);
            Assert.AreEqual(OutcomeCodes.StorageError, t.Engine.LastOutcome);
            Assert.AreEqual(1, t.Loop.PersistFailures, "the refused write, from the engine's note");
            Assert.AreEqual(1, t.Loop.Faults, "the capped step");
            Assert.AreEqual(t.Engine.Faults, t.Loop.Faults);
            Assert.IsNull(t.State.Reversal);
        }

        [TestMethod]
        public void AConnectTheNetworkRefusesAtOnce_IsFedAsTheNextEvent_AndTheEngineOwnsTheLinkState()
        {
            var w = new World(TestHost.UnionPay(), SignOnKeys.Tmk, 20261201);
            SimulatedTerminal t = w.AddTerminal("10020831");
            Assert.IsTrue(t.PowerOn());
            w.RunFor(5_000);
            Assert.AreEqual(ScreenId.Idle, t.Ports.Screen.Id);
            Assert.AreNotEqual(0, t.Loop.Status() & PosFirmware.Devices.StatusFlags.WifiUp);

            t.Network.SetLinkUp(false);
            t.Ports.Type("E6000E");
            t.Ports.Present(EngineRig.Contactless());
            w.RunFor(20_000);
            Assert.AreEqual(OutcomeCodes.NoNetwork, t.Engine.LastOutcome, "the refusal came back as ConnectFailed (link down)");
            Assert.AreEqual(LinkState.Closed, t.Engine.Link);
            Assert.IsTrue(t.Engine.NetworkDown);
            Assert.AreEqual(0, t.Loop.Status() & PosFirmware.Devices.StatusFlags.WifiUp, "the loop reads the engine's link state");
            Assert.IsNull(t.State.Reversal, "nothing left, nothing to reverse");
            Assert.AreEqual(0, t.Loop.Faults);

            t.Ports.Type("E");
            w.RunFor(1_000);
            t.Network.SetLinkUp(true);
            t.Ports.Type("E6000E");
            t.Ports.Present(EngineRig.Contactless());
            w.RunFor(20_000);
            Assert.AreEqual(OutcomeCodes.Approved, t.Engine.LastOutcome);
            Assert.IsFalse(t.Engine.NetworkDown);
            Assert.AreNotEqual(0, t.Loop.Status() & PosFirmware.Devices.StatusFlags.WifiUp);
        }
    }
}
