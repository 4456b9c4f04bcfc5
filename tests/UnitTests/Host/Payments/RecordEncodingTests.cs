using System;
using nanoFramework.TestFramework;
using PosFirmware.Payments.Journal;

namespace PosFirmware.UnitTests.Payments
{
    /// <summary>
    /// The payload encoding, known bytes first: big-endian integers, ASCII with a one-byte length
    /// (255 = null), byte strings with a two-byte length (0xFFFF = null); a writer that runs out of
    /// room and a reader that runs past the end say so instead of throwing. And the record frame.
    /// </summary>
    [TestClass]
    public class RecordEncodingTests
    {
        private static string Hex(RecordWriter w) => Convert.ToHexString(w.Buffer, 0, w.Length);

        [TestMethod]
        public void IntegersAreBigEndian()
        {
            var w = new RecordWriter(64);
            w.Reset().U8(0x1FF).U16(0x12345).I32(-2).I64(0x0102030405060708L).I64(-1L);
            Assert.AreEqual("FF" + "2345" + "FFFFFFFE" + "0102030405060708" + "FFFFFFFFFFFFFFFF", Hex(w));
            Assert.IsFalse(w.Overflowed);

            var r = new RecordReader().Start(w.Buffer, 0, w.Length);
            Assert.AreEqual(0xFF, r.U8());
            Assert.AreEqual(0x2345, r.U16());
            Assert.AreEqual(-2, r.I32());
            Assert.AreEqual(0x0102030405060708L, r.I64());
            Assert.AreEqual(-1L, r.I64());
            Assert.IsTrue(r.Complete);
            Assert.IsTrue(r.AtEnd);
            Assert.AreEqual(0, r.Remaining);
        }

        [TestMethod]
        public void AnI64WithItsLowHalfAboveTwoToThe31ComesBackWhole()
        {
            var w = new RecordWriter(16);
            w.Reset().I64(0x7FFFFFFF80000000L).I64(0x00000000FFFFFFFFL);
            var r = new RecordReader().Start(w.Buffer, 0, w.Length);
            Assert.AreEqual(0x7FFFFFFF80000000L, r.I64());
            Assert.AreEqual(0x00000000FFFFFFFFL, r.I64());
        }

        [TestMethod]
        public void StringsAndBytesCarryTheirLength_NullIsItsOwnValue()
        {
            var w = new RecordWriter(64);
            w.Reset().Ascii("AB").Ascii(null).Ascii("").Ascii("é").Bytes(new byte[] { 9, 8, 7 }, 1, 2).Bytes(null).Bytes(new byte[0]).Bytes(new byte[] { 5 });
            Assert.AreEqual("024142" + "FF" + "00" + "013F" + "00020807" + "FFFF" + "0000" + "000105", Hex(w));

            var r = new RecordReader().Start(w.Buffer, 0, w.Length);
            Assert.AreEqual("AB", r.Ascii());
            Assert.IsNull(r.Ascii());
            Assert.AreEqual("", r.Ascii());
            Assert.AreEqual("?", r.Ascii(), "above 0x7F: '?'");
            Assert.AreEqual("0807", Convert.ToHexString(r.Bytes()));
            Assert.IsNull(r.Bytes());
            Assert.AreEqual(0, r.Bytes().Length);
            Assert.AreEqual("05", Convert.ToHexString(r.Bytes()));
            Assert.IsTrue(r.Complete);
        }

        [TestMethod]
        public void AStringOf254FitsAndOf255OverflowsTheWriter()
        {
            var w = new RecordWriter(1024);
            w.Reset().Ascii(new string('x', 254));
            Assert.IsFalse(w.Overflowed);
            Assert.AreEqual(255, w.Length);
            Assert.AreEqual(254, (int)w.Buffer[0]);

            w.Reset().Ascii(new string('x', 255));
            Assert.IsTrue(w.Overflowed);
            Assert.AreEqual(0, w.Length, "nothing of it written");
            Assert.IsFalse(w.Reset().Overflowed, "Reset clears it");
        }

        [TestMethod]
        public void AWriterOutOfRoomSaysSo_ExactlyFullDoesNot()
        {
            var w = new RecordWriter(4);
            w.Reset().I32(1);
            Assert.IsFalse(w.Overflowed);
            Assert.AreEqual(4, w.Length);
            w.U8(1);
            Assert.IsTrue(w.Overflowed);
            Assert.AreEqual(4, w.Length);

            w.Reset().Bytes(new byte[] { 1, 2 }, 0, 2);
            Assert.IsFalse(w.Overflowed);
            Assert.AreEqual("00020102", Hex(w));
            w.Reset().Bytes(new byte[] { 1, 2, 3 }, 0, 3);
            Assert.IsTrue(w.Overflowed);
            Assert.AreEqual(2, w.Length, "the length went in, not the bytes");

            // Reset wipes what was written (a payload may hold a PAN).
            w.Reset().I32(-1);
            w.Reset();
            Assert.AreEqual("00000000", Convert.ToHexString(w.Buffer));
        }

        [TestMethod]
        public void AReaderPastTheEndFailsAndGivesZerosAndNulls()
        {
            byte[] b = { 0x00, 0x05, 0x41, 0x42, 0x43, 0x44, 0x99 };
            var r = new RecordReader().Start(b, 1, 5);
            Assert.AreEqual(5, r.Remaining);
            Assert.IsNull(r.Ascii(), "5 characters announced, 4 there");
            Assert.IsTrue(r.Failed);
            Assert.IsFalse(r.Complete);

            r.Start(b, 1, 6);
            Assert.AreEqual("ABCD\u0099", r.Ascii());
            Assert.IsTrue(r.Complete);

            r.Start(b, 2, 4);
            Assert.IsNull(r.Bytes(), "0x4142 bytes announced, 2 there");
            Assert.IsTrue(r.Failed);

            r.Start(new byte[] { 0x00, 0x02, 7, 8 }, 0, 4);
            Assert.AreEqual("0708", Convert.ToHexString(r.Bytes()));
            Assert.IsTrue(r.Complete);

            r.Start(b, 0, 3);
            r.I32();
            Assert.IsTrue(r.Failed);
            Assert.IsTrue(r.AtEnd);
            Assert.IsNull(r.Ascii(), "after a failure");
            Assert.IsNull(r.Bytes(), "after a failure");

            r.Start(b, 0, 2);
            Assert.IsFalse(r.Failed, "Start clears it");
            Assert.IsFalse(r.AtEnd);
            r.U8();
            Assert.IsFalse(r.Complete, "a byte left");
        }

        [TestMethod]
        public void ARecordIsFramedMagicTypeLengthPayloadCrc()
        {
            var batch = new JournalBatch(64);
            Assert.IsTrue(batch.Add(7, new byte[] { 9, 1, 2, 3 }, 1, 2));
            // CRC-32 of 07 0002 0102.
            uint crc = PosFirmware.Common.Crc32.Compute(new byte[] { 7, 0, 2, 1, 2 }, 0, 5);
            Assert.AreEqual("A5070002" + "0102" + crc.ToString("X8"), Convert.ToHexString(batch.Buffer, 0, batch.Length));
            Assert.AreEqual(1, batch.Count);
            Assert.AreEqual(7, (int)JournalBatch.TypeAt(batch.Buffer, 0));
            Assert.AreEqual(2, JournalBatch.PayloadLengthAt(batch.Buffer, 0));

            var big = new JournalBatch(0x20000);
            Assert.IsTrue(big.Add(1, new byte[0x1FF], 0, 0x1FF));
            Assert.AreEqual(0x1FF, JournalBatch.PayloadLengthAt(big.Buffer, 0));
            Assert.IsFalse(big.Add(1, new byte[0x10000], 0, 0x10000), "longer than a two-byte length");
            Assert.IsTrue(big.Overflowed);
        }

        [TestMethod]
        public void ABatchThatDoesNotFitIsMarked_ExactlyFullIsNot()
        {
            var batch = new JournalBatch(2 * JournalBatch.OverheadBytes + 3);
            Assert.IsTrue(batch.Add(1, new byte[1], 0, 1));
            Assert.IsTrue(batch.Add(2, new byte[2], 0, 2));
            Assert.IsFalse(batch.Overflowed);
            Assert.AreEqual(batch.Buffer.Length, batch.Length);
            Assert.IsFalse(batch.Add(3, new byte[0], 0, 0));
            Assert.IsTrue(batch.Overflowed);
            Assert.AreEqual(2, batch.Count);
            batch.Clear();
            Assert.IsFalse(batch.Overflowed);
            Assert.AreEqual(0, batch.Count);
            Assert.AreEqual(0, batch.Length);
            Assert.AreEqual(new string('0', 2 * batch.Buffer.Length), Convert.ToHexString(batch.Buffer), "cleared: no payload left in RAM");

            var w = new RecordWriter(2);
            w.Reset().I32(5);
            Assert.IsFalse(batch.Add(1, w), "a writer that overflowed");
            Assert.IsTrue(batch.Overflowed);
            Assert.AreEqual(0, batch.Count);
            Assert.IsFalse(batch.Add(1, new byte[1], 0, -1), "a negative length");
        }

        [TestMethod]
        public void ReadToGivesTheRecordsInOrder()
        {
            var batch = new JournalBatch(256);
            var w = new RecordWriter(16);
            batch.Add(3, w.Reset().U8(1));
            batch.Add(4, w.Reset());
            batch.Add(5, w.Reset().I32(0x01020304));
            var seen = new System.Collections.Generic.List<string>();
            batch.ReadTo(new Seen(seen));
            Assert.AreEqual("3:01 4: 5:01020304", string.Join(" ", seen));
        }

        private sealed class Seen : IJournalReader
        {
            private readonly System.Collections.Generic.List<string> _seen;

            public Seen(System.Collections.Generic.List<string> seen) => _seen = seen;

            public void OnRecord(byte type, byte[] buffer, int offset, int length) => _seen.Add(type + ":" + Convert.ToHexString(buffer, offset, length));
        }
    }
}
