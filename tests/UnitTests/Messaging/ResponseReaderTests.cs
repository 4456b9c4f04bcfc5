using nanoFramework.TestFramework;
using PosFirmware.Messaging.Host;
using PosFirmware.Messaging.Iso8583;
using PosFirmware.Security;
using PosFirmware.UnitTests.Support;

namespace PosFirmware.UnitTests.Messaging
{
    [TestClass]
    public class ResponseReaderTests
    {
        private static IsoMessage SaleRequest(HostProfile profile)
        {
            IsoMessage m = new IsoMessage();
            RequestBuilder.Financial(profile, TestHost.Terminal, TestHost.Sale(), m);
            int written;
            new MessageSealer().Seal(profile, TestHost.Mak(), m, new byte[1024], 0, out written);
            return m;
        }

        private static ResponseStatus Read(HostProfile profile, IsoMessage request, byte[] answer, HostResponse response)
        {
            return new ResponseReader().Read(profile, TestHost.Mak(), request, answer, 0, answer.Length, response);
        }

        [TestMethod]
        public void AnswerMtis()
        {
            Assert.AreEqual("0210", ResponseReader.AnswerMti("0200"));
            Assert.AreEqual("0410", ResponseReader.AnswerMti("0401"));
            Assert.AreEqual("0230", ResponseReader.AnswerMti("0221"));
            Assert.AreEqual("0810", ResponseReader.AnswerMti("0800"));
            Assert.IsNull(ResponseReader.AnswerMti("02"));
            Assert.IsNull(ResponseReader.AnswerMti("0290"));
            Assert.IsTrue(ResponseReader.IsAnswerTo("0210", "0200"));
            Assert.IsTrue(ResponseReader.IsAnswerTo("0410", "0401"));
            Assert.IsFalse(ResponseReader.IsAnswerTo("0211", "0200"));
            Assert.IsFalse(ResponseReader.IsAnswerTo("0410", "0200"));
            Assert.IsFalse(ResponseReader.IsAnswerTo("0200", "0200"));
            Assert.IsFalse(ResponseReader.IsAnswerTo(null, "0200"));
            Assert.IsFalse(ResponseReader.IsAnswerTo("02a0", "0290"));
        }

        [TestMethod]
        public void AMacedApprovalReadsInBothProfiles()
        {
            HostProfile[] profiles = { TestHost.UnionPay(), HostProfile.International() };
            for (int i = 0; i < profiles.Length; i++)
            {
                IsoMessage request = SaleRequest(profiles[i]);
                byte[] answer = TestHost.Answer(profiles[i], request, "00", "654321", TestHost.Mak());
                HostResponse r = new HostResponse();
                Assert.AreEqual((int)ResponseStatus.Ok, (int)Read(profiles[i], request, answer, r));
                Assert.IsTrue(r.IsApproved);
                Assert.AreEqual("0210", r.Mti);
                Assert.AreEqual("654321", r.AuthCode);
                Assert.AreEqual("000000123456", r.Rrn);
                Assert.AreEqual("000122", r.Stan);
                Assert.AreEqual(100L, r.AmountMinor);
                Assert.AreEqual("103001", r.HostTime);
                Assert.AreEqual((int)SettlementResult.Unknown, (int)r.Settlement);

                // Any flipped bit in the answer: the MAC fails, or the answer no longer parses or matches.
                for (int b = 0; b < answer.Length * 8; b += 7)
                {
                    answer[b / 8] ^= (byte)(1 << (b % 8));
                    Assert.AreNotEqual((int)ResponseStatus.Ok, (int)Read(profiles[i], request, answer, new HostResponse()), "bit " + b);
                    answer[b / 8] ^= (byte)(1 << (b % 8));
                }
            }
        }

        [TestMethod]
        public void AnApprovalWithoutAMacIsRefused()
        {
            HostProfile profile = TestHost.UnionPay();
            IsoMessage request = SaleRequest(profile);
            HostResponse r = new HostResponse();
            Assert.AreEqual((int)ResponseStatus.MacMissing, (int)Read(profile, request, TestHost.Answer(profile, request, "00", "654321", null), r));
            // A decline may come unMACed: nothing is approved by it.
            Assert.AreEqual((int)ResponseStatus.Ok, (int)Read(profile, request, TestHost.Answer(profile, request, "51", null, null), r));
            Assert.AreEqual("51", r.ResponseCode);
            Assert.IsNull(r.AuthCode);
            Assert.IsFalse(r.IsApproved);
            // A MAC under another key is a mismatch, whatever the code.
            DesKey other = new DesKey(Hex.Decode("1111111111111111"));
            Assert.AreEqual((int)ResponseStatus.MacMismatch, (int)Read(profile, request, TestHost.Answer(profile, request, "05", null, other), r));
            // A MACed answer to a terminal that holds no key cannot be trusted either.
            byte[] maced = TestHost.Answer(profile, request, "00", "1", TestHost.Mak());
            Assert.AreEqual((int)ResponseStatus.MacMismatch, (int)new ResponseReader().Read(profile, null, request, maced, 0, maced.Length, r));
        }

        [TestMethod]
        public void AnswersToSomethingElseAreNotTheAnswer()
        {
            HostProfile profile = TestHost.UnionPay();
            IsoMessage request = SaleRequest(profile);
            HostResponse r = new HostResponse();

            IsoMessage late = SaleRequest(profile);
            late.Set(11, "000121");
            Assert.AreEqual((int)ResponseStatus.WrongStan, (int)Read(profile, request, TestHost.Answer(profile, late, "00", "1", TestHost.Mak()), r));

            IsoMessage reversal = new IsoMessage();
            RequestBuilder.Reversal(profile, TransactionType.Sale, request, 2, "98", null, false, reversal);
            Assert.AreEqual((int)ResponseStatus.NotTheAnswer, (int)Read(profile, request, TestHost.Answer(profile, reversal, "00", null, TestHost.Mak()), r));

            IsoMessage otherTerminal = SaleRequest(profile);
            otherTerminal.Set(41, "99999999");
            Assert.AreEqual((int)ResponseStatus.WrongTerminal, (int)Read(profile, request, TestHost.Answer(profile, otherTerminal, "00", "1", TestHost.Mak()), r));

            IsoMessage noCode = new IsoMessage();
            noCode.Mti = "0210";
            noCode.Set(11, "000122");
            Assert.AreEqual((int)ResponseStatus.NoResponseCode, (int)Read(profile, request, TestHost.Seal(profile, noCode, null), r));
        }

        [TestMethod]
        public void GarbageIsMalformedNeverAnException()
        {
            HostProfile profile = TestHost.UnionPay();
            IsoMessage request = SaleRequest(profile);
            byte[] answer = TestHost.Answer(profile, request, "00", "654321", TestHost.Mak());
            ResponseReader reader = new ResponseReader();
            HostResponse r = new HostResponse();
            for (int n = 0; n < answer.Length - 8; n++)
            {
                Assert.AreNotEqual((int)ResponseStatus.Ok, (int)reader.Read(profile, TestHost.Mak(), request, answer, 0, n, r), "length " + n);
            }

            Assert.AreEqual((int)ResponseStatus.Malformed, (int)reader.Read(profile, TestHost.Mak(), request, answer, 0, 5, r));
            Assert.AreEqual((int)IsoStatus.Truncated, (int)reader.UnpackStatus);
        }

        [TestMethod]
        public void SignOnAnswerDeliversKeys()
        {
            HostProfile profile = TestHost.UnionPay();
            IsoMessage request = TestHost.SignOnRequest(profile);
            byte[] answer = TestHost.SignOnAnswer(profile, "00", SignOnKeys.Field62(SignOnKeyFormat.DoubleLength));
            HostResponse r = new HostResponse();
            Assert.AreEqual((int)ResponseStatus.Ok, (int)new ResponseReader().Read(profile, null, request, answer, 0, answer.Length, r));
            WorkingKeys keys;
            Assert.AreEqual((int)KeyLoadStatus.Ok, (int)WorkingKeys.Load(new DesKey(SignOnKeys.Tmk), profile.KeyFormat, r.KeyData, 0, r.KeyData.Length, out keys));
            byte[] kcv = new byte[4];
            KeyCheckValue.Compute(keys.MacKey, kcv, 0, 4);
            Assert.AreEqual("D5D44FF7", Hex.Encode(kcv));
        }

        [TestMethod]
        public void SettlementVerdicts()
        {
            HostProfile up = TestHost.UnionPay();
            SettlementTotals totals = new SettlementTotals();
            totals.Add(TransactionType.Sale, 100);
            IsoMessage request = new IsoMessage();
            SettlementBuilder.Settlement(up, TestHost.Terminal, 200, 2, totals, request);
            string[] digits = { "1", "2", "3", "7" };
            int[] verdicts = { (int)SettlementResult.Balanced, (int)SettlementResult.Unbalanced, (int)SettlementResult.Error, (int)SettlementResult.Unknown };
            for (int i = 0; i < digits.Length; i++)
            {
                IsoMessage a = new IsoMessage();
                a.Mti = "0510";
                a.Set(11, "000200");
                a.Set(39, "00");
                a.Set(48, "002000000000300000000000000000" + digits[i] + "000000000000000000000000000000" + "0");
                HostResponse r = new HostResponse();
                byte[] answer = TestHost.Seal(up, a, null);
                Assert.AreEqual((int)ResponseStatus.Ok, (int)new ResponseReader().Read(up, null, request, answer, 0, answer.Length, r));
                Assert.AreEqual(verdicts[i], (int)r.Settlement);
                Assert.AreEqual(2, r.HostTotals.DebitCount);
                Assert.AreEqual(300L, r.HostTotals.DebitAmountMinor);
            }

            HostProfile intl = HostProfile.International();
            SettlementBuilder.Settlement(intl, TestHost.Terminal, 200, 2, totals, request);
            string[] codes = { "00", "95", "96" };
            for (int i = 0; i < codes.Length; i++)
            {
                IsoMessage a = new IsoMessage();
                a.Mti = "0510";
                a.Set(11, "000200");
                a.Set(39, codes[i]);
                HostResponse r = new HostResponse();
                byte[] answer = TestHost.Seal(intl, a, null);
                Assert.AreEqual((int)ResponseStatus.Ok, (int)new ResponseReader().Read(intl, null, request, answer, 0, answer.Length, r));
                Assert.AreEqual(verdicts[i], (int)r.Settlement);
            }
        }
    }
}
