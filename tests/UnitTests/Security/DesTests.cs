using System;
using nanoFramework.TestFramework;
using PosFirmware.Security;
using PosFirmware.UnitTests.Support;

namespace PosFirmware.UnitTests.Security
{
    [TestClass]
    public class DesTests
    {
        private static string EncryptHex(string key, string plain)
        {
            DesKey k = new DesKey(Hex.Decode(key));
            byte[] block = Hex.Decode(plain);
            k.EncryptBlock(block, 0, block, 0);
            return Hex.Encode(block);
        }

        private static string DecryptHex(string key, string cipher)
        {
            DesKey k = new DesKey(Hex.Decode(key));
            byte[] block = Hex.Decode(cipher);
            k.DecryptBlock(block, 0, block, 0);
            return Hex.Encode(block);
        }

        [TestMethod]
        [DataRow("133457799BBCDFF1", "0123456789ABCDEF", "85E813540F0AB405")]
        [DataRow("0123456789ABCDEF", "4E6F772069732074", "3FA40E8A984D4815")]
        [DataRow("0123456789ABCDEF", "0000000000000000", "D5D44FF720683D0D")]
        [DataRow("0101010101010101", "8000000000000000", "95F8A5E5DD31D900")]
        [DataRow("0101010101010101", "4000000000000000", "DD7F121CA5015619")]
        [DataRow("0101010101010101", "0000000000000001", "166B40B44ABA4BD6")]
        [DataRow("8001010101010101", "0000000000000000", "95A8D72813DAA94D")]
        public void KnownAnswers(string key, string plain, string cipher)
        {
            Assert.AreEqual(cipher, EncryptHex(key, plain));
            Assert.AreEqual(plain, DecryptHex(key, cipher));
        }

        [TestMethod]
        public void ParityBitsDoNotMatter()
        {
            Assert.AreEqual(EncryptHex("0123456789ABCDEF", "0011223344556677"), EncryptHex("0022446688AACCEE", "0011223344556677"));
        }

        [TestMethod]
        public void TwoKeyTripleDesIsEdeWithK1K2K1()
        {
            string k1 = "0123456789ABCDEF";
            string k2 = "FEDCBA9876543210";
            string step1 = EncryptHex(k1, "1234567890ABCDEF");
            string step2 = DecryptHex(k2, step1);
            string step3 = EncryptHex(k1, step2);
            Assert.AreEqual(step3, EncryptHex(k1 + k2, "1234567890ABCDEF"));
            Assert.AreEqual(step3, EncryptHex(k1 + k2 + k1, "1234567890ABCDEF"));
            Assert.AreEqual("1234567890ABCDEF", DecryptHex(k1 + k2, step3));
        }

        [TestMethod]
        public void TripleDesWithThreeEqualKeysIsSingleDes()
        {
            string k = "0123456789ABCDEF";
            Assert.AreEqual(EncryptHex(k, "4E6F772069732074"), EncryptHex(k + k + k, "4E6F772069732074"));
        }

        [TestMethod]
        public void KeyCheckValuesOfThePaymentsReference()
        {
            // PAYMENTS.md section 7: KCV = first 4 bytes of E_key(8 zero bytes).
            Assert.StartsWith("D5D44FF7", EncryptHex("0123456789ABCDEF", "0000000000000000"));
            Assert.StartsWith("08D7B4FB", EncryptHex("0123456789ABCDEFFEDCBA9876543210", "0000000000000000"));
        }

        [TestMethod]
        public void CbcChainsAndRoundTrips()
        {
            DesKey key = new DesKey(Hex.Decode("0123456789ABCDEF"));
            byte[] iv = Hex.Decode("1234567890ABCDEF");
            byte[] plain = Bytes.Ascii("Now is the time for all ");
            byte[] cipher = new byte[plain.Length];
            DesModes.EncryptCbc(key, iv, plain, 0, plain.Length, cipher, 0);
            // FIPS 81 appendix C, CBC example.
            Assert.AreEqual("E5C7CDDE872BF27C43E934008C389C0F683788499A7C05F6", Hex.Encode(cipher));
            byte[] back = new byte[plain.Length];
            DesModes.DecryptCbc(key, iv, cipher, 0, cipher.Length, back, 0);
            Assert.AreEqual(Hex.Encode(plain), Hex.Encode(back));
        }

        [TestMethod]
        public void EcbEncryptsEachBlockAlone()
        {
            DesKey key = new DesKey(Hex.Decode("0123456789ABCDEF"));
            byte[] plain = Bytes.Ascii("Now is the time for all ");
            byte[] cipher = new byte[plain.Length];
            DesModes.EncryptEcb(key, plain, 0, plain.Length, cipher, 0);
            // FIPS 81 appendix B, ECB example.
            Assert.AreEqual("3FA40E8A984D48156A271787AB8883F9893D51EC4B563B53", Hex.Encode(cipher));
            DesModes.DecryptEcb(key, cipher, 0, cipher.Length, cipher, 0);
            Assert.AreEqual(Hex.Encode(plain), Hex.Encode(cipher));
        }

        [TestMethod]
        public void MisuseIsAProgrammingError()
        {
            Assert.ThrowsException(typeof(ArgumentException), () => new DesKey(new byte[7]));
            Assert.ThrowsException(typeof(ArgumentException), () => new DesKey(new byte[32]));
            DesKey key = new DesKey(new byte[8]);
            Assert.ThrowsException(typeof(ArgumentException), () => DesModes.EncryptEcb(key, new byte[9], 0, 9, new byte[16], 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => key.EncryptBlock(new byte[8], 1, new byte[8], 0));
        }

        [TestMethod]
        public void AClearedKeyCannotBeUsed()
        {
            DesKey key = new DesKey(Hex.Decode("0123456789ABCDEFFEDCBA9876543210"));
            key.Clear();
            Assert.ThrowsException(typeof(InvalidOperationException), () => key.EncryptBlock(new byte[8], 0, new byte[8], 0));
        }
    }
}
