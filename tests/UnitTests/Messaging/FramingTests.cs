using nanoFramework.TestFramework;
using PosFirmware.Messaging.HostLink;
using PosFirmware.UnitTests.Support;

namespace PosFirmware.UnitTests.Messaging
{
    [TestClass]
    public class FramingTests
    {
        private static readonly FramingProfile UnionPay = FramingProfile.UnionPay(Hex.Decode("6006010000"), Hex.Decode("603200324017"));



        [TestMethod]
        public void WritesTheRealSignOnFrame()
        {
            byte[] message = Hex.Decode(Samples.SignOnMessage);
            byte[] output = new byte[128];
            int written;
            Assert.IsTrue(FrameWriter.Write(UnionPay, message, 0, message.Length, output, 0, out written));
            Assert.AreEqual(Samples.SignOnFrame, Hex.Encode(output, 0, written));
            Assert.AreEqual(written, FrameWriter.FrameLength(UnionPay, message.Length));
        }

        [TestMethod]
        public void ReadsAFrameFedOneByteAtATime()
        {
            byte[] frame = Hex.Decode(Samples.SignOnFrame);
            FrameReader reader = new FrameReader(UnionPay);
            for (int i = 0; i < frame.Length; i++)
            {
                Assert.AreEqual((int)FrameStatus.NeedMore, (int)reader.Status);
                Assert.AreEqual(1, reader.Feed(frame, i, 1));
            }

            Assert.AreEqual((int)FrameStatus.Ready, (int)reader.Status);
            Assert.AreEqual(Samples.SignOnMessage, Hex.Encode(reader.Body, reader.MessageOffset, reader.MessageLength));
        }

        [TestMethod]
        public void StopsAtTheEndOfAFrameAndKeepsTheNextOnesBytes()
        {
            byte[] one = Hex.Decode(Samples.SignOnFrame);
            byte[] two = new byte[one.Length * 2];
            System.Array.Copy(one, 0, two, 0, one.Length);
            System.Array.Copy(one, 0, two, one.Length, one.Length);
            FrameReader reader = new FrameReader(UnionPay);
            Assert.AreEqual(one.Length, reader.Feed(two, 0, two.Length));
            Assert.AreEqual((int)FrameStatus.Ready, (int)reader.Status);
            Assert.AreEqual(0, reader.Feed(two, one.Length, one.Length));
            reader.Reset();
            Assert.AreEqual(one.Length, reader.Feed(two, one.Length, one.Length));
            Assert.AreEqual(Samples.SignOnMessage, Hex.Encode(reader.Body, reader.MessageOffset, reader.MessageLength));
        }

        [TestMethod]
        public void AnyChunkingGivesTheSameFrame()
        {
            byte[] frame = Hex.Decode(Samples.SignOnFrame);
            for (int chunk = 1; chunk <= frame.Length; chunk++)
            {
                FrameReader reader = new FrameReader(UnionPay);
                int p = 0;
                while (p < frame.Length)
                {
                    int n = frame.Length - p < chunk ? frame.Length - p : chunk;
                    p += reader.Feed(frame, p, n);
                }

                Assert.AreEqual((int)FrameStatus.Ready, (int)reader.Status, "chunk " + chunk.ToString());
                Assert.AreEqual(Samples.SignOnMessage, Hex.Encode(reader.Body, reader.MessageOffset, reader.MessageLength));
            }
        }

        [TestMethod]
        public void OversizeAndTooShortLengthsAreGarbled()
        {
            FrameReader reader = new FrameReader(UnionPay);
            reader.Feed(Hex.Decode("FFFF00"), 0, 3);
            Assert.AreEqual((int)FrameStatus.TooLarge, (int)reader.Status);
            Assert.AreEqual(0, reader.Feed(new byte[4], 0, 4));

            reader.Reset();
            reader.Feed(Hex.Decode("000A"), 0, 2);
            Assert.AreEqual((int)FrameStatus.TooShort, (int)reader.Status);
        }

        [TestMethod]
        public void WriterRefusesAnOversizeMessage()
        {
            int written;
            Assert.IsFalse(FrameWriter.Write(UnionPay, new byte[3000], 0, 3000, new byte[4000], 0, out written));
            Assert.IsFalse(FrameWriter.Write(UnionPay, new byte[10], 0, 10, new byte[12], 0, out written));
        }

        [TestMethod]
        public void InternationalFramesHaveOnlyTheLength()
        {
            FramingProfile plain = FramingProfile.International();
            byte[] message = Hex.Decode(Samples.SignOnMessage);
            byte[] output = new byte[128];
            int written;
            FrameWriter.Write(plain, message, 0, message.Length, output, 0, out written);
            Assert.AreEqual("0031" + Samples.SignOnMessage, Hex.Encode(output, 0, written));
            FrameReader reader = new FrameReader(plain);
            reader.Feed(output, 0, written);
            Assert.AreEqual((int)FrameStatus.Ready, (int)reader.Status);
            Assert.AreEqual(0, reader.MessageOffset);
        }
    }
}
