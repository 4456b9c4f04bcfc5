using System;
using System.Security.Cryptography;
using nanoFramework.TestFramework;
using PosFirmware.Security;
using PosFirmware.Virtual.Random;

namespace PosFirmware.UnitTests.Virtual
{
    /// <summary>
    /// Our DES/3DES against .NET's (OpenSSL's) on seeded random keys and data (host-only: the
    /// reference exists only here). A failure prints the seed and the case.
    /// </summary>
    [TestClass]
    public class DesCrossCheckTests
    {
        private const long Seed = 8583;
        private const int Cases = 300;

        [TestMethod]
        public void TripleDesEcbAndCbcMatchDotNet()
        {
            var random = new SeededRandom(Seed);
            for (int n = 0; n < Cases; n++)
            {
                int keyLength = n % 2 == 0 ? 16 : 24;
                byte[] key = RandomBytes(random, keyLength);
                if (TripleDES.IsWeakKey(key))
                {
                    continue;
                }

                byte[] iv = RandomBytes(random, 8);
                byte[] data = RandomBytes(random, 8 * (1 + random.NextInt(8)));
                using var reference = TripleDES.Create();
                reference.Key = AsThreeKey(key);
                string context = $"seed {Seed} case {n} key {Convert.ToHexString(key)} data {Convert.ToHexString(data)}";

                var ours = new DesKey(key);
                var ecb = new byte[data.Length];
                DesModes.EncryptEcb(ours, data, 0, data.Length, ecb, 0);
                Assert.AreEqual(Convert.ToHexString(reference.EncryptEcb(data, PaddingMode.None)), Convert.ToHexString(ecb), context);

                var cbc = new byte[data.Length];
                DesModes.EncryptCbc(ours, iv, data, 0, data.Length, cbc, 0);
                Assert.AreEqual(Convert.ToHexString(reference.EncryptCbc(data, iv, PaddingMode.None)), Convert.ToHexString(cbc), context);

                var back = new byte[data.Length];
                DesModes.DecryptCbc(ours, iv, cbc, 0, cbc.Length, back, 0);
                Assert.AreEqual(Convert.ToHexString(data), Convert.ToHexString(back), context);
            }
        }

        [TestMethod]
        public void SingleDesAndCbcMacMatchDotNet()
        {
            // Single DES through .NET's 3DES: E_K1 D_K2 E_K1 with our single-DES pieces must equal
            // .NET's two-key TDES, which pins our single DES for every random K1, K2.
            var random = new SeededRandom(Seed + 1);
            for (int n = 0; n < Cases; n++)
            {
                byte[] k1 = RandomBytes(random, 8);
                byte[] k2 = RandomBytes(random, 8);
                byte[] both = new byte[16];
                k1.CopyTo(both, 0);
                k2.CopyTo(both, 8);
                if (TripleDES.IsWeakKey(both))
                {
                    continue;
                }

                byte[] block = RandomBytes(random, 8);
                using var reference = TripleDES.Create();
                reference.Key = AsThreeKey(both);
                byte[] expected = reference.EncryptEcb(block, PaddingMode.None);

                var a = new DesKey(k1);
                var b = new DesKey(k2);
                var x = (byte[])block.Clone();
                a.EncryptBlock(x, 0, x, 0);
                b.DecryptBlock(x, 0, x, 0);
                a.EncryptBlock(x, 0, x, 0);
                Assert.AreEqual(Convert.ToHexString(expected), Convert.ToHexString(x), $"seed {Seed + 1} case {n}");
            }
        }

        // This machine's OpenSSL takes only 24-byte TDES keys: K1 K2 is K1 K2 K1 by definition.
        private static byte[] AsThreeKey(byte[] key)
        {
            if (key.Length == 24)
            {
                return key;
            }

            var k = new byte[24];
            key.CopyTo(k, 0);
            Array.Copy(key, 0, k, 16, 8);
            return k;
        }

        private static byte[] RandomBytes(SeededRandom random, int count)
        {
            var b = new byte[count];
            random.NextBytes(b, 0, count);
            return b;
        }
    }
}
