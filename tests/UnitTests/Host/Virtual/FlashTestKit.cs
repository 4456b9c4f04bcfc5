using System;
using nanoFramework.TestFramework;
using PosFirmware.Common;
using PosFirmware.Hal;
using PosFirmware.Virtual.Flash;

namespace PosFirmware.UnitTests.Virtual
{
    /// <summary>Small helpers the flash tests share: write-and-close, read-all, a CRC-framed record.</summary>
    internal static class FlashTestKit
    {
        public static void AppendClosed(IFlashStore flash, string name, byte[] data)
        {
            Assert.AreEqual((int)FlashStatus.Ok, (int)flash.OpenAppend(name, out var file));
            Assert.AreEqual((int)FlashStatus.Ok, (int)file.Write(data, 0, data.Length));
            Assert.AreEqual((int)FlashStatus.Ok, (int)file.Close());
        }

        public static byte[] ReadAll(IFlashStore flash, string name)
        {
            Assert.AreEqual((int)FlashStatus.Ok, (int)flash.GetLength(name, out int length));
            var buffer = new byte[length];
            Assert.AreEqual((int)FlashStatus.Ok, (int)flash.ReadAt(name, 0, buffer, 0, length, out int read));
            Assert.AreEqual(length, read);
            return buffer;
        }

        /// <summary>payload + CRC-32 (little endian): the shape of every journal record.</summary>
        public static byte[] Record(byte[] payload)
        {
            var r = new byte[payload.Length + 4];
            payload.CopyTo(r, 0);
            BitConverter.GetBytes(Crc32.Compute(payload, 0, payload.Length)).CopyTo(r, payload.Length);
            return r;
        }

        public static bool RecordIsIntact(byte[] record)
        {
            uint stored = BitConverter.ToUInt32(record, record.Length - 4);
            return stored == Crc32.Compute(record, 0, record.Length - 4);
        }

        public static T ExpectPowerCut<T>(Func<T> action)
        {
            try
            {
                action();
            }
            catch (PowerCutException)
            {
                return default;
            }

            throw new Microsoft.VisualStudio.TestTools.UnitTesting.AssertFailedException("expected a power cut");
        }
    }
}
