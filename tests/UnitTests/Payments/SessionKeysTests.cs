using nanoFramework.TestFramework;
using PosFirmware.Messaging.Host;
using PosFirmware.Messaging.Iso8583;
using PosFirmware.Payments.Rules;
using PosFirmware.Security;
using PosFirmware.UnitTests.Support;

namespace PosFirmware.UnitTests.Payments
{
    [TestClass]
    public class SessionKeysTests
    {
        private static HostResponse Answer(string code, string field62Hex)
        {
            HostProfile profile = TestHost.UnionPay();
            byte[] bytes = TestHost.SignOnAnswer(profile, code, field62Hex);
            HostResponse r = new HostResponse();
            Assert.AreEqual((int)ResponseStatus.Ok, (int)new ResponseReader().Read(profile, null, TestHost.SignOnRequest(profile), bytes, 0, bytes.Length, r));
            return r;
        }

        [TestMethod]
        public void ASignOnLoadsKeysAndCodesDropThem()
        {
            SessionKeys session = new SessionKeys(new DesKey(SignOnKeys.Tmk));
            Assert.IsFalse(session.IsSignedOn);
            Assert.IsNull(session.MacKey);
            HostProfile profile = TestHost.UnionPay();
            Assert.AreEqual((int)SignOnStatus.SignedOn, (int)session.Accept(profile, Answer("00", SignOnKeys.Field62(SignOnKeyFormat.DoubleLength))));
            Assert.IsTrue(session.IsSignedOn);
            byte[] kcv = new byte[4];
            KeyCheckValue.Compute(session.MacKey, kcv, 0, 4);
            Assert.AreEqual("D5D44FF7", Hex.Encode(kcv));
            Assert.IsTrue(session.PinKey.IsTripleDes);

            Assert.IsFalse(session.Observe(Answer("51", null)));
            Assert.IsTrue(session.IsSignedOn);
            DesKey mak = session.MacKey;
            Assert.IsTrue(session.Observe(Answer("A0", null)));
            Assert.IsFalse(session.IsSignedOn);
            // The dropped key is zeroed: using it throws rather than MACing with stale material.
            Assert.ThrowsException(typeof(System.InvalidOperationException), () => mak.EncryptBlock(new byte[8], 0, new byte[8], 0));
        }

        [TestMethod]
        public void BadSignOnAnswersLeaveTheTerminalSignedOff()
        {
            SessionKeys session = new SessionKeys(new DesKey(SignOnKeys.Tmk));
            HostProfile profile = TestHost.UnionPay();
            Assert.AreEqual((int)SignOnStatus.Refused, (int)session.Accept(profile, Answer("97", null)));
            Assert.AreEqual((int)SignOnStatus.NoKeys, (int)session.Accept(profile, Answer("00", null)));
            Assert.AreEqual((int)SignOnStatus.NoKeys, (int)session.Accept(profile, Answer("00", SignOnKeys.Field62(SignOnKeyFormat.SingleLength))));
            string f62 = SignOnKeys.Field62(SignOnKeyFormat.DoubleLength);
            string badKcv = f62.Substring(0, f62.Length - 2) + (f62.EndsWith("00") ? "01" : "00");
            Assert.AreEqual((int)SignOnStatus.KeyCheckFailed, (int)session.Accept(profile, Answer("00", badKcv)));
            Assert.IsFalse(session.IsSignedOn);
        }
    }
}
