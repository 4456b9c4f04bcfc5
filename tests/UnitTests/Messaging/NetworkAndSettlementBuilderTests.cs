using nanoFramework.TestFramework;
using PosFirmware.Messaging.Host;
using PosFirmware.Messaging.Iso8583;
using PosFirmware.UnitTests.Support;

namespace PosFirmware.UnitTests.Messaging
{
    [TestClass]
    public class NetworkAndSettlementBuilderTests
    {
        private static string Sealed(HostProfile profile, IsoMessage m)
        {
            byte[] frame = new byte[1024];
            int written;
            Assert.AreEqual((int)SealStatus.Ok, (int)new MessageSealer().Seal(profile, null, m, frame, 0, out written));
            return Hex.Encode(frame, 0, written);
        }

        private static SettlementTotals Totals()
        {
            SettlementTotals t = new SettlementTotals();
            t.Add(TransactionType.Sale, 100);
            t.Add(TransactionType.Sale, 2550);
            t.Add(TransactionType.Completion, 1000);
            t.Add(TransactionType.Refund, 300);
            t.Add(TransactionType.Balance, 0);
            t.Add(TransactionType.PreAuth, 5000);
            return t;
        }

        [TestMethod]
        public void TheUnionPaySignOnIsTheRealFrame()
        {
            // PAYMENTS.md section 3: the real sign-on of terminal 10020831 (60.3 = 003, batch 000002).
            IsoMessage m = new IsoMessage();
            HostProfile profile = TestHost.UnionPay();
            Assert.AreEqual((int)BuildStatus.Ok, (int)NetworkBuilder.SignOn(profile, TestHost.Terminal, 121, 2, m));
            Assert.AreEqual(Samples.SignOnFrame, Sealed(profile, m));
        }

        [TestMethod]
        public void SignOffAndEchoUseTheirManagementCodes()
        {
            IsoMessage m = new IsoMessage();
            HostProfile profile = TestHost.UnionPay();
            NetworkBuilder.SignOff(profile, TestHost.Terminal, 5, 2, m);
            Assert.AreEqual("0820", m.Mti);
            Assert.AreEqual("00000002002", m.GetString(60));
            NetworkBuilder.Echo(profile, TestHost.Terminal, 6, 2, m);
            Assert.AreEqual("0820", m.Mti);
            Assert.AreEqual("00000002301", m.GetString(60));

            HostProfile intl = HostProfile.International();
            NetworkBuilder.SignOn(intl, TestHost.Terminal, 7, 2, m);
            Assert.AreEqual("0800", m.Mti);
            Assert.AreEqual("920000", m.GetString(3));
            Assert.AreEqual("001", m.GetString(70));
            Assert.AreEqual("001", m.GetString(24));
            Assert.IsFalse(m.Has(60));
            // Field 70 needs the secondary bitmap: ASCII MTI, bitmap with bit 1 set, then the secondary.
            string frame = Sealed(intl, m);
            Assert.AreEqual("0800", Bytes.AsciiText(Hex.Decode(frame), 2, 4));
            Assert.AreEqual("A020010000C000000400000000000000", Bytes.AsciiText(Hex.Decode(frame), 6, 32));
            NetworkBuilder.Echo(intl, TestHost.Terminal, 8, 2, m);
            Assert.AreEqual("990000", m.GetString(3));
            Assert.AreEqual("301", m.GetString(70));
        }

        [TestMethod]
        public void TotalsCountDebitsAndCredits()
        {
            SettlementTotals t = Totals();
            Assert.AreEqual("003" + "000000003650" + "001" + "000000000300", t.Encode());
            t.Remove(TransactionType.Sale, 100);
            Assert.AreEqual(2, t.DebitCount);
            Assert.AreEqual(3550L, t.DebitAmountMinor);
            SettlementTotals back = new SettlementTotals();
            Assert.IsTrue(back.TryDecode(t.Encode(), 0));
            Assert.IsTrue(back.SameAs(t));
            Assert.IsFalse(back.TryDecode("00300000000365000100000000030", 0));
            Assert.IsFalse(back.TryDecode("003000000003650001000000000X00", 0));
            Assert.IsTrue(back.SameAs(t));
        }

        [TestMethod]
        public void UnionPaySettlementCarriesField48()
        {
            IsoMessage m = new IsoMessage();
            HostProfile profile = TestHost.UnionPay();
            Assert.AreEqual((int)BuildStatus.Ok, (int)SettlementBuilder.Settlement(profile, TestHost.Terminal, 200, 2, Totals(), m));
            Assert.AreEqual("0500", m.Mti);
            Assert.AreEqual("00000002201", m.GetString(60));
            Assert.AreEqual("003000000003650001000000000300" + "0" + "000000000000000000000000000000" + "0", m.GetString(48));
            Assert.AreEqual("156", m.GetString(49));
            Assert.AreEqual("001", m.GetString(63));
            Assert.IsFalse(m.Has(64));
            // 48 is LLL BCD: 62 digits in 31 bytes after "0062".
            string frame = Sealed(profile, m);
            Assert.IsTrue(frame.IndexOf("0062003000000003650001000000000300") > 0);
        }

        [TestMethod]
        public void UnionPayBatchUploadAndEnd()
        {
            IsoMessage m = new IsoMessage();
            HostProfile profile = TestHost.UnionPay();
            BatchEntry e = new BatchEntry();
            e.Type = TransactionType.Sale;
            e.AmountMinor = 2550;
            e.Stan = 122;
            e.Batch = 2;
            e.LocalTime = "103000";
            e.LocalDate = "1122";
            e.Entry = PosEntryMode.Contactless;
            e.Rrn = "000000123456";
            e.AuthCode = "654321";
            Assert.AreEqual((int)BuildStatus.Ok, (int)SettlementBuilder.BatchUpload(profile, TestHost.Terminal, 201, 2, e, m));
            Assert.AreEqual("0320", m.Mti);
            Assert.AreEqual("000201", m.GetString(11));
            Assert.AreEqual("000000", m.GetString(3));
            Assert.AreEqual("000000002550", m.GetString(4));
            Assert.AreEqual("22000002201", m.GetString(60));
            Assert.AreEqual("0000020001221122", m.GetString(61));
            Assert.AreEqual("000000123456", m.GetString(37));
            Assert.AreEqual("654321", m.GetString(38));
            Assert.IsFalse(m.Has(2));
            Sealed(profile, m);

            Assert.AreEqual((int)BuildStatus.Ok, (int)SettlementBuilder.BatchEnd(profile, TestHost.Terminal, 202, 2, 4, Totals(), m));
            Assert.AreEqual("0320", m.Mti);
            Assert.AreEqual("00000002207", m.GetString(60));
            Assert.AreEqual("0004", m.GetString(48));
            Sealed(profile, m);

            e.Stan = 0;
            Assert.AreEqual((int)BuildStatus.BadTrace, (int)SettlementBuilder.BatchUpload(profile, TestHost.Terminal, 201, 2, e, m));
        }

        [TestMethod]
        public void InternationalSettlementUploadAndClose()
        {
            IsoMessage m = new IsoMessage();
            HostProfile profile = HostProfile.International();
            SettlementBuilder.Settlement(profile, TestHost.Terminal, 200, 2, Totals(), m);
            Assert.AreEqual("0500", m.Mti);
            Assert.AreEqual("920000", m.GetString(3));
            Assert.AreEqual("000002", m.GetString(60));
            Assert.AreEqual(Totals().Encode(), m.GetString(63));
            Assert.IsFalse(m.Has(48));
            Sealed(profile, m);

            BatchEntry e = new BatchEntry();
            e.Type = TransactionType.Refund;
            e.AmountMinor = 300;
            e.Stan = 125;
            e.Batch = 2;
            e.Entry = PosEntryMode.Swipe;
            e.Rrn = "000000123457";
            SettlementBuilder.BatchUpload(profile, TestHost.Terminal, 201, 2, e, m);
            Assert.AreEqual("0320", m.Mti);
            Assert.AreEqual("200000", m.GetString(3));
            Assert.AreEqual("0200000125000000123457", m.GetString(60));
            Sealed(profile, m);

            SettlementBuilder.BatchEnd(profile, TestHost.Terminal, 202, 2, 1, Totals(), m);
            Assert.AreEqual("0500", m.Mti);
            Assert.AreEqual("960000", m.GetString(3));
            Assert.AreEqual(Totals().Encode(), m.GetString(63));
        }
    }
}
