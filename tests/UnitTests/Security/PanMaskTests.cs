using nanoFramework.TestFramework;
using PosFirmware.Security;

namespace PosFirmware.UnitTests.Security
{
    [TestClass]
    public class PanMaskTests
    {
        [TestMethod]
        public void KeepsAtMostFirstSixAndLastFour()
        {
            Assert.AreEqual("622848******0001", PanMask.Mask("6228480000000001"));
            Assert.AreEqual("622848*********0001", PanMask.Mask("6228480000000000001"));
            Assert.AreEqual("555555***4567", PanMask.Mask("5555555554567"));
        }

        [TestMethod]
        public void ShortOrOddInputKeepsOnlyTheLastFourDigits()
        {
            Assert.AreEqual("********4567", PanMask.Mask("123456784567"));
            Assert.AreEqual("1234", PanMask.Mask("1234"));
            Assert.AreEqual("12", PanMask.Mask("12"));
            Assert.AreEqual("", PanMask.Mask(null));
            Assert.AreEqual("622848******0**1", PanMask.Mask("6228480000000=?1"));
        }
    }
}
