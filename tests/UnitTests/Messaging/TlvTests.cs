using nanoFramework.TestFramework;
using PosFirmware.Messaging.Emv;
using PosFirmware.UnitTests.Support;

namespace PosFirmware.UnitTests.Messaging
{
    [TestClass]
    public class TlvTests
    {
        // A GPO answer in format 2: 77 { 82 AIP, 94 AFL, 9F36 ATC, 9F26 AC }.
        private static readonly byte[] Gpo = Hex.Decode("771A820200809404080101009F360200069F2608E7B33BDAB05F4D2F");

        [TestMethod]
        public void ReadsOneAndMultiByteTags()
        {
            uint tag;
            int vo, vl;
            Assert.AreEqual((int)TlvStatus.Ok, (int)Tlv.ReadHeader(Gpo, 0, Gpo.Length, out tag, out vo, out vl));
            Assert.AreEqual(0x77u, tag);
            Assert.AreEqual(2, vo);
            Assert.AreEqual(0x1A, vl);
            Assert.IsTrue(Tlv.IsConstructed(tag));
            Assert.AreEqual((int)TlvStatus.Ok, (int)Tlv.ReadHeader(Gpo, 12, Gpo.Length, out tag, out vo, out vl));
            Assert.AreEqual(0x9F36u, tag);
            Assert.IsFalse(Tlv.IsConstructed(tag));
        }

        [TestMethod]
        public void FindsInsideTemplates()
        {
            int vo, vl;
            Assert.AreEqual((int)TlvStatus.Ok, (int)Tlv.Find(Gpo, 0, Gpo.Length, 0x9F26, out vo, out vl));
            Assert.AreEqual("E7B33BDAB05F4D2F", Hex.Encode(Gpo, vo, vl));
            Assert.AreEqual((int)TlvStatus.Ok, (int)Tlv.Find(Gpo, 0, Gpo.Length, 0x94, out vo, out vl));
            Assert.AreEqual("08010100", Hex.Encode(Gpo, vo, vl));
            Assert.AreEqual((int)TlvStatus.NotFound, (int)Tlv.Find(Gpo, 0, Gpo.Length, 0x5A, out vo, out vl));
            Assert.AreEqual((int)TlvStatus.Ok, (int)Tlv.Validate(Gpo, 0, Gpo.Length));
        }

        [TestMethod]
        public void LongFormLengthsRoundTrip()
        {
            byte[] value = new byte[300];
            value[299] = 0xAB;
            byte[] output = new byte[310];
            int written;
            Assert.AreEqual((int)TlvStatus.Ok, (int)Tlv.Write(0xBF0C, value, 0, 300, output, 0, out written));
            Assert.AreEqual(2 + 3 + 300, written);
            Assert.AreEqual("BF0C82012C", Hex.Encode(output, 0, 5));
            uint tag;
            int vo, vl;
            Assert.AreEqual((int)TlvStatus.Ok, (int)Tlv.ReadHeader(output, 0, written, out tag, out vo, out vl));
            Assert.AreEqual(0xBF0Cu, tag);
            Assert.AreEqual(300, vl);
            Assert.AreEqual((byte)0xAB, output[vo + 299]);
            Assert.AreEqual("8181", Hex.Encode(Encode(0x81, 0x81), 0, 2));
        }

        private static byte[] Encode(uint tag, int length)
        {
            byte[] output = new byte[length + 8];
            int written;
            Tlv.Write(tag, new byte[length], 0, length, output, 0, out written);
            return output;
        }

        [TestMethod]
        public void BadBytesGiveTypedStatuses()
        {
            int vo, vl;
            Assert.AreEqual((int)TlvStatus.Truncated, (int)Tlv.Validate(Hex.Decode("9F"), 0, 1));
            Assert.AreEqual((int)TlvStatus.Truncated, (int)Tlv.Validate(Hex.Decode("9F36"), 0, 2));
            Assert.AreEqual((int)TlvStatus.LengthPastEnd, (int)Tlv.Validate(Hex.Decode("9F360500"), 0, 4));
            Assert.AreEqual((int)TlvStatus.LengthPastEnd, (int)Tlv.Validate(Hex.Decode("5A84FFFFFFFF00"), 0, 7));
            Assert.AreEqual((int)TlvStatus.BadLength, (int)Tlv.Validate(Hex.Decode("5A8000"), 0, 3));
            Assert.AreEqual((int)TlvStatus.BadLength, (int)Tlv.Validate(Hex.Decode("5A850000000001"), 0, 7));
            Assert.AreEqual((int)TlvStatus.TagTooLong, (int)Tlv.Validate(Hex.Decode("1F8181818101"), 0, 6));
            // A template whose child runs past the template (but not past the buffer).
            Assert.AreEqual((int)TlvStatus.LengthPastEnd, (int)Tlv.Validate(Hex.Decode("7003820400000000"), 0, 8));
            Assert.AreEqual((int)TlvStatus.LengthPastEnd, (int)Tlv.Find(Hex.Decode("9F360500"), 0, 4, 0x9F36, out vo, out vl));
        }

        [TestMethod]
        public void TenThousandNestedTemplatesAreTooDeepNotAStackOverflow()
        {
            byte[] nested = Nested(10000);
            Assert.AreEqual((int)TlvStatus.TooDeep, (int)Tlv.Validate(nested, 0, nested.Length));
            int vo, vl;
            Assert.AreEqual((int)TlvStatus.TooDeep, (int)Tlv.Find(nested, 0, nested.Length, 0x5A, out vo, out vl));
        }

        // levels of well-formed 70 templates around 5A 01 00, every length exact.
        private static byte[] Nested(int levels)
        {
            int[] content = new int[levels + 1];
            content[0] = 3;
            for (int k = 1; k <= levels; k++)
            {
                content[k] = content[k - 1] + 1 + Tlv.LengthSize(content[k - 1]);
            }

            byte[] b = new byte[content[levels]];
            int p = 0;
            for (int k = levels; k >= 1; k--)
            {
                int len = content[k - 1];
                b[p++] = 0x70;
                int ls = Tlv.LengthSize(len);
                if (ls == 1)
                {
                    b[p++] = (byte)len;
                }
                else
                {
                    b[p++] = (byte)(0x80 | (ls - 1));
                    for (int i = ls - 2; i >= 0; i--)
                    {
                        b[p++] = (byte)(len >> (8 * i));
                    }
                }
            }

            b[p++] = 0x5A;
            b[p++] = 0x01;
            b[p] = 0x00;
            return b;
        }

        [TestMethod]
        public void DepthUpToTheLimitIsFine()
        {
            byte[] ok = Nested(Tlv.MaxDepth);
            int vo, vl;
            Assert.AreEqual((int)TlvStatus.Ok, (int)Tlv.Validate(ok, 0, ok.Length));
            Assert.AreEqual((int)TlvStatus.Ok, (int)Tlv.Find(ok, 0, ok.Length, 0x5A, out vo, out vl));
            Assert.AreEqual(1, vl);
            byte[] deeper = Nested(Tlv.MaxDepth + 1);
            Assert.AreEqual((int)TlvStatus.TooDeep, (int)Tlv.Validate(deeper, 0, deeper.Length));
        }

        [TestMethod]
        public void TooManyItemsIsABoundNotALoop()
        {
            byte[] many = new byte[2 * (Tlv.MaxItems + 1)];
            for (int i = 0; i < many.Length; i += 2)
            {
                many[i] = 0x5A;
            }

            Assert.AreEqual((int)TlvStatus.TooManyItems, (int)Tlv.Validate(many, 0, many.Length));
        }

        [TestMethod]
        public void PaddingBytesBetweenObjectsAreSkipped()
        {
            byte[] padded = Hex.Decode("00FF5A0112FF00");
            int vo, vl;
            Assert.AreEqual((int)TlvStatus.Ok, (int)Tlv.Find(padded, 0, padded.Length, 0x5A, out vo, out vl));
            Assert.AreEqual("12", Hex.Encode(padded, vo, vl));
        }

        [TestMethod]
        public void WriteRefusesASmallBuffer()
        {
            int written;
            Assert.AreEqual((int)TlvStatus.OutputTooSmall, (int)Tlv.Write(0x9F26, new byte[8], 0, 8, new byte[10], 0, out written));
            Assert.AreEqual(0, written);
        }
    }
}
