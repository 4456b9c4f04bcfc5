using nanoFramework.TestFramework;
using PosFirmware.Security;
using PosFirmware.UnitTests.Support;

namespace PosFirmware.UnitTests.Security
{
    [TestClass]
    public class PinBlockTests
    {
        private static readonly byte[] Pan = Bytes.Ascii("5555555551234567");

        private static byte[] Digits(string pin)
        {
            byte[] d = new byte[pin.Length];
            for (int i = 0; i < pin.Length; i++)
            {
                d[i] = (byte)(pin[i] - '0');
            }

            return d;
        }

        private static string Format0(string pin)
        {
            byte[] block = new byte[8];
            byte[] digits = Digits(pin);
            Assert.AreEqual((int)PinBlockStatus.Ok, (int)PinBlock.Build(PinBlockFormat.Iso0, digits, digits.Length, Pan, 0, Pan.Length, new FixedRandom(), block, 0));
            return Hex.Encode(block);
        }

        [TestMethod]
        public void Format0VectorsOfThePaymentsReference()
        {
            Assert.AreEqual("041261AAAAEDCBA9", Format0("1234"));
            Assert.AreEqual("0C1261032D8226A9", Format0("123456789012"));
        }

        [TestMethod]
        public void Format3FillsWithAToFNibblesAndDiffersPerRandom()
        {
            byte[] digits = Digits("1234");
            byte[] block = new byte[8];
            Assert.AreEqual((int)PinBlockStatus.Ok, (int)PinBlock.Build(PinBlockFormat.Iso3, digits, 4, Pan, 0, Pan.Length, new FixedRandom(), block, 0));
            // Undo the PAN field to see the PIN field: 3, length 4, PIN, then A-F fill.
            byte[] panField = Hex.Decode("0000555555123456");
            string pinField = "";
            for (int i = 0; i < 8; i++)
            {
                block[i] ^= panField[i];
            }

            pinField = Hex.Encode(block);
            Assert.StartsWith("341234", pinField);
            for (int i = 6; i < 16; i++)
            {
                Assert.IsTrue(pinField[i] >= 'A' && pinField[i] <= 'F', pinField);
            }
        }

        [TestMethod]
        public void Format1HasNoPan()
        {
            byte[] digits = Digits("98765");
            byte[] block = new byte[8];
            Assert.AreEqual((int)PinBlockStatus.Ok, (int)PinBlock.Build(PinBlockFormat.Iso1, digits, 5, null, 0, 0, new FixedRandom(), block, 0));
            Assert.StartsWith("1598765", Hex.Encode(block));
        }

        [TestMethod]
        public void BadInputIsAStatusAndLeavesAZeroBlock()
        {
            byte[] block = Hex.Decode("FFFFFFFFFFFFFFFF");
            Assert.AreEqual((int)PinBlockStatus.BadPinLength, (int)PinBlock.Build(PinBlockFormat.Iso0, Digits("123"), 3, Pan, 0, Pan.Length, new FixedRandom(), block, 0));
            Assert.AreEqual((int)PinBlockStatus.BadPinLength, (int)PinBlock.Build(PinBlockFormat.Iso0, Digits("1234567890123"), 13, Pan, 0, Pan.Length, new FixedRandom(), block, 0));
            Assert.AreEqual((int)PinBlockStatus.BadPinDigit, (int)PinBlock.Build(PinBlockFormat.Iso0, new byte[] { 1, 2, 3, 10 }, 4, Pan, 0, Pan.Length, new FixedRandom(), block, 0));
            Assert.AreEqual((int)PinBlockStatus.BadPan, (int)PinBlock.Build(PinBlockFormat.Iso0, Digits("1234"), 4, Bytes.Ascii("555555555123"), 0, 12, new FixedRandom(), block, 0));
            Assert.AreEqual((int)PinBlockStatus.BadPan, (int)PinBlock.Build(PinBlockFormat.Iso0, Digits("1234"), 4, Bytes.Ascii("55555555512345X7"), 0, 16, new FixedRandom(), block, 0));
            Assert.AreEqual("0000000000000000", Hex.Encode(block));
        }

        /// <summary>A deterministic IRandomSource for the tests: 0, 1, 2, ... modulo the bound.</summary>
        private sealed class FixedRandom : PosFirmware.Hal.IRandomSource
        {
            private static int _next;

            public void NextBytes(byte[] buffer, int offset, int count)
            {
                for (int i = 0; i < count; i++)
                {
                    buffer[offset + i] = (byte)_next++;
                }
            }

            public int NextInt(int maxExclusive)
            {
                return _next++ % maxExclusive;
            }
        }
    }
}
