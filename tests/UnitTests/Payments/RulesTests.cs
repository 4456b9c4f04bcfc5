using nanoFramework.TestFramework;
using PosFirmware.Messaging.Host;
using PosFirmware.Messaging.Iso8583;
using PosFirmware.Payments.Rules;
using PosFirmware.Security;
using PosFirmware.UnitTests.Support;

namespace PosFirmware.UnitTests.Payments
{
    [TestClass]
    public class RulesTests
    {
        [TestMethod]
        public void DefaultParametersAreTheFieldDefaults()
        {
            TerminalParameters p = new TerminalParameters();
            Assert.IsNull(p.Validate());
            Assert.AreEqual(30000, p.HostResponseTimeoutMs);
            Assert.AreEqual(60000, p.CardWaitTimeoutMs);
            Assert.AreEqual(60000, p.PinEntryTimeoutMs);
            Assert.AreEqual(60000, p.AmountEntryTimeoutMs);
            Assert.AreEqual(30000, p.ContactlessReadTimeoutMs);
            Assert.AreEqual(3000, p.ErrorMessageMs);
            Assert.AreEqual(60000, p.MenuTimeoutMs);
            Assert.AreEqual(60000, p.TraceEntryTimeoutMs);
            Assert.AreEqual(60000, p.PrinterFaultTimeoutMs);
            Assert.AreEqual(60000, p.InfoScreenTimeoutMs);
            Assert.AreEqual(3, p.ReversalMaxAttempts);
            Assert.AreEqual(3, p.AdviceMaxAttempts);
            Assert.AreEqual(5000L, p.OfflineFloorLimitMinor);
            Assert.AreEqual(500000L, p.ContactlessLimitMinor);
            Assert.AreEqual(25000L, p.CvmLimitMinor);
        }

        [TestMethod]
        public void AnOutOfRangeParameterIsNamed()
        {
            TerminalParameters p = new TerminalParameters();
            p.HostResponseTimeoutMs = 0;
            Assert.AreEqual("HostResponseTimeoutMs", p.Validate());
            p = new TerminalParameters();
            p.ReversalMaxAttempts = 0;
            Assert.AreEqual("ReversalMaxAttempts", p.Validate());
            p = new TerminalParameters();
            p.CvmLimitMinor = p.ContactlessLimitMinor + 1;
            Assert.AreEqual("CvmLimitMinor", p.Validate());
            p = new TerminalParameters();
            p.OfflineFloorLimitMinor = -1;
            Assert.AreEqual("OfflineFloorLimitMinor", p.Validate());
        }

        [TestMethod]
        public void EveryFlowWaitIsBoundedOnBothSides()
        {
            string[] names = { "MenuTimeoutMs", "TraceEntryTimeoutMs", "AmountEntryTimeoutMs", "CardWaitTimeoutMs", "PinEntryTimeoutMs", "PrinterFaultTimeoutMs", "InfoScreenTimeoutMs" };
            for (int i = 0; i < names.Length; i++)
            {
                int[] values = { TerminalParameters.MinWaitMs - 1, TerminalParameters.MaxWaitMs + 1, TerminalParameters.MinWaitMs, TerminalParameters.MaxWaitMs };
                for (int v = 0; v < values.Length; v++)
                {
                    TerminalParameters p = new TerminalParameters();
                    SetWait(p, i, values[v]);
                    Assert.AreEqual(v < 2 ? names[i] : null, p.Validate(), names[i] + " = " + values[v]);
                }
            }
        }

        private static void SetWait(TerminalParameters p, int which, int ms)
        {
            switch (which)
            {
                case 0:
                    p.MenuTimeoutMs = ms;
                    break;
                case 1:
                    p.TraceEntryTimeoutMs = ms;
                    break;
                case 2:
                    p.AmountEntryTimeoutMs = ms;
                    break;
                case 3:
                    p.CardWaitTimeoutMs = ms;
                    break;
                case 4:
                    p.PinEntryTimeoutMs = ms;
                    break;
                case 5:
                    p.PrinterFaultTimeoutMs = ms;
                    break;
                default:
                    p.InfoScreenTimeoutMs = ms;
                    break;
            }
        }

        private static AnswerVerdict Judge(string code, DesKey answerMak, out string reason)
        {
            HostProfile profile = TestHost.UnionPay();
            IsoMessage request = new IsoMessage();
            RequestBuilder.Financial(profile, TestHost.Terminal, TestHost.Sale(), request);
            int written;
            new MessageSealer().Seal(profile, TestHost.Mak(), request, new byte[1024], 0, out written);
            byte[] answer = TestHost.Answer(profile, request, code, code == "00" ? "123456" : null, answerMak);
            HostResponse response = new HostResponse();
            ResponseStatus status = new ResponseReader().Read(profile, TestHost.Mak(), request, answer, 0, answer.Length, response);
            return AnswerRules.Judge(status, response, out reason);
        }

        [TestMethod]
        public void AnswersDecideTheReversal()
        {
            string reason;
            Assert.AreEqual((int)AnswerVerdict.Approved, (int)Judge("00", TestHost.Mak(), out reason));
            Assert.IsNull(reason);
            Assert.AreEqual((int)AnswerVerdict.Declined, (int)Judge("51", null, out reason));
            Assert.AreEqual((int)AnswerVerdict.WrongPin, (int)Judge("55", null, out reason));
            // An approval whose MAC fails may have moved money: reverse with A0.
            Assert.AreEqual((int)AnswerVerdict.Reverse, (int)Judge("00", new DesKey(Hex.Decode("1111111111111111")), out reason));
            Assert.AreEqual(ReversalReason.MacFailed, reason);
            Assert.AreEqual((int)AnswerVerdict.Reverse, (int)Judge("00", null, out reason));
            Assert.AreEqual(ReversalReason.MacFailed, reason);

            HostResponse empty = new HostResponse();
            Assert.AreEqual((int)AnswerVerdict.Reverse, (int)AnswerRules.Judge(ResponseStatus.Malformed, empty, out reason));
            Assert.AreEqual(ReversalReason.NoResponse, reason);
            Assert.AreEqual((int)AnswerVerdict.Reverse, (int)AnswerRules.Judge(ResponseStatus.NoResponseCode, empty, out reason));
            Assert.AreEqual((int)AnswerVerdict.Ignore, (int)AnswerRules.Judge(ResponseStatus.WrongStan, empty, out reason));
            Assert.AreEqual((int)AnswerVerdict.Ignore, (int)AnswerRules.Judge(ResponseStatus.NotTheAnswer, empty, out reason));
            Assert.AreEqual((int)AnswerVerdict.Ignore, (int)AnswerRules.Judge(ResponseStatus.WrongTerminal, empty, out reason));
        }
    }
}
