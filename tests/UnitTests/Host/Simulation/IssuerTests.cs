using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosFirmware.HostSimulator;
using PosFirmware.Messaging.Host;
using PosFirmware.Messaging.Iso8583;
using PosFirmware.Payments.Outcomes;
using PosFirmware.Virtual.Parts.Contactless;

namespace PosFirmware.UnitTests.Simulation
{
    /// <summary>
    /// The host simulator as the issuer of the virtual cards: a genuine ARQC is accepted once, and
    /// every change to the cryptogram or to the data the card signed, a replayed or older ATC, a
    /// field 55 of zeros, another PSN or another issuer's card is declined with 82.
    /// </summary>
    [TestClass]
    public sealed class IssuerTests
    {
        private const string Pan = "6212345678901234569";

        /// <summary>The tags the card signs (TestIssuer, cryptogram version 01), in their order.</summary>
        private static readonly uint[] Signed = { 0x9F02, 0x9F03, 0x9F1A, 0x95, 0x5F2A, 0x9A, 0x9C, 0x9F37, 0x82, 0x9F36, 0x9F10 };

        private static VirtualContactlessCard NewCard(string issuerKey = null)
        {
            VirtualCardSpec spec = VirtualCardSpec.Load("unionpay-quickpass");
            spec.IssuerKey = issuerKey;
            return new VirtualContactlessCard(spec);
        }

        private static IsoMessage Request(VirtualContactlessCard card, string psn = "001")
        {
            var m = new IsoMessage { Mti = "0200" };
            m.Set(2, Pan);
            m.Set(22, "072");
            m.Set(23, psn);
            m.Set(55, VirtualTap.Field55Of(card, 12345, TransactionType.Sale, new DateTime(2026, 11, 22), 0xBB9E542C));
            return m;
        }

        [TestMethod]
        public void TheDerivationsMatchPublishedValues()
        {
            // The examples published with pyemv (knovichikhin/pyemv README): option A, common session key, ARQC.
            byte[] iccMk = TestIssuer.IccMasterKey(Convert.FromHexString("0123456789ABCDEFFEDCBA9876543210"), "99012345678901234", 45);
            Assert.AreEqual("67F8292358083E5EA7AB7FDA58D53B6B", Convert.ToHexString(iccMk));
            byte[] sk = TestIssuer.CommonSessionKey(iccMk, Convert.FromHexString("1234567890123456"));
            Assert.AreEqual("29B33180E567CE38EA4CBC9D753B0E61", Convert.ToHexString(sk));
            Assert.AreEqual("FA624250B008B59A", Convert.ToHexString(TestIssuer.Cryptogram(sk, Convert.FromHexString("0123456789ABCDEF0123456789ABCDEF"))));
        }

        [TestMethod]
        public void AGenuineCryptogramIsAccepted()
        {
            var issuer = new Issuer();
            Assert.IsNull(issuer.Check(Request(NewCard())));
            Assert.AreEqual(1, issuer.Verified);
        }

        [TestMethod]
        public void OneFlippedBitInTheCryptogramOrInAnySignedTagIsDeclined()
        {
            foreach (uint tag in new uint[] { 0x9F26 }.Concat(Signed))
            {
                foreach (int bit in new[] { 0, 7 })
                {
                    IsoMessage m = Request(NewCard());
                    byte[] icc = m.GetBytes(55);
                    icc[Engine.CardDataOwnershipTests.Field55Offset(icc, tag)] ^= (byte)(1 << bit);
                    Assert.AreEqual(Issuer.CardAuthenticationFailed, new Issuer().Check(m), "tag " + tag.ToString("X") + " bit " + bit);
                }
            }
        }

        [TestMethod]
        public void TagsTheCardDoesNotSignMayDiffer()
        {
            // 9F33 (terminal capabilities) is not in the signed data: a change there is not the issuer's to see.
            IsoMessage m = Request(NewCard());
            byte[] icc = m.GetBytes(55);
            icc[Engine.CardDataOwnershipTests.Field55Offset(icc, 0x9F33)] ^= 0x01;
            Assert.IsNull(new Issuer().Check(m));
        }

        [TestMethod]
        public void AReplayedOrOlderAtcIsDeclined()
        {
            var card = NewCard();
            IsoMessage first = Request(card);
            IsoMessage second = Request(card);
            var issuer = new Issuer();
            Assert.IsNull(issuer.Check(first));
            Assert.AreEqual(Issuer.CardAuthenticationFailed, issuer.Check(first), "the same cryptogram again");

            var other = new Issuer();
            Assert.IsNull(other.Check(second));
            Assert.AreEqual(Issuer.CardAuthenticationFailed, other.Check(first), "an older ATC after a newer one");
            Assert.IsNull(other.Check(Request(card)), "the next tap goes on");
        }

        [TestMethod]
        public void AForgedCryptogramDoesNotBurnTheCardsNextAtc()
        {
            var card = NewCard();
            IsoMessage genuine = Request(card);
            IsoMessage forged = Request(card);
            byte[] icc = (byte[])genuine.GetBytes(55).Clone();
            icc[Engine.CardDataOwnershipTests.Field55Offset(icc, 0x9F26)] ^= 0x80;
            forged.Set(55, icc);
            var issuer = new Issuer();
            Assert.AreEqual(Issuer.CardAuthenticationFailed, issuer.Check(forged));
            Assert.IsNull(issuer.Check(genuine));
        }

        [TestMethod]
        public void AField55OfZerosIsDeclined_AndAChipRequestWithoutOneIsAFormatError()
        {
            IsoMessage m = Request(NewCard());
            m.Set(55, new byte[m.GetBytes(55).Length]);
            Assert.AreEqual(Issuer.CardAuthenticationFailed, new Issuer().Check(m));
            m.Set(55, new byte[] { 0x9F, 0x26 });
            Assert.AreEqual(Issuer.CardAuthenticationFailed, new Issuer().Check(m), "a cut TLV");

            m.Remove(55);
            Assert.AreEqual(Issuer.FormatError, new Issuer().Check(m));
            m.Set(22, "021");
            Assert.IsNull(new Issuer().Check(m), "a swipe without field 55 is not the issuer's business");
        }

        [TestMethod]
        public void AnotherPsnOrAnotherIssuersCardDoesNotVerify()
        {
            Assert.AreEqual(Issuer.CardAuthenticationFailed, new Issuer().Check(Request(NewCard(), "002")));
            Assert.AreEqual(Issuer.CardAuthenticationFailed, new Issuer().Check(Request(NewCard("00112233445566778899AABBCCDDEEFF"))));
        }

        [TestMethod]
        public void FieldFourAndFortyNineMustBeTheAmountAndCurrencyTheCardSigned()
        {
            // The card signed 9F02 = 123.45 in 5F2A = 0156.
            IsoMessage m = Request(NewCard());
            m.Set(4, "000000012345");
            m.Set(49, "156");
            Assert.IsNull(new Issuer().Check(m), "the amount and currency it signed");

            m = Request(NewCard());
            m.Set(4, "000000999900");
            m.Set(49, "156");
            Assert.AreEqual(Issuer.CardAuthenticationFailed, new Issuer().Check(m), "another amount than the card signed");

            m = Request(NewCard());
            m.Set(4, "000000012345");
            m.Set(49, "344");
            Assert.AreEqual(Issuer.CardAuthenticationFailed, new Issuer().Check(m), "another currency than the card signed");
        }

        [TestMethod]
        public void OnlyACardThatAskedToGoOnline_Arqc_IsAuthorised()
        {
            foreach (byte cid in new byte[] { 0x00, 0x40 })
            {
                IsoMessage m = Request(NewCard());
                byte[] icc = m.GetBytes(55);
                int at = PosFirmware.UnitTests.Engine.CardDataOwnershipTests.Field55Offset(icc, 0x9F27);
                Assert.AreEqual(0x80, icc[at], "a genuine tap asks for an ARQC");
                icc[at] = cid;
                Assert.AreEqual(Issuer.CardAuthenticationFailed, new Issuer().Check(m), "9F27 " + cid.ToString("X2") + " sent online");
            }
        }

        [TestMethod]
        public void TheDeclineCodeIsExplainedInBothLanguages()
        {
            Outcome o = OutcomeCatalog.ForResponseCode(Issuer.CardAuthenticationFailed);
            Assert.AreEqual(Issuer.CardAuthenticationFailed, o.ResponseCode, "82 has its own row");
            Assert.AreEqual(OutcomeKind.Declined, o.Kind);
            Assert.AreNotEqual(OutcomeCodes.HostUnknownCode, OutcomeCatalog.ForResponseCode(Issuer.FormatError).Code);
        }
    }
}
