using nanoFramework.TestFramework;
using PosFirmware.Messaging.Host;
using PosFirmware.Messaging.Iso8583;
using PosFirmware.Security;
using PosFirmware.UnitTests.Support;

namespace PosFirmware.UnitTests.Messaging
{
    [TestClass]
    public class RequestBuilderTests
    {
        private static IsoMessage Build(HostProfile profile, FinancialRequest r)
        {
            IsoMessage m = new IsoMessage();
            Assert.AreEqual((int)BuildStatus.Ok, (int)RequestBuilder.Financial(profile, TestHost.Terminal, r, m));
            return m;
        }

        private static string Length3(int bytes)
        {
            return PosFirmware.Common.Digits.Pad(bytes, 4);
        }

        [TestMethod]
        public void AUnionPaySaleSealsToKnownBytes()
        {
            HostProfile profile = TestHost.UnionPay();
            IsoMessage m = Build(profile, TestHost.Sale());
            byte[] frame = new byte[512];
            int written;
            MessageSealer sealer = new MessageSealer();
            Assert.AreEqual((int)SealStatus.Ok, (int)sealer.Seal(profile, TestHost.Mak(), m, frame, 0, out written));

            // Hand-assembled from PAYMENTS.md section 3: fields 2 3 4 11 14 22 23 25 26 35 41 42 49 52 53 55 60 64.
            string body =
                "0200" + "702406C020C09A11" +
                "19" + "62284800000000000010" +             // 2: LL 19, BCD, right-padded with 0
                "000000" + "000000000100" + "000122" +     // 3, 4 (1.00), 11
                "3012" + "0710" + "0001" +                 // 14, 22 left-aligned (07 contactless, 1 PIN), 23 right-aligned
                "00" + "12" +                              // 25, 26
                "37" + "6228480000000000001D301220112345678900" + // 35: '=' as D
                "3130303230383331" + "333038363430303431313130303033" + // 41, 42
                "313536" + "0102030405060708" + "2600000000000000" +  // 49, 52, 53 (format 0, 3DES)
                Length3(Samples.Field55.Length / 2) + Samples.Field55 +
                "0013" + "22000002000600";                 // 60: 22 sale, batch 000002, 000, capability 6, 0
            string head = "6006010000" + "603200324017";
            int macAt = 2 + 11 + body.Length / 2;
            Assert.AreEqual(macAt + 8, written);
            Assert.AreEqual(head + body, Hex.Encode(frame, 2, 11 + body.Length / 2));
            Assert.AreEqual(written - 2, (frame[0] << 8) | frame[1]);

            // Field 64 is the UnionPay POS MAC of MTI .. field 60 under the MAK.
            byte[] mac = new byte[8];
            Mac.UnionPay(TestHost.Mak(), frame, 13, body.Length / 2, mac, 0);
            Assert.AreEqual(Hex.Encode(mac), Hex.Encode(frame, macAt, 8));
            Assert.AreEqual(Hex.Encode(mac), Hex.Encode(m.GetBytes(64)));
        }

        [TestMethod]
        public void EveryTypeCarriesTheUnionPayMatrixCodes()
        {
            // PAYMENTS.md section 2: type, field 3, field 25, MTI, 60.1.
            string[] rows =
            {
                "0 310000 00 0200 01", "1 000000 00 0200 22", "2 200000 00 0200 23", "3 200000 00 0220 25",
                "4 030000 06 0100 10", "5 200000 06 0100 11", "6 000000 06 0200 20", "7 200000 06 0200 21",
            };
            HostProfile profile = TestHost.UnionPay();
            for (int i = 0; i < rows.Length; i++)
            {
                FinancialRequest r = TestHost.Sale();
                r.Type = (TransactionType)(rows[i][0] - '0');
                r.OriginalStan = 7;
                r.OriginalBatch = 1;
                IsoMessage m = Build(profile, r);
                Assert.AreEqual(rows[i].Substring(2, 6), m.GetString(3));
                Assert.AreEqual(rows[i].Substring(9, 2), m.GetString(25));
                Assert.AreEqual(rows[i].Substring(12, 4), m.Mti);
                Assert.AreEqual(rows[i].Substring(17, 2), m.GetString(60).Substring(0, 2));
                Assert.AreEqual(r.Type != TransactionType.Balance, m.Has(4));
            }
        }

        [TestMethod]
        public void AVoidNamesItsOriginal()
        {
            FinancialRequest r = TestHost.Sale();
            r.Type = TransactionType.Void;
            r.Stan = 130;
            r.OriginalStan = 122;
            r.OriginalBatch = 2;
            r.OriginalRrn = "000000123456";
            r.OriginalAuthCode = "654321";
            r.OriginalDate = "1122";
            IsoMessage m = Build(TestHost.UnionPay(), r);
            Assert.AreEqual("000130", m.GetString(11));
            Assert.AreEqual("000002000122", m.GetString(61));
            Assert.AreEqual("000000123456", m.GetString(37));
            Assert.AreEqual("654321", m.GetString(38));

            // A refund and a completion also carry the original date (the original may be in an old batch).
            r.Type = TransactionType.Refund;
            Assert.AreEqual("0000020001221122", Build(TestHost.UnionPay(), r).GetString(61));
            r.Type = TransactionType.Completion;
            Assert.AreEqual("0000020001221122", Build(TestHost.UnionPay(), r).GetString(61));
            r.Type = TransactionType.PreAuthVoid;
            Assert.AreEqual("0000020001221122", Build(TestHost.UnionPay(), r).GetString(61));
        }

        [TestMethod]
        public void ACompletionVoidCarriesTheOriginalDateIn61_3()
        {
            // 61 = 61.1 original batch, 61.2 original STAN, 61.3 original date MMDD, like the completion
            // it voids; the whole field on the wire: LLL 0016, 16 BCD digits.
            HostProfile profile = TestHost.UnionPay();
            FinancialRequest r = TestHost.Sale();
            r.Type = TransactionType.CompletionVoid;
            r.Stan = 131;
            r.OriginalStan = 124;
            r.OriginalBatch = 2;
            r.OriginalDate = "1121";
            IsoMessage m = Build(profile, r);
            Assert.AreEqual("0000020001241121", m.GetString(61));
            byte[] frame = new byte[512];
            int written;
            Assert.AreEqual((int)SealStatus.Ok, (int)new MessageSealer().Seal(profile, TestHost.Mak(), m, frame, 0, out written));
            Assert.IsTrue(Hex.Encode(frame, 0, written).IndexOf("0016" + "0000020001241121") > 0);
            // The void of a sale (same batch, found by STAN) carries none.
            r.Type = TransactionType.Void;
            Assert.AreEqual("000002000124", Build(profile, r).GetString(61));
        }

        [TestMethod]
        public void WithoutAPinThereIsNoPinData()
        {
            FinancialRequest r = TestHost.Sale();
            r.EncryptedPinBlock = null;
            r.Entry = PosEntryMode.Swipe;
            r.CardSequence = 3;
            IsoMessage m = Build(TestHost.UnionPay(), r);
            Assert.AreEqual("022", m.GetString(22));
            Assert.IsFalse(m.Has(23));
            Assert.IsFalse(m.Has(26));
            Assert.IsFalse(m.Has(52));
            Assert.IsFalse(m.Has(53));
        }

        [TestMethod]
        public void TheInternationalSaleIsAscii()
        {
            HostProfile profile = HostProfile.International();
            FinancialRequest r = TestHost.Sale();
            IsoMessage m = Build(profile, r);
            Assert.AreEqual("103000", m.GetString(12));
            Assert.AreEqual("1122", m.GetString(13));
            Assert.AreEqual("001", m.GetString(24));
            Assert.IsFalse(m.Has(60));
            Assert.AreEqual("2000000000000000", m.GetString(53));
            byte[] frame = new byte[1024];
            int written;
            Assert.AreEqual((int)SealStatus.Ok, (int)new MessageSealer().Seal(profile, TestHost.Mak(), m, frame, 0, out written));
            // ASCII MTI, then the hex bitmap: 2 3 4 11 12 13 14 22 23 24 25 26 35 41 42 49 52 53 55 64.
            Assert.AreEqual("0200703C07C020C09A01", Bytes.AsciiText(frame, 2, 20));
            // Field 64 is 16 hex characters of the X9.9 MAC of everything before it.
            byte[] mac = new byte[8];
            Mac.X99(TestHost.Mak(), MacPadding.Zeros, frame, 2, written - 2 - 16, mac, 0);
            Assert.AreEqual(Hex.Encode(mac), Bytes.AsciiText(frame, written - 16, 16));
        }

        [TestMethod]
        public void AReversalFollowsTheContentRules()
        {
            HostProfile profile = TestHost.UnionPay();
            IsoMessage sale = Build(profile, TestHost.Sale());
            int written;
            new MessageSealer().Seal(profile, TestHost.Mak(), sale, new byte[512], 0, out written);
            IsoMessage rev = new IsoMessage();
            Assert.AreEqual((int)BuildStatus.Ok, (int)RequestBuilder.Reversal(profile, TransactionType.Sale, sale, 2, "98", null, false, rev));
            Assert.AreEqual("0400", rev.Mti);
            Assert.AreEqual("000122", rev.GetString(11));
            Assert.AreEqual("98", rev.GetString(39));
            int[] dropped = { 26, 35, 36, 38, 52, 53, 64 };
            for (int i = 0; i < dropped.Length; i++)
            {
                Assert.IsFalse(rev.Has(dropped[i]), "field " + dropped[i]);
            }

            int[] kept = { 2, 3, 4, 14, 22, 23, 25, 41, 42, 49, 60 };
            for (int i = 0; i < kept.Length; i++)
            {
                Assert.AreEqual(sale.GetString(kept[i]), rev.GetString(kept[i]), "field " + kept[i]);
            }

            Assert.AreEqual(Samples.ReversalField55, Hex.Encode(rev.GetBytes(55)));
            Assert.AreEqual("000002000122", rev.GetString(61));

            // An auth code that came back stays; a UnionPay retry is the same 0400 (no repeat MTI in
            // its spec), an international one the repeat MTI 0401.
            RequestBuilder.Reversal(profile, TransactionType.Sale, sale, 2, "A0", "123456", true, rev);
            Assert.AreEqual("0400", rev.Mti);
            RequestBuilder.Reversal(HostProfile.International(), TransactionType.Sale, sale, 2, "A0", "123456", true, rev);
            Assert.AreEqual("0401", rev.Mti);
            Assert.AreEqual("123456", rev.GetString(38));
            Assert.AreEqual("A0", rev.GetString(39));
        }

        [TestMethod]
        public void AVoidsReversalKeepsTheVoidsReference()
        {
            HostProfile profile = TestHost.UnionPay();
            FinancialRequest r = TestHost.Sale();
            r.Type = TransactionType.Void;
            r.Stan = 130;
            r.OriginalStan = 122;
            r.OriginalBatch = 2;
            IsoMessage rev = new IsoMessage();
            Assert.AreEqual((int)BuildStatus.Ok, (int)RequestBuilder.Reversal(profile, TransactionType.Void, Build(profile, r), 2, "96", null, false, rev));
            Assert.AreEqual("000130", rev.GetString(11));
            Assert.AreEqual("000002000122", rev.GetString(61));
        }

        [TestMethod]
        public void RefundsAndBalanceInquiriesAreNeverReversed()
        {
            HostProfile profile = TestHost.UnionPay();
            IsoMessage sale = Build(profile, TestHost.Sale());
            IsoMessage rev = new IsoMessage();
            Assert.AreEqual((int)BuildStatus.NotReversible, (int)RequestBuilder.Reversal(profile, TransactionType.Refund, sale, 2, "98", null, false, rev));
            Assert.AreEqual((int)BuildStatus.NotReversible, (int)RequestBuilder.Reversal(profile, TransactionType.Balance, sale, 2, "98", null, false, rev));
            sale.Remove(11);
            Assert.AreEqual((int)BuildStatus.NotReversible, (int)RequestBuilder.Reversal(profile, TransactionType.Sale, sale, 2, "98", null, false, rev));
        }

        [TestMethod]
        public void AnAdviceCarriesNoPinOrTrack()
        {
            IsoMessage m = new IsoMessage();
            FinancialRequest r = TestHost.Sale();
            Assert.AreEqual((int)BuildStatus.Ok, (int)RequestBuilder.Advice(TestHost.UnionPay(), TestHost.Terminal, r, "Y1    ", false, m));
            Assert.AreEqual("0220", m.Mti);
            Assert.AreEqual("Y1    ", m.GetString(38));
            Assert.AreEqual("072", m.GetString(22));
            Assert.IsFalse(m.Has(26) || m.Has(35) || m.Has(52) || m.Has(53));
            Assert.AreEqual(Samples.Field55, Hex.Encode(m.GetBytes(55)), "the card's field 55, byte for byte");
            RequestBuilder.Advice(TestHost.UnionPay(), TestHost.Terminal, r, null, true, m);
            Assert.AreEqual("0220", m.Mti, "UnionPay resends the 0220");
            RequestBuilder.Advice(HostProfile.International(), TestHost.Terminal, r, null, true, m);
            Assert.AreEqual("0221", m.Mti);
        }

        [TestMethod]
        public void Field55IsTheCardsBytes_AndClearingTheRequestLeavesTheLentBufferToItsOwner()
        {
            FinancialRequest r = TestHost.Sale();
            byte[] owned = r.IccData;
            IsoMessage m = Build(TestHost.UnionPay(), r);
            Assert.AreEqual(Samples.Field55, Hex.Encode(m.GetBytes(55)));

            // The EMV data belongs to whoever lent it (the engine's copy of the card): Clear drops
            // the reference but does not zero it; its owner wipes it once the request is sealed.
            r.Clear();
            Assert.IsNull(r.IccData);
            Assert.AreEqual(Samples.Field55, Hex.Encode(owned));
            Assert.AreEqual(Samples.Field55, Hex.Encode(m.GetBytes(55)));
        }

        [TestMethod]
        public void BadRequestsGetTypedErrors()
        {
            HostProfile profile = TestHost.UnionPay();
            IsoMessage m = new IsoMessage();
            FinancialRequest r = TestHost.Sale();
            r.AmountMinor = 0;
            Assert.AreEqual((int)BuildStatus.BadAmount, (int)RequestBuilder.Financial(profile, TestHost.Terminal, r, m));
            r.AmountMinor = 1000000000000L;
            Assert.AreEqual((int)BuildStatus.BadAmount, (int)RequestBuilder.Financial(profile, TestHost.Terminal, r, m));
            r = TestHost.Sale();
            r.Stan = 0;
            Assert.AreEqual((int)BuildStatus.BadTrace, (int)RequestBuilder.Financial(profile, TestHost.Terminal, r, m));
            r = TestHost.Sale();
            r.Pan = "62284A0000000001";
            Assert.AreEqual((int)BuildStatus.BadCard, (int)RequestBuilder.Financial(profile, TestHost.Terminal, r, m));
            r.Pan = null;
            r.Track2 = null;
            Assert.AreEqual((int)BuildStatus.BadCard, (int)RequestBuilder.Financial(profile, TestHost.Terminal, r, m));
            r = TestHost.Sale();
            r.Expiry = "3O12";
            Assert.AreEqual((int)BuildStatus.BadCard, (int)RequestBuilder.Financial(profile, TestHost.Terminal, r, m));
            r = TestHost.Sale();
            r.EncryptedPinBlock = new byte[7];
            Assert.AreEqual((int)BuildStatus.BadPinBlock, (int)RequestBuilder.Financial(profile, TestHost.Terminal, r, m));
            r = TestHost.Sale();
            r.Type = TransactionType.Void;
            Assert.AreEqual((int)BuildStatus.MissingOriginal, (int)RequestBuilder.Financial(profile, TestHost.Terminal, r, m));
            Assert.AreEqual((int)BuildStatus.BadIdentity, (int)RequestBuilder.Financial(profile, new TerminalIdentity("1", "2", null), TestHost.Sale(), m));
            // Without a MAC key nothing MACed leaves.
            int written;
            Assert.AreEqual((int)SealStatus.NoMacKey, (int)new MessageSealer().Seal(profile, null, Build(profile, TestHost.Sale()), new byte[512], 0, out written));
            Assert.AreEqual((int)SealStatus.FrameTooLarge, (int)new MessageSealer().Seal(profile, TestHost.Mak(), Build(profile, TestHost.Sale()), new byte[64], 0, out written));
        }

        [TestMethod]
        public void ClearForgetsTheCardSecrets()
        {
            FinancialRequest r = TestHost.Sale();
            byte[] pin = r.EncryptedPinBlock;
            r.Clear();
            Assert.IsNull(r.Pan);
            Assert.IsNull(r.Track2);
            Assert.IsNull(r.EncryptedPinBlock);
            for (int i = 0; i < pin.Length; i++)
            {
                Assert.AreEqual(0, (int)pin[i]);
            }
        }
    }
}
