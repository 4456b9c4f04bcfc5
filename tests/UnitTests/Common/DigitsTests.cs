using nanoFramework.TestFramework;
using PosFirmware.Common;

namespace PosFirmware.UnitTests.Common
{
    [TestClass]
    public class DigitsTests
    {
        [TestMethod]
        public void PadsToTheWidth()
        {
            Assert.AreEqual("000122", Digits.Pad(122, 6));
            Assert.AreEqual("000000000100", Digits.Pad(100, 12));
            Assert.AreEqual("999999999999", Digits.Pad(999999999999L, 12));
            // Too wide keeps the low digits (a wrapping counter); negative gives zeros.
            Assert.AreEqual("000001", Digits.Pad(1000001, 6));
            Assert.AreEqual("000", Digits.Pad(-5, 3));
        }

        [TestMethod]
        public void ParsesOnlyDigits()
        {
            Assert.AreEqual(122L, Digits.Parse("000122", 0, 6));
            Assert.AreEqual(12L, Digits.Parse("xx12yy", 2, 2));
            Assert.AreEqual(-1L, Digits.Parse("12a4", 0, 4));
            Assert.AreEqual(-1L, Digits.Parse("12", 1, 2));
            Assert.AreEqual(-1L, Digits.Parse(null, 0, 1));
            Assert.AreEqual(-1L, Digits.Parse("1234567890123456789", 0, 19));
            Assert.IsTrue(Digits.AreAll("0123"));
            Assert.IsFalse(Digits.AreAll(""));
            Assert.IsFalse(Digits.AreAll("12 3"));
        }
    }
}
