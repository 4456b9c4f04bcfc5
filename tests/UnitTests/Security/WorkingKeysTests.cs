using nanoFramework.TestFramework;
using PosFirmware.Security;
using PosFirmware.UnitTests.Support;

namespace PosFirmware.UnitTests.Security
{
    [TestClass]
    public class WorkingKeysTests
    {
        private static readonly byte[] Tmk = SignOnKeys.Tmk;

        private static string EncryptZeros(DesKey key)
        {
            byte[] b = new byte[8];
            key.EncryptBlock(b, 0, b, 0);
            return Hex.Encode(b);
        }

        [TestMethod]
        public void DoubleLengthKeysLoadAndWork()
        {
            byte[] f62 = Hex.Decode(SignOnKeys.Field62(SignOnKeyFormat.DoubleLength));
            Assert.AreEqual(40, f62.Length);
            WorkingKeys keys;
            Assert.AreEqual((int)KeyLoadStatus.Ok, (int)WorkingKeys.Load(new DesKey(Tmk), SignOnKeyFormat.DoubleLength, f62, 0, f62.Length, out keys));
            Assert.StartsWith("08D7B4FB", EncryptZeros(keys.PinKey));
            Assert.StartsWith("D5D44FF7", EncryptZeros(keys.MacKey));
            Assert.IsTrue(keys.PinKey.IsTripleDes);
            Assert.IsFalse(keys.MacKey.IsTripleDes);
            Assert.IsNull(keys.TrackKey);
        }

        [TestMethod]
        public void SingleLengthAndTrackKeyFormatsLoad()
        {
            byte[] f62 = Hex.Decode(SignOnKeys.Field62(SignOnKeyFormat.SingleLength));
            WorkingKeys keys;
            Assert.AreEqual((int)KeyLoadStatus.Ok, (int)WorkingKeys.Load(new DesKey(Tmk), SignOnKeyFormat.SingleLength, f62, 0, f62.Length, out keys));
            Assert.IsFalse(keys.PinKey.IsTripleDes);

            f62 = Hex.Decode(SignOnKeys.Field62(SignOnKeyFormat.DoubleLengthWithTrackKey));
            Assert.AreEqual((int)KeyLoadStatus.Ok, (int)WorkingKeys.Load(new DesKey(Tmk), SignOnKeyFormat.DoubleLengthWithTrackKey, f62, 0, f62.Length, out keys));
            Assert.IsNotNull(keys.TrackKey);
        }

        [TestMethod]
        public void AWrongCheckValueRejectsTheWholeSet()
        {
            byte[] f62 = Hex.Decode(SignOnKeys.Field62(SignOnKeyFormat.DoubleLengthWithTrackKey));
            WorkingKeys keys;
            f62[17] ^= 1; // PIK KCV
            Assert.AreEqual((int)KeyLoadStatus.PinKeyCheckFailed, (int)WorkingKeys.Load(new DesKey(Tmk), SignOnKeyFormat.DoubleLengthWithTrackKey, f62, 0, f62.Length, out keys));
            Assert.IsNull(keys);
            f62[17] ^= 1;
            f62[37] ^= 1; // MAK KCV
            Assert.AreEqual((int)KeyLoadStatus.MacKeyCheckFailed, (int)WorkingKeys.Load(new DesKey(Tmk), SignOnKeyFormat.DoubleLengthWithTrackKey, f62, 0, f62.Length, out keys));
            f62[37] ^= 1;
            f62[2] ^= 1; // the wrapped PIK itself
            Assert.AreEqual((int)KeyLoadStatus.PinKeyCheckFailed, (int)WorkingKeys.Load(new DesKey(Tmk), SignOnKeyFormat.DoubleLengthWithTrackKey, f62, 0, f62.Length, out keys));
            f62[2] ^= 1;
            f62[59] ^= 1; // TDK KCV
            Assert.AreEqual((int)KeyLoadStatus.TrackKeyCheckFailed, (int)WorkingKeys.Load(new DesKey(Tmk), SignOnKeyFormat.DoubleLengthWithTrackKey, f62, 0, f62.Length, out keys));
        }

        [TestMethod]
        public void AWrongMasterKeyFailsTheChecks()
        {
            byte[] f62 = Hex.Decode(SignOnKeys.Field62(SignOnKeyFormat.DoubleLength));
            WorkingKeys keys;
            Assert.AreEqual((int)KeyLoadStatus.PinKeyCheckFailed, (int)WorkingKeys.Load(new DesKey(Hex.Decode("33333333333333334444444444444444")), SignOnKeyFormat.DoubleLength, f62, 0, f62.Length, out keys));
        }

        [TestMethod]
        public void AWrongLengthIsAStatus()
        {
            WorkingKeys keys;
            Assert.AreEqual((int)KeyLoadStatus.BadLength, (int)WorkingKeys.Load(new DesKey(Tmk), SignOnKeyFormat.DoubleLength, new byte[39], 0, 39, out keys));
            Assert.AreEqual((int)KeyLoadStatus.BadLength, (int)WorkingKeys.Load(new DesKey(Tmk), SignOnKeyFormat.SingleLength, new byte[40], 0, 40, out keys));
            Assert.AreEqual((int)KeyLoadStatus.BadLength, (int)WorkingKeys.Load(new DesKey(Tmk), SignOnKeyFormat.SingleLength, null, 0, 24, out keys));
        }

        [TestMethod]
        public void ClearedKeysCannotBeUsed()
        {
            byte[] f62 = Hex.Decode(SignOnKeys.Field62(SignOnKeyFormat.DoubleLength));
            WorkingKeys keys;
            WorkingKeys.Load(new DesKey(Tmk), SignOnKeyFormat.DoubleLength, f62, 0, f62.Length, out keys);
            keys.Clear();
            Assert.ThrowsException(typeof(System.InvalidOperationException), () => EncryptZeros(keys.MacKey));
        }
    }
}
