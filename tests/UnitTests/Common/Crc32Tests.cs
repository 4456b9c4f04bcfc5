using nanoFramework.TestFramework;
using PosFirmware.Common;
using PosFirmware.UnitTests.Support;

namespace PosFirmware.UnitTests.Common
{
    [TestClass]
    public class Crc32Tests
    {
        [TestMethod]
        public void CheckValueOfTheStandard()
        {
            byte[] data = Bytes.Ascii("123456789");
            Assert.AreEqual(0xCBF43926u, Crc32.Compute(data, 0, data.Length));
        }

        [TestMethod]
        public void EmptyInputIsZero()
        {
            Assert.AreEqual(0u, Crc32.Compute(new byte[0], 0, 0));
        }

        [TestMethod]
        public void IncrementalEqualsOneShot()
        {
            byte[] data = Bytes.Ascii("The quick brown fox jumps over the lazy dog");
            uint crc = Crc32.Update(Crc32.Start, data, 0, 10);
            crc = Crc32.Update(crc, data, 10, data.Length - 10);
            Assert.AreEqual(0x414FA339u, Crc32.Finish(crc));
            Assert.AreEqual(0x414FA339u, Crc32.Compute(data, 0, data.Length));
        }

        [TestMethod]
        public void EverySingleBitFlipChangesTheCrc()
        {
            byte[] data = Bytes.Ascii("STAN=000121;AMT=000000000100");
            uint good = Crc32.Compute(data, 0, data.Length);
            for (int bit = 0; bit < data.Length * 8; bit++)
            {
                data[bit / 8] ^= (byte)(1 << (bit % 8));
                Assert.AreNotEqual((long)good, (long)Crc32.Compute(data, 0, data.Length));
                data[bit / 8] ^= (byte)(1 << (bit % 8));
            }
        }

        [TestMethod]
        public void ComputesOverTheGivenRangeOnly()
        {
            byte[] framed = Bytes.Ascii("xx123456789yy");
            Assert.AreEqual(0xCBF43926u, Crc32.Compute(framed, 2, 9));
        }
    }
}
