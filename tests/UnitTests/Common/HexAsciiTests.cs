using nanoFramework.TestFramework;
using PosFirmware.Common;
using PosFirmware.UnitTests.Support;

namespace PosFirmware.UnitTests.Common
{
    [TestClass]
    public class HexAsciiTests
    {
        [TestMethod]
        public void WritesUpperCaseDigitsAndReadsEitherCase()
        {
            byte[] data = Hex.Decode("00019AFF");
            byte[] text = new byte[8];
            HexAscii.Write(data, 0, 4, text, 0);
            Assert.AreEqual(Hex.Encode(Bytes.Ascii("00019AFF")), Hex.Encode(text));
            byte[] back = new byte[4];
            Assert.IsTrue(HexAscii.TryRead(Bytes.Ascii("00019aff"), 0, 4, back, 0));
            Assert.AreEqual("00019AFF", Hex.Encode(back));
        }

        [TestMethod]
        public void RefusesANonHexCharacter()
        {
            Assert.IsFalse(HexAscii.TryRead(Bytes.Ascii("0G"), 0, 1, new byte[1], 0));
            Assert.IsFalse(HexAscii.TryRead(Bytes.Ascii("0 "), 0, 1, new byte[1], 0));
        }

        [TestMethod]
        public void MatchesComparesEveryCharacter()
        {
            byte[] data = Hex.Decode("00019AFF");
            Assert.IsTrue(HexAscii.Matches(data, 0, 4, Bytes.Ascii("x00019AFF"), 1));
            Assert.IsFalse(HexAscii.Matches(data, 0, 4, Bytes.Ascii("00019aff"), 0));
            Assert.IsFalse(HexAscii.Matches(data, 0, 4, Bytes.Ascii("10019AFF"), 0));
            Assert.IsFalse(HexAscii.Matches(data, 0, 4, Bytes.Ascii("00019AFE"), 0));
        }
    }
}
