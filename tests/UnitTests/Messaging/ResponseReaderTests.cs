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

            IsoMessage noTerminal = SaleRequest(profile);
            noTerminal.Remove(41);
            Assert.AreEqual((int)ResponseStatus.WrongTerminal, (int)Read(profile, request, TestHost.Answer(profile, noTerminal, "00", "1", TestHost.Mak()), r), "an answer that names no terminal");

            IsoMessage otherAmount = SaleRequest(profile);
            otherAmount.Set(4, "000000999999");
            Assert.AreEqual((int)ResponseStatus.NotTheAnswer, (int)Read(profile, request, TestHost.Answer(profile, otherAmount, "00", "1", TestHost.Mak()), r), "an answer for another amount");

            IsoMessage noCode = new IsoMessage();
            noCode.Mti = "0210";
            noCode.Set(11, "000122");
            noCode.Set(41, request.GetString(41));
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
            // The host's 48: per block its totals (amount before count) and its verdict digit.
            string[] digits = { "11", "21", "31", "71", "12", "13", "10" };
            int[] verdicts =
            {
                (int)SettlementResult.Balanced, (int)SettlementResult.Unbalanced, (int)SettlementResult.Error, (int)SettlementResult.Unknown,
                (int)SettlementResult.Unbalanced, (int)SettlementResult.Error, (int)SettlementResult.Balanced,
            };
            for (int i = 0; i < digits.Length; i++)
            {
                IsoMessage a = new IsoMessage();
                a.Mti = "0510";
                a.Set(11, "000200");
                a.Set(39, "00");
                a.Set(41, TestHost.Terminal.TerminalId);
                a.Set(48, "000000000300" + "002" + "000000000000" + "000" + digits[i][0] + "000000000000000000000000000000" + digits[i][1]);
                a.Set(60, request.GetString(60));
                HostResponse r = new HostResponse();
                byte[] answer = TestHost.Seal(up, a, null);
                Assert.AreEqual((int)ResponseStatus.Ok, (int)new ResponseReader().Read(up, null, request, answer, 0, answer.Length, r));
                Assert.AreEqual(verdicts[i], (int)r.Settlement, "digits " + digits[i]);
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
                a.Set(3, "920000");
                a.Set(11, "000200");
                a.Set(39, codes[i]);
                a.Set(41, TestHost.Terminal.TerminalId);
                a.Set(60, "000002");
                a.Set(63, "002000000000300000000000000000");
                HostResponse r = new HostResponse();
                byte[] answer = TestHost.Seal(intl, a, null);
                Assert.AreEqual((int)ResponseStatus.Ok, (int)new ResponseReader().Read(intl, null, request, answer, 0, answer.Length, r));
                Assert.AreEqual(verdicts[i], (int)r.Settlement);
                Assert.AreEqual(2, r.HostTotals.DebitCount);
                Assert.AreEqual(300L, r.HostTotals.DebitAmountMinor);
            }
        }

        /// <summary>
        /// Settlement, upload and batch end carry no MAC: an answer counts only when it echoes the
        /// batch and management code (60) and processing code (3) sent. A flipped bit in either
        /// direction would otherwise close a batch the terminal did not mean (seeds 7775498, 8035638).
        /// </summary>
        [TestMethod]
        public void AReconciliationAnswerMustEchoTheBatchAndCode()
        {
            HostProfile up = TestHost.UnionPay();
            IsoMessage end = new IsoMessage();
            SettlementBuilder.BatchEnd(up, TestHost.Terminal, 201, 2, 0, true, new SettlementTotals(), end);
            string[] echoes = { "00000002207", "00000003207", "00000002202", "00000002", null };
            int[] expected = { (int)ResponseStatus.Ok, (int)ResponseStatus.WrongBatch, (int)ResponseStatus.WrongBatch, (int)ResponseStatus.WrongBatch, (int)ResponseStatus.WrongBatch };
            for (int i = 0; i < echoes.Length; i++)
            {
                IsoMessage a = new IsoMessage();
                a.Mti = "0330";
                a.Set(11, "000201");
                a.Set(39, "00");
                a.Set(41, TestHost.Terminal.TerminalId);
                if (echoes[i] != null)
                {
                    a.Set(60, echoes[i]);
                }

                byte[] answer = TestHost.Seal(up, a, null);
                Assert.AreEqual(expected[i], (int)new ResponseReader().Read(up, null, end, answer, 0, answer.Length, new HostResponse()), "60 = " + echoes[i]);
            }

            // The same for a 0510, and the international 0500's field 3 (920000 / 960000) and 60.
            IsoMessage settle = new IsoMessage();
            HostProfile intl = HostProfile.International();
            SettlementBuilder.BatchEnd(intl, TestHost.Terminal, 202, 2, 1, false, new SettlementTotals(), settle);
            string[] codes = { "960000", "920000", "960000" };
            string[] batches = { "000002", "000002", "000006" };
            int[] outcome = { (int)ResponseStatus.Ok, (int)ResponseStatus.WrongBatch, (int)ResponseStatus.WrongBatch };
            for (int i = 0; i < codes.Length; i++)
            {
                IsoMessage a = new IsoMessage();
                a.Mti = "0510";
                a.Set(3, codes[i]);
                a.Set(11, "000202");
                a.Set(39, "00");
                a.Set(41, TestHost.Terminal.TerminalId);
                a.Set(60, batches[i]);
                byte[] answer = TestHost.Seal(intl, a, null);
                Assert.AreEqual(outcome[i], (int)new ResponseReader().Read(intl, null, settle, answer, 0, answer.Length, new HostResponse()));
            }

            // A financial answer needs no echo of 60 (its MAC covers what matters).
            Assert.IsFalse(ResponseReader.IsReconciliation("0200"));
            Assert.IsTrue(ResponseReader.IsReconciliation("0500"));
            Assert.IsTrue(ResponseReader.IsReconciliation("0320"));
        }
    }
}
