using System;
using nanoFramework.TestFramework;
using PosFirmware.Security;
using PosFirmware.UnitTests.Support;

namespace PosFirmware.UnitTests.Security
{
    [TestClass]
    public class MacTests
    {
        private static readonly byte[] RetailKey = Hex.Decode("0123456789ABCDEFFEDCBA9876543210");

        private static string X919Hex(MacPadding padding, byte[] data)
        {
            byte[] mac = new byte[8];
            Mac.X919(RetailKey, 0, padding, data, 0, data.Length, mac, 0);
            return Hex.Encode(mac);
        }

        [TestMethod]
        public void X919VectorsOfThePaymentsReference()
        {
            Assert.AreEqual("479EF7C1ECFE64AC", X919Hex(MacPadding.Zeros, Hex.Decode("1234567890ABCDEF")));
            Assert.AreEqual("912476C111DB4238", X919Hex(MacPadding.Bit, Hex.Decode("1234567890ABCDEF")));
            Assert.AreEqual("A1C72E74EA3FA9B6", X919Hex(MacPadding.Zeros, Bytes.Ascii("Now is the time for all ")));
        }

        [TestMethod]
        public void X99VectorOfThePaymentsReference()
        {
            byte[] data = Bytes.Ascii("Now is the time for all ");
            byte[] mac = new byte[8];
            Mac.X99(new DesKey(Hex.Decode("0123456789ABCDEF")), MacPadding.Zeros, data, 0, data.Length, mac, 0);
            Assert.AreEqual("70A30640CC76DD8B", Hex.Encode(mac));
        }

        [TestMethod]
        public void X99RefusesATripleDesKey()
        {
            Assert.ThrowsException(typeof(ArgumentException), () => Mac.X99(new DesKey(RetailKey), MacPadding.Zeros, new byte[8], 0, 8, new byte[8], 0));
        }

        [TestMethod]
        public void ZeroPaddingOfAPartialBlockEqualsExplicitZeros()
        {
            Assert.AreEqual(X919Hex(MacPadding.Zeros, Hex.Decode("0102030405060708090A000000000000")), X919Hex(MacPadding.Zeros, Hex.Decode("0102030405060708090A")));
        }

        [TestMethod]
        public void UnionPayMacFollowsItsSteps()
        {
            byte[] mak = Hex.Decode("0123456789ABCDEF");
            byte[] data = Hex.Decode("0200702406C020C09A11166228480000000001000000000000000100000121");
            byte[] mac = new byte[8];
            Mac.UnionPay(new DesKey(mak), data, 0, data.Length, mac, 0);

            // The same steps by hand: XOR of zero-padded blocks, hex, E(first 8), XOR last 8, E, hex.
            byte[] x = new byte[8];
            for (int i = 0; i < data.Length; i++)
            {
                x[i % 8] ^= data[i];
            }

            string hex = Hex.Encode(x);
            DesKey key = new DesKey(mak);
            byte[] block = Bytes.Ascii(hex.Substring(0, 8));
            key.EncryptBlock(block, 0, block, 0);
            byte[] last = Bytes.Ascii(hex.Substring(8, 8));
            for (int i = 0; i < 8; i++)
            {
                block[i] ^= last[i];
            }

            key.EncryptBlock(block, 0, block, 0);
            string expected = Hex.Encode(block).Substring(0, 8);
            Assert.AreEqual(Hex.Encode(Bytes.Ascii(expected)), Hex.Encode(mac));
        }

        [TestMethod]
        public void UnionPayMacChangesWithAnyByte()
        {
            DesKey mak = new DesKey(Hex.Decode("0123456789ABCDEF"));
            byte[] data = Bytes.Ascii("0200 sale 000000000100 STAN 000121");
            byte[] a = new byte[8];
            byte[] b = new byte[8];
            Mac.UnionPay(mak, data, 0, data.Length, a, 0);
            for (int i = 0; i < data.Length; i++)
            {
                data[i] ^= 0x01;
                Mac.UnionPay(mak, data, 0, data.Length, b, 0);
                Assert.IsFalse(Mac.AreEqual(a, 0, b, 0, 8), "byte " + i.ToString());
                data[i] ^= 0x01;
            }
        }

        [TestMethod]
        public void AreEqualComparesEveryByte()
        {
            byte[] a = Hex.Decode("0011223344556677");
            Assert.IsTrue(Mac.AreEqual(a, 0, Hex.Decode("0011223344556677"), 0, 8));
            Assert.IsFalse(Mac.AreEqual(a, 0, Hex.Decode("0011223344556676"), 0, 8));
        }
    }
}
