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
        public void TotalsCountDebitsAndCredits_InBothLayouts()
        {
            SettlementTotals t = Totals();
            // UnionPay field 48 block: debit amount n12, debit count n3, credit amount n12, credit count n3.
            Assert.AreEqual("000000003650" + "003" + "000000000300" + "001", t.Encode(SettlementStyle.UnionPay));
            // International field 63: count before amount.
            Assert.AreEqual("003" + "000000003650" + "001" + "000000000300", t.Encode(SettlementStyle.International));
            t.Remove(TransactionType.Sale, 100);
            Assert.AreEqual(2, t.DebitCount);
            Assert.AreEqual(3550L, t.DebitAmountMinor);
            SettlementStyle[] styles = { SettlementStyle.UnionPay, SettlementStyle.International };
            for (int i = 0; i < styles.Length; i++)
            {
                SettlementTotals back = new SettlementTotals();
                Assert.IsTrue(back.TryDecode(t.Encode(styles[i]), 0, styles[i]));
                Assert.IsTrue(back.SameAs(t));
                Assert.IsFalse(back.TryDecode("00000000365000200000000030", 0, styles[i]), "too short");
                Assert.IsFalse(back.TryDecode("0000000035500020000000003X0001", 0, styles[i]), "not digits");
                Assert.IsTrue(back.SameAs(t), "unchanged after a failed read");
            }

            // Read in the wrong layout, the same digits mean other totals.
            SettlementTotals wrong = new SettlementTotals();
            Assert.IsTrue(wrong.TryDecode(t.Encode(SettlementStyle.UnionPay), 0, SettlementStyle.International));
            Assert.IsFalse(wrong.SameAs(t));
        }

        [TestMethod]
        public void UnionPaySettlementIsKnownBytes_Field48AmountBeforeCount()
        {
            IsoMessage m = new IsoMessage();
            HostProfile profile = TestHost.UnionPay();
            Assert.AreEqual((int)BuildStatus.Ok, (int)SettlementBuilder.Settlement(profile, TestHost.Terminal, 200, 2, Totals(), m));
            // Hand-computed field 48 (62 digits): domestic block 3 debits 36.50, 1 credit 3.00, answer
            // digit 0; foreign block zero, answer digit 0 (PAYMENTS.md section 5).
            string f48 = "000000003650" + "003" + "000000000300" + "001" + "0"
                + "000000000000" + "000" + "000000000000" + "000" + "0";
            Assert.AreEqual(62, f48.Length);
            Assert.AreEqual(f48, m.GetString(48));

            // The whole frame, assembled by hand: fields 11 41 42 48 49 60 63, no MAC.
            string body =
                "0500" + "00200000" + "00C18012" +          // MTI, bitmap: 11 / 41 42 48 / 49 / 60 63
                "000200" +                                 // 11
                "3130303230383331" + "333038363430303431313130303033" + // 41, 42
                "0062" + f48 +                             // 48: LLL BCD, 62 digits in 31 bytes
                "313536" +                                 // 49
                "0011" + "000000022010" +                  // 60: 00, batch 000002, 201 (odd: padded right)
                "0003" + "303031";                         // 63: operator 001
            string frame = Sealed(profile, m);
            Assert.AreEqual("6006010000" + "603200324017" + body, frame.Substring(4));
            byte[] length = Hex.Decode(frame.Substring(0, 4));
            Assert.AreEqual(frame.Length / 2 - 2, (length[0] << 8) | length[1]);
        }

        private static BatchEntry Entry(PosEntryMode mode)
        {
            BatchEntry e = new BatchEntry();
            e.Type = TransactionType.Sale;
            e.AmountMinor = 2550;
            e.Stan = 122;
            e.Batch = 2;
            e.LocalTime = "103000";
            e.LocalDate = "1122";
            e.Entry = mode;
            e.Rrn = "000000123456";
            e.AuthCode = "654321";
            return e;
        }

        [TestMethod]
        public void UnionPayBatchUploadAndEnd()
        {
            IsoMessage m = new IsoMessage();
            HostProfile profile = TestHost.UnionPay();
            Assert.AreEqual((int)BuildStatus.Ok, (int)SettlementBuilder.BatchUpload(profile, TestHost.Terminal, 201, 2, Entry(PosEntryMode.Contactless), false, m));
            Assert.AreEqual("0320", m.Mti);
            Assert.AreEqual("000201", m.GetString(11));
            Assert.AreEqual("000000", m.GetString(3));
            Assert.AreEqual("000000002550", m.GetString(4));
            Assert.AreEqual("22000002201", m.GetString(60));
            Assert.AreEqual("0000020001221122", m.GetString(61));
            Assert.AreEqual("000000123456", m.GetString(37));
            Assert.AreEqual("654321", m.GetString(38));
            Assert.IsFalse(m.Has(2), "no PAN: the batch keeps none (I7)");
            Assert.IsFalse(m.Has(55));
            Sealed(profile, m);

            Assert.AreEqual((int)BuildStatus.Ok, (int)SettlementBuilder.BatchEnd(profile, TestHost.Terminal, 202, 2, 4, false, Totals(), m));
            Assert.AreEqual("0320", m.Mti);
            Assert.AreEqual("00000002202", m.GetString(60), "after an unbalanced settlement: 202");
            Assert.AreEqual("0004", m.GetString(48));
            Sealed(profile, m);
            Assert.AreEqual((int)BuildStatus.Ok, (int)SettlementBuilder.BatchEnd(profile, TestHost.Terminal, 203, 2, 0, true, Totals(), m));
            Assert.AreEqual("00000002207", m.GetString(60), "after a balanced settlement: 207");
            Assert.AreEqual("0000", m.GetString(48));
            Assert.AreEqual((int)BuildStatus.BadTrace, (int)SettlementBuilder.BatchEnd(profile, TestHost.Terminal, 203, 2, 10000, true, Totals(), m));

            BatchEntry e = Entry(PosEntryMode.Contactless);
            e.Stan = 0;
            Assert.AreEqual((int)BuildStatus.BadTrace, (int)SettlementBuilder.BatchUpload(profile, TestHost.Terminal, 201, 2, e, false, m));
        }

        [TestMethod]
        public void UnionPayUploadCodesFollowTheRules()
        {
            // README "UnionPay settlement rules": after an unbalanced settlement everything goes, 201
            // (swipe, manual, contactless) or 205 (contact chip); after a balanced one only contact-chip
            // transactions go, 203; the others are not uploaded.
            HostProfile profile = TestHost.UnionPay();
            PosEntryMode[] modes = { PosEntryMode.Swipe, PosEntryMode.Manual, PosEntryMode.Contactless, PosEntryMode.Chip };
            string[] unbalanced = { "201", "201", "201", "205" };
            string[] balanced = { null, null, null, "203" };
            IsoMessage m = new IsoMessage();
            for (int i = 0; i < modes.Length; i++)
            {
                Assert.AreEqual((int)BuildStatus.Ok, (int)SettlementBuilder.BatchUpload(profile, TestHost.Terminal, 201, 2, Entry(modes[i]), false, m));
                Assert.AreEqual("22000002" + unbalanced[i], m.GetString(60));
                Assert.IsTrue(SettlementBuilder.Uploads(profile, Entry(modes[i]), false));
                BuildStatus b = SettlementBuilder.BatchUpload(profile, TestHost.Terminal, 201, 2, Entry(modes[i]), true, m);
                Assert.AreEqual(balanced[i] != null, SettlementBuilder.Uploads(profile, Entry(modes[i]), true));
                if (balanced[i] == null)
                {
                    Assert.AreEqual((int)BuildStatus.NotUploaded, (int)b);
                    Assert.IsNull(m.Mti);
                }
                else
                {
                    Assert.AreEqual((int)BuildStatus.Ok, (int)b);
                    Assert.AreEqual("22000002" + balanced[i], m.GetString(60));
                }
            }

            Assert.IsTrue(profile.EndsBalancedBatch);
            Assert.IsFalse(HostProfile.International().EndsBalancedBatch);
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
            Assert.AreEqual("003000000003650001000000000300", m.GetString(63));
            Assert.IsFalse(m.Has(48));
            Sealed(profile, m);

            BatchEntry e = new BatchEntry();
            e.Type = TransactionType.Refund;
            e.AmountMinor = 300;
            e.Stan = 125;
            e.Batch = 2;
            e.Entry = PosEntryMode.Swipe;
            e.Rrn = "000000123457";
            SettlementBuilder.BatchUpload(profile, TestHost.Terminal, 201, 2, e, false, m);
            Assert.AreEqual("0320", m.Mti);
            Assert.AreEqual("200000", m.GetString(3));
            Assert.AreEqual("0200000125000000123457", m.GetString(60));
            Sealed(profile, m);
            Assert.AreEqual((int)BuildStatus.NotUploaded, (int)SettlementBuilder.BatchUpload(profile, TestHost.Terminal, 201, 2, e, true, m), "balanced: nothing to upload");

            SettlementBuilder.BatchEnd(profile, TestHost.Terminal, 202, 2, 1, false, Totals(), m);
            Assert.AreEqual("0500", m.Mti);
            Assert.AreEqual("960000", m.GetString(3));
            Assert.AreEqual("003000000003650001000000000300", m.GetString(63));
            Assert.AreEqual((int)BuildStatus.NotUploaded, (int)SettlementBuilder.BatchEnd(profile, TestHost.Terminal, 202, 2, 0, true, Totals(), m), "balanced: 920000 closed it");
        }
    }
}
