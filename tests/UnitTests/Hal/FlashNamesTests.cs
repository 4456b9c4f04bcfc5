using nanoFramework.TestFramework;
using PosFirmware.Hal;

namespace PosFirmware.UnitTests.Hal
{
    [TestClass]
    public class FlashNamesTests
    {
        [TestMethod]
        public void AcceptsPlainNames()
        {
            Assert.IsTrue(FlashNames.IsValid("journal.0001"));
            Assert.IsTrue(FlashNames.IsValid("a"));
            Assert.IsTrue(FlashNames.IsValid("keys_v2-new"));
            Assert.IsTrue(FlashNames.IsValid(new string('x', FlashNames.MaxNameLength)));
        }

        [TestMethod]
        public void RejectsEmptyLongAndPathLikeNames()
        {
            Assert.IsFalse(FlashNames.IsValid(null));
            Assert.IsFalse(FlashNames.IsValid(""));
            Assert.IsFalse(FlashNames.IsValid(new string('x', FlashNames.MaxNameLength + 1)));
            Assert.IsFalse(FlashNames.IsValid("I:\\journal"));
            Assert.IsFalse(FlashNames.IsValid("dir/file"));
            Assert.IsFalse(FlashNames.IsValid("with space"));
        }
    }
}
