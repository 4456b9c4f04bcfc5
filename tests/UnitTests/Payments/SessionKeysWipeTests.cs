using nanoFramework.TestFramework;
using PosFirmware.Messaging.Host;
using PosFirmware.Payments.Rules;
using PosFirmware.Security;
using PosFirmware.UnitTests.Support;

namespace PosFirmware.UnitTests.Payments
{
    /// <summary>
    /// The session's wipes (I7): the sign-on answer's wrapped keys are zeroed once read, good or bad,
    /// and keys replaced by a new sign-on are zeroed, not left to the garbage collector.
    /// </summary>
    [TestClass]
    public class SessionKeysWipeTests
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
        public void TheAnswersField62IsZeroedWhetherTheKeysLoadOrNot()
        {
            SessionKeys session = new SessionKeys(new DesKey(SignOnKeys.Tmk));
            HostProfile profile = TestHost.UnionPay();
            HostResponse good = Answer("00", SignOnKeys.Field62(SignOnKeyFormat.DoubleLength));
            byte[] f62 = good.KeyData;
            Assert.IsFalse(SecretWatch.IsZero(f62));
            Assert.AreEqual((int)SignOnStatus.SignedOn, (int)session.Accept(profile, good));
            Assert.IsTrue(SecretWatch.IsZero(f62), "wrapped keys left in the answer");

            string text = SignOnKeys.Field62(SignOnKeyFormat.DoubleLength);
            HostResponse bad = Answer("00", text.Substring(0, text.Length - 2) + (text.EndsWith("00") ? "01" : "00"));
            f62 = bad.KeyData;
            Assert.AreEqual((int)SignOnStatus.KeyCheckFailed, (int)session.Accept(profile, bad));
            Assert.IsTrue(SecretWatch.IsZero(f62), "wrapped keys of a refused set left in the answer");
        }

        [TestMethod]
        public void ANewSignOnZeroesTheKeysItReplaces()
        {
            SessionKeys session = new SessionKeys(new DesKey(SignOnKeys.Tmk));
            HostProfile profile = TestHost.UnionPay();

            // The answers first: making them schedules the test's own keys.
            HostResponse first = Answer("00", SignOnKeys.Field62(SignOnKeyFormat.DoubleLength));
            HostResponse second = Answer("00", SignOnKeys.Field62(SignOnKeyFormat.DoubleLength));
            SecretWatch watch = SecretWatch.Start();
            try
            {
                Assert.AreEqual((int)SignOnStatus.SignedOn, (int)session.Accept(profile, first));
                Assert.AreEqual(3, watch.NotZeroed(), "PIK (2 schedules) and MAK (1)");
                Assert.AreEqual((int)SignOnStatus.SignedOn, (int)session.Accept(profile, second));
                Assert.AreEqual(3, watch.NotZeroed(), "the first sign-on's keys are still in RAM");
                session.Drop();
                Assert.AreEqual(0, watch.NotZeroed(), "sign-off left keys in RAM");
                Assert.IsFalse(session.IsSignedOn);
            }
            finally
            {
                watch.Stop();
            }
        }
    }
}
