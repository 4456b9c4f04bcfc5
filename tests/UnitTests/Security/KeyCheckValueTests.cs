using nanoFramework.TestFramework;
using PosFirmware.Security;
using PosFirmware.UnitTests.Support;

namespace PosFirmware.UnitTests.Security
{
    [TestClass]
    public class KeyCheckValueTests
    {
        [TestMethod]
        public void VectorsOfThePaymentsReference()
        {
            byte[] kcv = new byte[4];
            KeyCheckValue.Compute(new DesKey(Hex.Decode("0123456789ABCDEF")), kcv, 0, 4);
            Assert.AreEqual("D5D44FF7", Hex.Encode(kcv));
            KeyCheckValue.Compute(new DesKey(Hex.Decode("0123456789ABCDEFFEDCBA9876543210")), kcv, 0, 4);
            Assert.AreEqual("08D7B4FB", Hex.Encode(kcv));
        }

        [TestMethod]
        public void AWrongCheckValueIsRejected()
        {
            DesKey key = new DesKey(Hex.Decode("0123456789ABCDEF"));
            Assert.IsTrue(KeyCheckValue.Matches(key, Hex.Decode("D5D44FF7"), 0, 4));
            Assert.IsFalse(KeyCheckValue.Matches(key, Hex.Decode("D5D44FF8"), 0, 4));
        }
    }
}
