using System.Linq;
using System.Reflection;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosFirmware.App.Engine;
using PosFirmware.Devices;
using PosFirmware.Messaging.Host;

namespace PosFirmware.UnitTests.Engine
{
    /// <summary>
    /// The engine's own wipes of card secrets (I7, issue 12 point 6), each seen from outside the step
    /// that made them: every test fails when the named wipe is deleted.
    /// </summary>
    [TestClass]
    public sealed class EngineWipeTests
    {
        private static object Field(object o, string name) =>
            o.GetType().GetField(name, BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(o)!;

        private static EngineRig SwipedSaleWithPinSent()
        {
            var rig = new EngineRig().Ready();
            rig.HostSilent = true;
            rig.Keys("E500E");
            rig.Card(EngineRig.Swipe());
            rig.Keys("123456E");
            rig.Run();
            Assert.AreEqual("0200", rig.LastSent.Mti, rig.Text());
            Assert.IsTrue(rig.LastSent.Has(35) && rig.LastSent.Has(52), "track 2 and the PIN block left in the request");
            return rig;
        }

        /// <summary>TransactionEngine.cs:89 (Array.Clear(_frame, ...) at the next step).</summary>
        [TestMethod]
        public void TheSentFrameWithTrack2AndThePinBlockIsZeroedAtTheNextStep()
        {
            EngineRig rig = SwipedSaleWithPinSent();
            byte[] frame = (byte[])Field(rig.Engine, "_frame");
            Assert.IsFalse(frame.All(b => b == 0), "the frame as sent");

            // The host's answer is the next step: the frame it answers is gone by then.
            byte[] request = rig.TakeUnanswered();
            rig.Deliver(rig.Host.Handle(request, 0, request.Length));
            Assert.IsTrue(frame.All(b => b == 0), "track 2 and the PIN block still in the frame\n" + rig.Text());
        }

        /// <summary>TransactionEngine.Records.cs:79 (_fin.Clear() in ForgetCard).</summary>
        [TestMethod]
        public void TheRequestsPinBlockIsZeroedOnceSealed()
        {
            EngineRig rig = SwipedSaleWithPinSent();
            var fin = (FinancialRequest)Field(rig.Engine, "_fin");
            Assert.IsNull(fin.EncryptedPinBlock, "the PIN block still held after the request was sealed");
            Assert.IsNull(fin.Track2, "track 2 still held after the request was sealed");
        }

        /// <summary>TransactionEngine.Records.cs:240 (Array.Clear(_pack, 0, n) after packing a reversal).</summary>
        [TestMethod]
        public void ThePackScratchHoldsNoPanOnceTheReversalIsKept()
        {
            EngineRig rig = SwipedSaleWithPinSent();
            Assert.IsNotNull(rig.State.Reversal, rig.Text());
            byte[] pack = (byte[])Field(rig.Engine, "_pack");
            Assert.IsTrue(pack.All(b => b == 0), "the packed reversal (PAN, expiry) left in the scratch");
        }

        /// <summary>TransactionEngine.Flow.cs:873 (_pin.Clear() when the PIN entry times out).</summary>
        [TestMethod]
        public void PinDigitsTypedBeforeATimeoutAreZeroedWhileTheTimeoutIsShown()
        {
            var rig = new EngineRig().Ready();
            rig.Keys("E500E");
            rig.Card(EngineRig.Swipe());
            rig.Keys("1234");
            Assert.AreEqual(ScreenId.EnterPin, rig.Screen.Id, rig.Text());
            rig.Fire(EngineTimer.Flow);
            Assert.AreEqual(ScreenId.Outcome, rig.Screen.Id, rig.Text());
            object pin = Field(rig.Engine, "_pin");
            byte[] digits = (byte[])Field(pin, "_digits");
            Assert.IsTrue(digits.All(b => b == 0), "PIN digits kept while the timeout outcome is on the screen");
        }
    }
}
