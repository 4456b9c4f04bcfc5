using System;
using nanoFramework.TestFramework;
using PosFirmware.Hal;
using PosFirmware.Security;
using PosFirmware.UnitTests.Support;

namespace PosFirmware.UnitTests.Security
{
    /// <summary>
    /// The edges the other Security tests left open (each found by a surviving mutant): DesKey and
    /// DesModes argument checks at the exact limits, CBC decryption refusing overlapping regions, a
    /// MAC written over a dirty buffer, the empty message under zero padding, a KCV of 1 and of 8
    /// bytes, a PAN mask keeping '9', and a PIN block at the PAN lengths 13 and 19, with digits 0 and
    /// 9, in a PIN buffer longer than the PIN and at an offset.
    /// </summary>
    [TestClass]
    public class EdgeTests
    {
        private static readonly byte[] Key8 = Hex.Decode("0123456789ABCDEF");
        private static readonly DesKey Single = new DesKey(Key8);
        private static readonly byte[] Iv = new byte[8];

        private static void Throws(Type expected, Action call)
        {
            Assert.ThrowsException(expected, call);
        }

        [TestMethod]
        public void DesKeyChecksItsArgumentsAtTheLimits()
        {
            Throws(typeof(ArgumentNullException), () => new DesKey(null));
            Throws(typeof(ArgumentNullException), () => new DesKey(null, 0, 8));
            byte[] two = new byte[16];
            Array.Copy(Key8, 0, two, 8, 8);
            Throws(typeof(ArgumentException), () => new DesKey(two, 9, 8));
            Throws(typeof(ArgumentException), () => new DesKey(two, -1, 8));
            DesKey atEnd = new DesKey(two, 8, 8);

            byte[] block = new byte[9];
            Throws(typeof(ArgumentNullException), () => atEnd.EncryptBlock(null, 0, block, 0));
            Throws(typeof(ArgumentNullException), () => atEnd.EncryptBlock(block, 0, null, 0));
            Throws(typeof(ArgumentOutOfRangeException), () => atEnd.EncryptBlock(block, 0, block, 2));
            Throws(typeof(ArgumentOutOfRangeException), () => atEnd.EncryptBlock(block, 2, block, 0));
            atEnd.EncryptBlock(block, 1, block, 1);
            Assert.AreEqual("00D5D44FF720683D0D", Hex.Encode(block), "the key at an offset, the block at the end");
        }

        [TestMethod]
        public void DesModesCheckTheirArgumentsAtTheLimits()
        {
            byte[] data = new byte[16];
            byte[] output = new byte[24];
            Throws(typeof(ArgumentNullException), () => DesModes.EncryptEcb(Single, null, 0, 8, output, 0));
            Throws(typeof(ArgumentNullException), () => DesModes.EncryptEcb(Single, data, 0, 8, null, 0));
            Throws(typeof(ArgumentException), () => DesModes.EncryptEcb(Single, data, 0, 7, output, 0));
            Throws(typeof(ArgumentOutOfRangeException), () => DesModes.EncryptEcb(Single, data, -8, 8, output, 0));
            Throws(typeof(ArgumentOutOfRangeException), () => DesModes.EncryptEcb(Single, data, 9, 8, output, 0));
            Throws(typeof(ArgumentOutOfRangeException), () => DesModes.EncryptEcb(Single, data, 0, 8, output, -8));
            Throws(typeof(ArgumentOutOfRangeException), () => DesModes.EncryptEcb(Single, data, 0, 8, output, 17));
            Throws(typeof(ArgumentOutOfRangeException), () => DesModes.DecryptEcb(Single, data, 9, 8, output, 0));
            Throws(typeof(ArgumentOutOfRangeException), () => DesModes.EncryptCbc(Single, Iv, data, 9, 8, output, 0));
            Throws(typeof(ArgumentOutOfRangeException), () => DesModes.DecryptCbc(Single, Iv, data, 9, 8, output, 0));
            Throws(typeof(ArgumentException), () => DesModes.EncryptCbc(Single, null, data, 0, 8, output, 0));
            Throws(typeof(ArgumentException), () => DesModes.DecryptCbc(Single, null, data, 0, 8, output, 0));
            Throws(typeof(ArgumentException), () => DesModes.DecryptCbc(Single, new byte[7], data, 0, 8, output, 0));

            // Nothing to do is not an error; the last block of the output at a middle offset fits.
            DesModes.EncryptEcb(Single, data, 16, 0, output, 24);
            DesModes.EncryptEcb(Single, data, 8, 8, output, 16);
            DesModes.EncryptEcb(Single, data, 0, 8, output, 8);
            Assert.AreEqual("0000000000000000D5D44FF720683D0DD5D44FF720683D0D", Hex.Encode(output));
        }

        [TestMethod]
        public void CbcDecryptionRefusesOverlappingRegionsOnly()
        {
            byte[] buffer = new byte[24];
            DesModes.EncryptCbc(Single, Iv, buffer, 0, 8, buffer, 0);
            Throws(typeof(ArgumentException), () => DesModes.DecryptCbc(Single, Iv, buffer, 0, 8, buffer, 0));
            Throws(typeof(ArgumentException), () => DesModes.DecryptCbc(Single, Iv, buffer, 0, 16, buffer, 8));
            Throws(typeof(ArgumentException), () => DesModes.DecryptCbc(Single, Iv, buffer, 8, 16, buffer, 0));

            // Adjacent regions of one array do not overlap, on either side.
            DesModes.DecryptCbc(Single, Iv, buffer, 0, 8, buffer, 8);
            Assert.AreEqual("0000000000000000", Hex.Encode(buffer).Substring(16, 16));
            DesModes.EncryptCbc(Single, Iv, buffer, 16, 8, buffer, 16);
            DesModes.DecryptCbc(Single, Iv, buffer, 16, 8, buffer, 8);
            Assert.AreEqual("0000000000000000", Hex.Encode(buffer).Substring(16, 16));
        }

        [TestMethod]
        public void AMacIsTheSameOverADirtyBuffer_AndTheEmptyMessageIsOneZeroBlock()
        {
            byte[] data = Hex.Decode("0102030405060708090A");
            byte[] clean = new byte[8];
            byte[] dirty = Hex.Decode("FFFFFFFFFFFFFFFF");
            Mac.X99(Single, MacPadding.Zeros, data, 0, data.Length, clean, 0);
            Mac.X99(Single, MacPadding.Zeros, data, 0, data.Length, dirty, 0);
            Assert.AreEqual(Hex.Encode(clean), Hex.Encode(dirty));

            byte[] empty = Hex.Decode("FFFFFFFFFFFFFFFF");
            Mac.X99(Single, MacPadding.Zeros, data, 0, 0, empty, 0);
            Assert.AreEqual("D5D44FF720683D0D", Hex.Encode(empty), "E(K, 0^8)");
        }

        [TestMethod]
        public void AKeyCheckValueOfOneAndOfEightBytes()
        {
            byte[] kcv = new byte[9];
            KeyCheckValue.Compute(Single, kcv, 8, 1);
            Assert.AreEqual("0000000000000000D5", Hex.Encode(kcv));
            KeyCheckValue.Compute(Single, kcv, 1, 8);
            Assert.AreEqual("00D5D44FF720683D0D", Hex.Encode(kcv));
            Assert.IsTrue(KeyCheckValue.Matches(Single, kcv, 1, 8));
            Assert.IsTrue(KeyCheckValue.Matches(Single, kcv, 1, 1));
            Assert.IsTrue(KeyCheckValue.Matches(Single, Hex.Decode("D5"), 0, 1));
            Throws(typeof(ArgumentOutOfRangeException), () => KeyCheckValue.Matches(Single, kcv, 0, 9));
        }

        [TestMethod]
        public void AMaskKeepsEveryDigitItShows()
        {
            Assert.AreEqual("999999******9999", PanMask.Mask("9999991234569999"));
            Assert.AreEqual("000000******0000", PanMask.Mask("0000001234560000"));
        }

        [TestMethod]
        public void PinBlockEdges()
        {
            byte[] pin = new byte[12];
            pin[0] = 1;
            pin[1] = 2;
            pin[2] = 3;
            pin[3] = 4;
            byte[] pan13 = Bytes.Ascii("1234567890123");
            byte[] pan19 = Bytes.Ascii("9991234567890123456");
            byte[] block = new byte[10];

            // Format 0 at PAN lengths 13 and 19, digits 0 and 9 in the PAN field, a PIN in a longer buffer.
            Assert.AreEqual((int)PinBlockStatus.Ok, (int)PinBlock.Build(PinBlockFormat.Iso0, pin, 4, pan13, 0, 13, new ZeroRandom(), block, 2));
            Assert.AreEqual("0000041226CBA9876FED", Hex.Encode(block));
            Assert.AreEqual((int)PinBlockStatus.Ok, (int)PinBlock.Build(PinBlockFormat.Iso0, pin, 4, pan19, 0, 19, new ZeroRandom(), block, 0));
            Assert.AreEqual((int)PinBlockStatus.Ok, (int)PinBlock.Build(PinBlockFormat.Iso0, pin, 4, pan19, 3, 13, new ZeroRandom(), block, 0));
            Assert.AreEqual((int)PinBlockStatus.Ok, (int)PinBlock.Build(PinBlockFormat.Iso0, pin, 4, pan19, 6, 13, new ZeroRandom(), block, 0));
            Assert.AreEqual((int)PinBlockStatus.BadPan, (int)PinBlock.Build(PinBlockFormat.Iso0, pin, 4, pan19, 7, 13, new ZeroRandom(), block, 0));
            Assert.AreEqual((int)PinBlockStatus.BadPan, (int)PinBlock.Build(PinBlockFormat.Iso0, pin, 4, pan19, -1, 13, new ZeroRandom(), block, 0));
            Assert.AreEqual((int)PinBlockStatus.BadPan, (int)PinBlock.Build(PinBlockFormat.Iso0, pin, 4, Bytes.Ascii("12345678901234567890"), 0, 20, new ZeroRandom(), block, 0));

            // Format 1 fills with any nibble: with a random source giving 0, zeros.
            Assert.AreEqual((int)PinBlockStatus.Ok, (int)PinBlock.Build(PinBlockFormat.Iso1, pin, 4, null, 0, 0, new ZeroRandom(), block, 0));
            Assert.AreEqual("1412340000000000", Hex.Encode(block).Substring(0, 16));

            // The block's range is the caller's: null, before the start, past the end throw.
            Throws(typeof(ArgumentOutOfRangeException), () => PinBlock.Build(PinBlockFormat.Iso1, pin, 4, null, 0, 0, new ZeroRandom(), null, 0));
            Throws(typeof(ArgumentOutOfRangeException), () => PinBlock.Build(PinBlockFormat.Iso1, pin, 4, null, 0, 0, new ZeroRandom(), block, -1));
            Throws(typeof(ArgumentOutOfRangeException), () => PinBlock.Build(PinBlockFormat.Iso1, pin, 4, null, 0, 0, new ZeroRandom(), block, 3));
        }

        /// <summary>A random source that always gives 0.</summary>
        private sealed class ZeroRandom : IRandomSource
        {
            public void NextBytes(byte[] buffer, int offset, int count)
            {
                for (int i = 0; i < count; i++)
                {
                    buffer[offset + i] = 0;
                }
            }

            public int NextInt(int maxExclusive)
            {
                return 0;
            }
        }
    }
}
