using System;
using System.Linq;
using System.Reflection;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosFirmware.App.Engine;
using PosFirmware.Devices;
using PosFirmware.HostSimulator;
using PosFirmware.Messaging.Emv;
using PosFirmware.Messaging.Host;
using PosFirmware.Messaging.Iso8583;
using PosFirmware.Payments.Outcomes;
using PosFirmware.UnitTests.Support;
using PosFirmware.Virtual.Parts.Contactless;
using PosFirmware.Virtual.Terminal;

namespace PosFirmware.UnitTests.Engine
{
    /// <summary>
    /// One owner per buffer: the run loop wipes its CardData as soon as the card event is fed, the
    /// engine works on its own copy, and that copy is wiped once the request is sealed and when the
    /// transaction ends (I7). Through the real run loop, the host's issuer receives field 55 exactly
    /// as the card made it and verifies its cryptogram.
    /// </summary>
    [TestClass]
    public sealed class CardDataOwnershipTests
    {
        private static readonly DateTime Today = new DateTime(2026, 11, 22);

        private static World NewWorld(out SimulatedTerminal t)
        {
            var w = new World(TestHost.UnionPay(), SignOnKeys.Tmk, 20261122);
            t = w.AddTerminal("10020831");
            Assert.IsTrue(t.PowerOn());
            w.RunFor(5_000);
            Assert.AreEqual(ScreenId.Idle, t.Ports.Screen.Id);
            return w;
        }

        [TestMethod]
        public void ATappedSaleThroughTheRunLoopReachesTheIssuerWithTheCardsField55ByteForByte()
        {
            var w = NewWorld(out SimulatedTerminal t);
            var card = new VirtualContactlessCard(VirtualCardSpec.Load("unionpay-quickpass"));
            CardData read = VirtualTap.Read(card, 12345, TransactionType.Sale, Today, 0xBB9E542C);
            Assert.IsNotNull(read, "the virtual card reads");
            byte[] made = (byte[])read.IccData.Clone();

            t.Ports.Type("E12345E");
            t.Ports.Present(read);
            w.RunFor(20_000);

            Assert.AreEqual(OutcomeCodes.Approved, t.Engine.LastOutcome, string.Join("\n", w.Acquirer.Log.TakeLast(6)));
            CollectionAssert.AreEqual(made, w.Acquirer.Issuer.LastField55, "field 55 as the card made it:\n" + Convert.ToHexString(w.Acquirer.Issuer.LastField55 ?? new byte[0]));
            Assert.AreEqual(1, w.Acquirer.Issuer.Verified, "the issuer verified the ARQC");
            Assert.AreEqual(0, w.Acquirer.Issuer.Declined);
            CollectionAssert.AreEqual(card.LastCryptogram, Issuer.TopLevel(w.Acquirer.Issuer.LastField55)[0x9F26]);
            Assert.IsTrue(w.Acquirer.Entries().Single(e => e.Type == TransactionType.Sale).Applied);
        }

        [TestMethod]
        public void TheRunLoopWipesItsCardDataRightAfterFeedingIt()
        {
            var w = NewWorld(out SimulatedTerminal t);
            t.Ports.Type("E12345E");
            t.Ports.Present(EngineRig.Contactless());
            w.RunFor(20_000);
            Assert.AreEqual(OutcomeCodes.Approved, t.Engine.LastOutcome);

            CardData loopCard = t.Ports.LastFilled;
            Assert.IsNotNull(loopCard, "the reader filled the loop's CardData");
            Assert.IsNull(loopCard.Pan, "PAN");
            Assert.IsNull(loopCard.Track2, "track 2");
            Assert.IsNull(loopCard.Expiry, "expiry");
            Assert.IsNull(loopCard.IccData);
            Assert.IsTrue(t.Ports.LastFilledIccData.All(b => b == 0), "the reader's EMV array zeroed: " + Convert.ToHexString(t.Ports.LastFilledIccData));
        }

        [TestMethod]
        public void TheEngineCopiesTheCard_AndForgetsItOnceTheRequestIsSealed()
        {
            var rig = new EngineRig().Ready();
            rig.HostSilent = true;
            CardData tapped = EngineRig.Tapped(12345, TransactionType.Sale);
            byte[] made = (byte[])tapped.IccData.Clone();
            rig.Keys("E12345E");
            rig.Card(tapped);

            // The loop's CardData is wiped already; the engine holds its own copy.
            Assert.IsTrue(rig.LoopIccData.All(b => b == 0), "the rig wiped the loop's array");
            CardData held = EngineCard(rig.Engine);
            byte[] heldIcc = held.IccData;
            Assert.IsFalse(ReferenceEquals(heldIcc, rig.LoopIccData), "the engine's own array");
            CollectionAssert.AreEqual(made, heldIcc);
            Assert.AreEqual("622848*********0001", held.MaskedPan);

            rig.Run();
            IsoMessage sent = rig.LastSent;
            Assert.AreEqual("0200", sent.Mti, rig.Text());
            CollectionAssert.AreEqual(made, sent.GetBytes(55), "the request carries the card's field 55");

            // Sealed: the secrets are gone (I7); the masked PAN stays for the record and the slip.
            Assert.IsNull(held.Pan, "PAN");
            Assert.IsNull(held.Track2, "track 2");
            Assert.IsNull(held.Expiry, "expiry");
            Assert.IsNull(held.IccData, "EMV data");
            Assert.IsTrue(heldIcc.All(b => b == 0), "the engine's EMV array zeroed: " + Convert.ToHexString(heldIcc));
            Assert.AreEqual("622848*********0001", held.MaskedPan);

            // The request message kept for reversals has no track 2 and no spent cryptogram.
            IsoMessage request = (IsoMessage)typeof(TransactionEngine).GetField("_request", BindingFlags.NonPublic | BindingFlags.Instance).GetValue(rig.Engine);
            Assert.IsFalse(request.Has(35), "track 2 left the request message");
            CollectionAssert.AreEqual(Field55.Select(made, Field55.ReversalTags), request.GetBytes(55), "only the reversal's tags stay");

            // And the reversal armed before the send still carries them.
            var reversal = new IsoMessage();
            TestHost.UnionPay().Packager.Unpack(rig.State.Reversal.Message, 0, rig.State.Reversal.Message.Length, reversal, out _);
            CollectionAssert.AreEqual(Field55.Select(made, Field55.ReversalTags), reversal.GetBytes(55));
        }

        [TestMethod]
        public void ASwipedSaleForgetsTrack2AndThePinDigitsOnceTheRequestIsSealed()
        {
            var rig = new EngineRig().Ready();
            rig.HostSilent = true;
            rig.Keys("E500E");
            rig.Card(EngineRig.Swipe());
            rig.Keys("123456E");
            rig.Run();
            Assert.AreEqual("0200", rig.LastSent.Mti, rig.Text());
            Assert.IsTrue(rig.LastSent.Has(35) && rig.LastSent.Has(52), "track 2 and the PIN block left in the request");

            CardData held = EngineCard(rig.Engine);
            Assert.IsNull(held.Pan, "PAN");
            Assert.IsNull(held.Track2, "track 2");
            object pin = typeof(TransactionEngine).GetField("_pin", BindingFlags.NonPublic | BindingFlags.Instance).GetValue(rig.Engine);
            byte[] digits = (byte[])pin.GetType().GetField("_digits", BindingFlags.NonPublic | BindingFlags.Instance).GetValue(pin);
            Assert.IsTrue(digits.All(b => b == 0), "the PIN digits zeroed once the PIN block is made");
        }

        [TestMethod]
        public void TheEngineForgetsTheCardWhenTheTransactionEnds()
        {
            var rig = new EngineRig().Ready();

            // Above the CVM limit a tap asks for the PIN; the cardholder cancels there.
            rig.Keys("E30000E");
            rig.Card(EngineRig.Contactless());
            Assert.AreEqual(ScreenId.EnterPin, rig.Screen.Id, rig.Text());
            CardData held = EngineCard(rig.Engine);
            byte[] heldIcc = held.IccData;
            Assert.IsNotNull(held.Pan);
            Assert.IsNotNull(heldIcc);

            rig.Keys("C");
            rig.Dismiss();
            rig.Advance(5_000);
            Assert.AreEqual(ScreenId.Idle, rig.Screen.Id, rig.Text());
            Assert.IsNull(held.Pan, "PAN");
            Assert.IsNull(held.Track2, "track 2");
            Assert.IsNull(held.IccData, "EMV data");
            Assert.IsNull(held.MaskedPan);
            Assert.IsTrue(heldIcc.All(b => b == 0), "the engine's EMV array zeroed");
            Assert.AreEqual(0, rig.Sent.Count(m => m.Mti == "0200"), "nothing was sent");
        }

        [TestMethod]
        public void AWrongPinWithATapReadsTheCardAgain_AndTheNewCryptogramIsApproved()
        {
            var rig = new EngineRig().Ready();
            rig.Keys("E30000E");
            rig.Card(EngineRig.Contactless("6228480000000000019"));
            rig.Keys("999999E");
            rig.Run();
            Assert.AreEqual(ScreenId.EnterPin, rig.Screen.Id, rig.Text());
            rig.Keys("123456E");
            Assert.AreEqual(ScreenId.PresentCard, rig.Screen.Id, "the first request took the card data: tap again");
            rig.Card(EngineRig.Contactless("6228480000000000019"));
            rig.Run();
            Assert.AreEqual(OutcomeCodes.Approved, rig.Engine.LastOutcome, rig.Text());
            var sales = rig.Sent.Where(m => m.Mti == "0200").ToList();
            Assert.AreEqual(2, sales.Count);
            Assert.AreNotEqual(Convert.ToHexString(Issuer.TopLevel(sales[0].GetBytes(55))[0x9F36]), Convert.ToHexString(Issuer.TopLevel(sales[1].GetBytes(55))[0x9F36]), "a new ATC");
            Assert.AreEqual(2, rig.Host.Issuer.Verified);
        }

        [TestMethod]
        public void AnOfflineTapsAdviceCarriesTheCardsField55_AndTheCardIsForgottenOnceItIsPacked()
        {
            var rig = new EngineRig().Ready();
            CardData tapped = EngineRig.Tapped(1500, TransactionType.Sale);
            byte[] made = (byte[])tapped.IccData.Clone();
            rig.Keys("E1500E");
            rig.Card(tapped);
            Assert.AreEqual(OutcomeCodes.ApprovedOffline, rig.Engine.LastOutcome, rig.Text());
            CardData held = EngineCard(rig.Engine);
            Assert.IsNull(held.Pan, "PAN");
            Assert.IsNull(held.Track2, "track 2");
            Assert.IsNull(held.IccData, "EMV data");
            rig.Dismiss();

            // The advice goes after the next online transaction, with the field 55 of the offline tap.
            rig.Sale("6000", EngineRig.Contactless());
            CollectionAssert.AreEqual(made, rig.Sent.Single(m => m.Mti == "0220").GetBytes(55), rig.Text());
        }

        [TestMethod]
        public void ATappedRefundKeptForResendingCarriesTheCardsField55_AndTheIssuerAcceptsTheResend()
        {
            var rig = new EngineRig().Ready();
            rig.HostSilent = true;
            CardData tapped = EngineRig.Tapped(2500, TransactionType.Refund, "6212340000000000027");
            byte[] made = (byte[])tapped.IccData.Clone();
            rig.Keys("FF3123E2500E");
            rig.Card(tapped);
            rig.Run();
            IsoMessage first = rig.LastSent;
            CollectionAssert.AreEqual(made, first.GetBytes(55), rig.Text());
            Assert.IsNull(EngineCard(rig.Engine).IccData, "the card data went once the refund was sealed and kept");

            // The first send is lost on the way: the host never saw it. The resend is the kept message.
            Assert.IsNotNull(rig.TakeUnanswered());
            rig.Fire(EngineTimer.HostAnswer);
            rig.HostSilent = false;
            rig.Run();
            IsoMessage again = rig.Sent.Last(m => m.Mti == first.Mti);
            Assert.AreNotSame(first, again);
            CollectionAssert.AreEqual(made, again.GetBytes(55), "resent with the card's field 55, cryptogram and all");
            Assert.AreEqual(1, rig.Host.Issuer.Verified, rig.Text());
            Assert.IsNull(rig.State.Refund, "answered");
        }

        [TestMethod]
        public void ATamperedCryptogramIsDeclinedBySaleWith82_AndNothingIsApplied()
        {
            var rig = new EngineRig().Ready();
            CardData tapped = EngineRig.Tapped(12345, TransactionType.Sale, "6212340000000000027");
            int at = Field55Offset(tapped.IccData, 0x9F26);
            tapped.IccData[at] ^= 0x01;
            rig.Sale("12345", tapped);
            Assert.AreEqual(182, rig.Engine.LastOutcome, rig.Text());
            Assert.AreEqual("82", rig.Host.Entries().Single(e => e.Type == TransactionType.Sale).ResponseCode);
            Assert.AreEqual(0, rig.State.BatchCount);
            Assert.AreEqual(100_000_000, rig.Host.AccountFor("6212340000000000027").BalanceMinor);
            Outcome o = OutcomeCatalog.ForResponseCode("82");
            Assert.AreEqual(182, o.Code, "the catalog explains 82");
        }

        /// <summary>The engine's own CardData (private: the test looks at what it holds, not what it shows).</summary>
        private static CardData EngineCard(TransactionEngine engine) =>
            (CardData)typeof(TransactionEngine).GetField("_card", BindingFlags.NonPublic | BindingFlags.Instance).GetValue(engine);

        /// <summary>Where tag's value starts in a field 55 (top level, short lengths).</summary>
        internal static int Field55Offset(byte[] icc, uint tag)
        {
            int p = 0;
            while (p < icc.Length)
            {
                uint t = icc[p++];
                if ((t & 0x1F) == 0x1F)
                {
                    t = (t << 8) | icc[p++];
                }

                int length = icc[p++];
                if (t == tag)
                {
                    return p;
                }

                p += length;
            }

            throw new ArgumentException("no tag " + tag.ToString("X"));
        }

        [TestMethod]
        public void ThePanBytesAndThePinBlockOfAPinSaleAreZeroedWhenItEnds()
        {
            var rig = new EngineRig().Ready();
            SecretWatch watch = SecretWatch.Start();
            try
            {
                rig.Sale("30000", EngineRig.Contactless(), "123456");
                Assert.AreEqual(OutcomeCodes.Approved, rig.Engine.LastOutcome, rig.Text());
                Assert.IsTrue(rig.Sent.Any(m => m.Mti == "0200" && m.Has(52)), "a PIN went online");
                Assert.IsTrue(watch.Count >= 2 && !watch.Overflowed, "the PAN bytes and the PIN block were made as secrets: " + watch.Count);
                for (int i = 0; i < watch.Count; i++)
                {
                    Assert.IsTrue(SecretWatch.IsZero(watch.Buffer(i)), "secret buffer " + i + " of " + watch.Count + " (length " + watch.Buffer(i).Length + ") not zeroed");
                }
            }
            finally
            {
                watch.Stop();
            }
        }
    }
}
