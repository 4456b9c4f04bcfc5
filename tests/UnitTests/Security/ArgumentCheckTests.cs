using System;
using nanoFramework.TestFramework;
using PosFirmware.Security;
using PosFirmware.UnitTests.Support;

namespace PosFirmware.UnitTests.Security
{
    /// <summary>
    /// The argument checks of Mac, KeyCheckValue and WorkingKeys: a caller's mistake (null, a length
    /// or range that does not fit) throws the exception each method documents, before anything is
    /// read or written; field 62 from the host is outside input and gets a status instead.
    /// </summary>
    [TestClass]
    public class ArgumentCheckTests
    {
        private static readonly DesKey Single = new DesKey(Hex.Decode("0123456789ABCDEF"));
        private static readonly byte[] Key16 = Hex.Decode("0123456789ABCDEFFEDCBA9876543210");
        private static readonly byte[] Data = Hex.Decode("0102030405060708090A");

        private static void Throws(Type expected, Action call)
        {
            Assert.ThrowsException(expected, call);
        }

        [TestMethod]
        public void X99ChecksItsArguments()
        {
            byte[] mac = new byte[8];
            Throws(typeof(ArgumentNullException), () => Mac.X99(null, MacPadding.Zeros, Data, 0, Data.Length, mac, 0));
            Throws(typeof(ArgumentNullException), () => Mac.X99(Single, MacPadding.Zeros, null, 0, 0, mac, 0));
            Throws(typeof(ArgumentNullException), () => Mac.X99(Single, MacPadding.Zeros, Data, 0, Data.Length, null, 0));
            Throws(typeof(ArgumentOutOfRangeException), () => Mac.X99(Single, MacPadding.Zeros, Data, -1, 2, mac, 0));
            Throws(typeof(ArgumentOutOfRangeException), () => Mac.X99(Single, MacPadding.Zeros, Data, 0, -1, mac, 0));
            Throws(typeof(ArgumentOutOfRangeException), () => Mac.X99(Single, MacPadding.Zeros, Data, 1, Data.Length, mac, 0));
            Throws(typeof(ArgumentOutOfRangeException), () => Mac.X99(Single, MacPadding.Zeros, Data, 0, Data.Length, mac, 1));
            Throws(typeof(ArgumentOutOfRangeException), () => Mac.X99(Single, MacPadding.Zeros, Data, 0, Data.Length, mac, -1));
            Throws(typeof(ArgumentOutOfRangeException), () => Mac.X99(Single, MacPadding.Zeros, Data, 0, Data.Length, new byte[7], 0));
            Throws(typeof(ArgumentException), () => Mac.X99(new DesKey(Key16), MacPadding.Zeros, Data, 0, Data.Length, mac, 0));

            // The edges that fit: a MAC at the end of a longer array, data at its end, empty data.
            byte[] wide = new byte[12];
            Mac.X99(Single, MacPadding.Zeros, Data, 2, Data.Length - 2, wide, 4);
            Mac.X99(Single, MacPadding.Zeros, Data, Data.Length, 0, mac, 0);
        }

        [TestMethod]
        public void X919ChecksItsKeyBeforeSchedulingIt()
        {
            byte[] mac = new byte[8];
            SecretWatch watch = SecretWatch.Start();
            try
            {
                Throws(typeof(ArgumentNullException), () => Mac.X919(null, 0, MacPadding.Zeros, Data, 0, Data.Length, mac, 0));
                Throws(typeof(ArgumentOutOfRangeException), () => Mac.X919(new byte[12], 0, MacPadding.Zeros, Data, 0, Data.Length, mac, 0));
                Throws(typeof(ArgumentOutOfRangeException), () => Mac.X919(Key16, 1, MacPadding.Zeros, Data, 0, Data.Length, mac, 0));
                Throws(typeof(ArgumentOutOfRangeException), () => Mac.X919(Key16, -1, MacPadding.Zeros, Data, 0, Data.Length, mac, 0));

                // A key too short for K2 used to leave K1's schedule behind, never zeroed.
                Assert.AreEqual(0, watch.Count, "a key was scheduled for a call that could not run");
            }
            finally
            {
                watch.Stop();
            }

            Throws(typeof(ArgumentNullException), () => Mac.X919(Key16, 0, MacPadding.Zeros, null, 0, 0, mac, 0));
            Throws(typeof(ArgumentNullException), () => Mac.X919(Key16, 0, MacPadding.Zeros, Data, 0, Data.Length, null, 0));
            Throws(typeof(ArgumentOutOfRangeException), () => Mac.X919(Key16, 0, MacPadding.Zeros, Data, 3, Data.Length, mac, 0));
            Throws(typeof(ArgumentOutOfRangeException), () => Mac.X919(Key16, 0, MacPadding.Zeros, Data, 0, Data.Length, mac, 2));
            byte[] key20 = new byte[20];
            Array.Copy(Key16, 0, key20, 4, 16);
            byte[] a = new byte[8];
            byte[] b = new byte[8];
            Mac.X919(Key16, 0, MacPadding.Bit, Data, 0, Data.Length, a, 0);
            Mac.X919(key20, 4, MacPadding.Bit, Data, 0, Data.Length, b, 0);
            Assert.AreEqual(Hex.Encode(a), Hex.Encode(b), "the key at an offset");
        }

        [TestMethod]
        public void UnionPayMacChecksItsArguments()
        {
            byte[] mac = new byte[8];
            Throws(typeof(ArgumentNullException), () => Mac.UnionPay(null, Data, 0, Data.Length, mac, 0));
            Throws(typeof(ArgumentNullException), () => Mac.UnionPay(Single, null, 0, 0, mac, 0));
            Throws(typeof(ArgumentNullException), () => Mac.UnionPay(Single, Data, 0, Data.Length, null, 0));
            Throws(typeof(ArgumentOutOfRangeException), () => Mac.UnionPay(Single, Data, -1, 1, mac, 0));
            Throws(typeof(ArgumentOutOfRangeException), () => Mac.UnionPay(Single, Data, 0, Data.Length + 1, mac, 0));
            Throws(typeof(ArgumentOutOfRangeException), () => Mac.UnionPay(Single, Data, 0, Data.Length, mac, 1));
            Throws(typeof(ArgumentOutOfRangeException), () => Mac.UnionPay(Single, Data, 0, Data.Length, new byte[4], 0));
        }

        [TestMethod]
        public void MacComparisonChecksItsRanges()
        {
            byte[] a = Hex.Decode("0102030405060708");
            byte[] b = Hex.Decode("FF0102030405060708");
            Assert.IsTrue(Mac.AreEqual(a, 0, b, 1, 8));
            Assert.IsFalse(Mac.AreEqual(a, 0, b, 0, 8));
            Assert.IsTrue(Mac.AreEqual(a, 8, b, 9, 0));
            Throws(typeof(ArgumentNullException), () => Mac.AreEqual(null, 0, b, 0, 8));
            Throws(typeof(ArgumentNullException), () => Mac.AreEqual(a, 0, null, 0, 8));
            Throws(typeof(ArgumentOutOfRangeException), () => Mac.AreEqual(a, 1, b, 0, 8));
            Throws(typeof(ArgumentOutOfRangeException), () => Mac.AreEqual(a, 0, b, 2, 8));
            Throws(typeof(ArgumentOutOfRangeException), () => Mac.AreEqual(a, -1, b, 0, 4));
            Throws(typeof(ArgumentOutOfRangeException), () => Mac.AreEqual(a, 0, b, -1, 4));
            Throws(typeof(ArgumentOutOfRangeException), () => Mac.AreEqual(a, 0, b, 0, -1));
        }

        [TestMethod]
        public void KeyCheckValueChecksItsArguments()
        {
            byte[] kcv = new byte[8];
            Throws(typeof(ArgumentNullException), () => KeyCheckValue.Compute(null, kcv, 0, 4));
            Throws(typeof(ArgumentOutOfRangeException), () => KeyCheckValue.Compute(Single, null, 0, 4));
            Throws(typeof(ArgumentOutOfRangeException), () => KeyCheckValue.Compute(Single, kcv, 0, 0));
            Throws(typeof(ArgumentOutOfRangeException), () => KeyCheckValue.Compute(Single, kcv, 0, 9));
            Throws(typeof(ArgumentOutOfRangeException), () => KeyCheckValue.Compute(Single, kcv, 5, 4));
            Throws(typeof(ArgumentOutOfRangeException), () => KeyCheckValue.Compute(Single, kcv, -1, 4));
            KeyCheckValue.Compute(Single, kcv, 4, 4);
            Assert.AreEqual("00000000D5D44FF7", Hex.Encode(kcv));
            KeyCheckValue.Compute(Single, kcv, 0, 8);
            Assert.StartsWith("D5D44FF7", Hex.Encode(kcv));

            byte[] expected = Hex.Decode("00D5D44FF7");
            Assert.IsTrue(KeyCheckValue.Matches(Single, expected, 1, 4));
            Assert.IsTrue(KeyCheckValue.Matches(Single, expected, 1, 3));
            Throws(typeof(ArgumentNullException), () => KeyCheckValue.Matches(null, expected, 1, 4));
            Throws(typeof(ArgumentNullException), () => KeyCheckValue.Matches(Single, null, 0, 4));
            Throws(typeof(ArgumentOutOfRangeException), () => KeyCheckValue.Matches(Single, expected, 2, 4));
            Throws(typeof(ArgumentOutOfRangeException), () => KeyCheckValue.Matches(Single, expected, -1, 4));
            Throws(typeof(ArgumentOutOfRangeException), () => KeyCheckValue.Matches(Single, expected, 0, 0));
            Throws(typeof(ArgumentOutOfRangeException), () => KeyCheckValue.Matches(Single, new byte[9], 0, 9));
        }

        [TestMethod]
        public void WorkingKeysTakeField62AtAnyOffsetAndRefuseRangesThatDoNotFit()
        {
            DesKey tmk = new DesKey(SignOnKeys.Tmk);
            byte[] f62 = Hex.Decode(SignOnKeys.Field62(SignOnKeyFormat.DoubleLength));
            byte[] wide = new byte[f62.Length + 5];
            Array.Copy(f62, 0, wide, 3, f62.Length);
            WorkingKeys keys;
            Assert.AreEqual((int)KeyLoadStatus.Ok, (int)WorkingKeys.Load(tmk, SignOnKeyFormat.DoubleLength, wide, 3, f62.Length, out keys));
            byte[] kcv = new byte[4];
            KeyCheckValue.Compute(keys.MacKey, kcv, 0, 4);
            Assert.AreEqual(SignOnKeys.Kcv(SignOnKeys.ClearMak), Hex.Encode(kcv));

            Assert.AreEqual((int)KeyLoadStatus.BadLength, (int)WorkingKeys.Load(tmk, SignOnKeyFormat.DoubleLength, wide, -1, f62.Length, out keys));
            Assert.IsNull(keys);
            Assert.AreEqual((int)KeyLoadStatus.BadLength, (int)WorkingKeys.Load(tmk, SignOnKeyFormat.DoubleLength, wide, 6, f62.Length, out keys));
            Assert.AreEqual((int)KeyLoadStatus.BadLength, (int)WorkingKeys.Load(tmk, SignOnKeyFormat.DoubleLength, wide, 0, -1, out keys));
            Assert.AreEqual((int)KeyLoadStatus.BadLength, (int)WorkingKeys.Load(tmk, SignOnKeyFormat.DoubleLength, f62, 0, f62.Length - 1, out keys));
            Assert.AreEqual((int)KeyLoadStatus.BadLength, (int)WorkingKeys.Load(tmk, SignOnKeyFormat.DoubleLengthWithTrackKey, f62, 0, f62.Length, out keys));
            Assert.AreEqual((int)KeyLoadStatus.BadLength, (int)WorkingKeys.Load(tmk, SignOnKeyFormat.DoubleLength, null, 0, f62.Length, out keys));
            Throws(typeof(ArgumentNullException), () => WorkingKeys.Load(null, SignOnKeyFormat.DoubleLength, f62, 0, f62.Length, out keys));
        }

        [TestMethod]
        public void Field62LengthsPerFormat()
        {
            Assert.AreEqual(24, WorkingKeys.Field62Length(SignOnKeyFormat.SingleLength));
            Assert.AreEqual(40, WorkingKeys.Field62Length(SignOnKeyFormat.DoubleLength));
            Assert.AreEqual(60, WorkingKeys.Field62Length(SignOnKeyFormat.DoubleLengthWithTrackKey));
        }
    }
}
