using nanoFramework.TestFramework;
using PosFirmware.Security;
using PosFirmware.UnitTests.Support;

namespace PosFirmware.UnitTests.Security
{
    /// <summary>
    /// Every wipe of key material and PIN digits in Security, seen through SecretBuffers' watch: each
    /// test counts the secret buffers the code made (so it cannot pass by seeing none) and checks
    /// that those the code says it zeroed are all zero. Deleting any one wipe fails a test here.
    /// </summary>
    [TestClass]
    public class WipeTests
    {
        private static readonly byte[] Tmk = SignOnKeys.Tmk;

        private static KeyLoadStatus Load(SignOnKeyFormat format, byte[] f62, DesKey tmk, out WorkingKeys keys)
        {
            return WorkingKeys.Load(tmk, format, f62, 0, f62.Length, out keys);
        }

        [TestMethod]
        public void ClearingAKeyZeroesEverySchedule()
        {
            SecretWatch watch = SecretWatch.Start();
            try
            {
                DesKey single = new DesKey(Hex.Decode("0123456789ABCDEF"));
                DesKey two = new DesKey(Hex.Decode("0123456789ABCDEFFEDCBA9876543210"));
                DesKey three = new DesKey(Hex.Decode("0123456789ABCDEFFEDCBA987654321089ABCDEF01234567"));
                Assert.AreEqual(6, watch.Count, "1 + 2 + 3 schedules");
                Assert.AreEqual(6, watch.NotZeroed());
                single.Clear();
                Assert.AreEqual(5, watch.NotZeroed());
                two.Clear();
                Assert.AreEqual(3, watch.NotZeroed());
                three.Clear();
                Assert.AreEqual(0, watch.NotZeroed());
            }
            finally
            {
                watch.Stop();
            }
        }

        [TestMethod]
        public void AFailedLoadZeroesEveryKeyItUnwrapped()
        {
            DesKey tmk = new DesKey(Tmk);
            byte[] f62 = Hex.Decode(SignOnKeys.Field62(SignOnKeyFormat.DoubleLengthWithTrackKey));
            WorkingKeys keys;

            // PIK KCV wrong: the PIK's clear bytes (16) and its two schedules.
            f62[17] ^= 1;
            SecretWatch watch = SecretWatch.Start();
            try
            {
                Assert.AreEqual((int)KeyLoadStatus.PinKeyCheckFailed, (int)Load(SignOnKeyFormat.DoubleLengthWithTrackKey, f62, tmk, out keys));
                Assert.AreEqual(3, watch.Count);
                Assert.AreEqual(0, watch.NotZeroed(), "PIK left in RAM");
            }
            finally
            {
                watch.Stop();
            }

            // MAK KCV wrong: and the MAK's clear bytes (8) and its schedule.
            f62[17] ^= 1;
            f62[37] ^= 1;
            watch = SecretWatch.Start();
            try
            {
                Assert.AreEqual((int)KeyLoadStatus.MacKeyCheckFailed, (int)Load(SignOnKeyFormat.DoubleLengthWithTrackKey, f62, tmk, out keys));
                Assert.AreEqual(5, watch.Count);
                Assert.AreEqual(0, watch.NotZeroed(), "PIK or MAK left in RAM");
            }
            finally
            {
                watch.Stop();
            }

            // TDK KCV wrong: and the TDK's clear bytes (16) and its two schedules.
            f62[37] ^= 1;
            f62[59] ^= 1;
            watch = SecretWatch.Start();
            try
            {
                Assert.AreEqual((int)KeyLoadStatus.TrackKeyCheckFailed, (int)Load(SignOnKeyFormat.DoubleLengthWithTrackKey, f62, tmk, out keys));
                Assert.AreEqual(8, watch.Count);
                Assert.AreEqual(0, watch.NotZeroed(), "PIK, MAK or TDK left in RAM");
            }
            finally
            {
                watch.Stop();
            }
        }

        [TestMethod]
        public void ALoadKeepsOnlySchedulesAndClearZeroesThem()
        {
            DesKey tmk = new DesKey(Tmk);
            byte[] f62 = Hex.Decode(SignOnKeys.Field62(SignOnKeyFormat.DoubleLengthWithTrackKey));
            WorkingKeys keys;
            SecretWatch watch = SecretWatch.Start();
            try
            {
                Assert.AreEqual((int)KeyLoadStatus.Ok, (int)Load(SignOnKeyFormat.DoubleLengthWithTrackKey, f62, tmk, out keys));

                // Three clear keys (16, 8, 16 bytes), zeroed once scheduled; five schedules live.
                Assert.AreEqual(8, watch.Count);
                Assert.AreEqual(5, watch.NotZeroed(), "a clear key outlived its schedule");
                Assert.IsTrue(SecretWatch.IsZero(watch.Buffer(0)), "PIK clear bytes");
                keys.Clear();
                Assert.AreEqual(0, watch.NotZeroed(), "a working key survived Clear");
            }
            finally
            {
                watch.Stop();
            }
        }

        [TestMethod]
        public void ClearingKeysWithoutATrackKeyZeroesPinAndMacKeys()
        {
            DesKey tmk = new DesKey(Tmk);
            byte[] f62 = Hex.Decode(SignOnKeys.Field62(SignOnKeyFormat.DoubleLength));
            WorkingKeys keys;
            SecretWatch watch = SecretWatch.Start();
            try
            {
                Assert.AreEqual((int)KeyLoadStatus.Ok, (int)Load(SignOnKeyFormat.DoubleLength, f62, tmk, out keys));
                Assert.AreEqual(3, watch.NotZeroed());
                keys.Clear();
                Assert.AreEqual(0, watch.NotZeroed());
            }
            finally
            {
                watch.Stop();
            }
        }

        [TestMethod]
        public void RetailMacZeroesItsTwoSchedules()
        {
            byte[] key16 = Hex.Decode("0123456789ABCDEFFEDCBA9876543210");
            byte[] data = Bytes.Ascii("Now is the time for all ");
            byte[] mac = new byte[8];
            SecretWatch watch = SecretWatch.Start();
            try
            {
                Mac.X919(key16, 0, MacPadding.Zeros, data, 0, data.Length, mac, 0);
                Assert.AreEqual("A1C72E74EA3FA9B6", Hex.Encode(mac));
                Assert.AreEqual(2, watch.Count);
                Assert.AreEqual(0, watch.NotZeroed());

                // Also when the MAC cannot be written (the schedules exist by then).
                Assert.ThrowsException(typeof(System.ArgumentOutOfRangeException), () => Mac.X919(key16, 0, MacPadding.Zeros, data, 0, data.Length, new byte[7], 0));
                Assert.AreEqual(4, watch.Count);
                Assert.AreEqual(0, watch.NotZeroed());
            }
            finally
            {
                watch.Stop();
            }
        }

        [TestMethod]
        public void UnionPayMacZeroesItsWorkingBlock()
        {
            DesKey mak = new DesKey(Hex.Decode("0123456789ABCDEF"));
            byte[] data = Hex.Decode("0200702406C020C09A11166228480000000001000000000000000100000121");
            byte[] mac = new byte[8];
            SecretWatch watch = SecretWatch.Start();
            try
            {
                Mac.UnionPay(mak, data, 0, data.Length, mac, 0);
                Assert.AreEqual(1, watch.Count);
                Assert.AreEqual(0, watch.NotZeroed());
            }
            finally
            {
                watch.Stop();
            }
        }

        [TestMethod]
        public void PinBlockZeroesItsPinDigits()
        {
            byte[] pan = Bytes.Ascii("5555555551234567");
            byte[] block = new byte[8];
            SecretWatch watch = SecretWatch.Start();
            try
            {
                Assert.AreEqual((int)PinBlockStatus.Ok, (int)PinBlock.Build(PinBlockFormat.Iso0, new byte[] { 1, 2, 3, 4 }, 4, pan, 0, pan.Length, null, block, 0));
                Assert.AreEqual("041261AAAAEDCBA9", Hex.Encode(block));

                // And when the PAN turns out bad after the PIN was laid out.
                Assert.AreEqual((int)PinBlockStatus.BadPan, (int)PinBlock.Build(PinBlockFormat.Iso0, new byte[] { 1, 2, 3, 4 }, 4, Bytes.Ascii("55555555512345X7"), 0, 16, null, block, 0));
                Assert.AreEqual(2, watch.Count);
                Assert.AreEqual(0, watch.NotZeroed());
            }
            finally
            {
                watch.Stop();
            }
        }
    }
}
