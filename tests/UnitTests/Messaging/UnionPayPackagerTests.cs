using nanoFramework.TestFramework;
using PosFirmware.Messaging.Iso8583;
using PosFirmware.UnitTests.Support;

namespace PosFirmware.UnitTests.Messaging
{
    [TestClass]
    public class UnionPayPackagerTests
    {

        private static IsoMessage SignOn()
        {
            IsoMessage m = new IsoMessage();
            m.Mti = "0800";
            m.Set(11, "000121");
            m.Set(41, "10020831");
            m.Set(42, "308640041110003");
            m.Set(60, "00000002003");
            m.Set(63, "001");
            return m;
        }

        // nanoFramework has no String.Replace: swap the first occurrence by hand.
        private static string Swap(string text, string from, string to)
        {
            int at = text.IndexOf(from);
            return text.Substring(0, at) + to + text.Substring(at + from.Length);
        }

        [TestMethod]
        public void PacksTheRealSignOnFrame()
        {
            byte[] output = new byte[256];
            int written, failed;
            Assert.AreEqual((int)IsoStatus.Ok, (int)UnionPayPackager.Instance.Pack(SignOn(), output, 0, out written, out failed));
            Assert.AreEqual(Samples.SignOnMessage, Hex.Encode(output, 0, written));
            // With TPDU (5) and header (6), the frame length is the 003C of the real frame.
            Assert.AreEqual(0x3C, written + 5 + 6);
        }

        [TestMethod]
        public void UnpacksTheRealSignOnFrame()
        {
            byte[] input = Hex.Decode(Samples.SignOnMessage);
            IsoMessage m = new IsoMessage();
            int failed;
            Assert.AreEqual((int)IsoStatus.Ok, (int)UnionPayPackager.Instance.Unpack(input, 0, input.Length, m, out failed));
            Assert.AreEqual("0800", m.Mti);
            Assert.AreEqual("000121", m.GetString(11));
            Assert.AreEqual("10020831", m.GetString(41));
            Assert.AreEqual("308640041110003", m.GetString(42));
            Assert.AreEqual("00000002003", m.GetString(60));
            Assert.AreEqual("001", m.GetString(63));
            Assert.IsFalse(m.Has(2));
        }

        [TestMethod]
        public void ASaleRoundTrips()
        {
            IsoMessage sale = new IsoMessage();
            sale.Mti = "0200";
            sale.Set(2, "6228480000000000001");
            sale.Set(3, "000000");
            sale.Set(4, "000000000100");
            sale.Set(11, "000122");
            sale.Set(22, "071");
            sale.Set(25, "00");
            sale.Set(35, "6228480000000000001=30122011234567890");
            sale.Set(49, "156");
            sale.Set(52, Hex.Decode("0102030405060708"));
            sale.Set(55, Hex.Decode("9F2608E7B33BDAB05F4D2F"));
            sale.Set(60, "22000003000601");
            sale.Set(64, Hex.Decode("3132333435363738"));
            byte[] output = new byte[512];
            int written, failed;
            Assert.AreEqual((int)IsoStatus.Ok, (int)UnionPayPackager.Instance.Pack(sale, output, 0, out written, out failed));

            IsoMessage back = new IsoMessage();
            Assert.AreEqual((int)IsoStatus.Ok, (int)UnionPayPackager.Instance.Unpack(output, 0, written, back, out failed));
            int[] fields = { 2, 3, 4, 11, 22, 25, 35, 49, 60 };
            for (int i = 0; i < fields.Length; i++)
            {
                Assert.AreEqual(sale.GetString(fields[i]), back.GetString(fields[i]), "field " + fields[i].ToString());
            }

            Assert.AreEqual("0102030405060708", Hex.Encode(back.GetBytes(52)));
            Assert.AreEqual("9F2608E7B33BDAB05F4D2F", Hex.Encode(back.GetBytes(55)));
            Assert.AreEqual("3132333435363738", Hex.Encode(back.GetBytes(64)));
        }

        [TestMethod]
        public void FieldEncodingsAreTheDocumentedBytes()
        {
            IsoMessage m = new IsoMessage();
            m.Mti = "0200";
            m.Set(2, "6228480000000000001");  // LLVAR BCD 19 digits, pad nibble last
            m.Set(22, "071");                 // n3 left-aligned in 2 bytes
            m.Set(23, "1");                   // n3 right-aligned, left-padded with zeros
            m.Set(35, "622848=2012");         // track 2: '=' as nibble D
            byte[] output = new byte[64];
            int written, failed;
            UnionPayPackager.Instance.Pack(m, output, 0, out written, out failed);
            Assert.AreEqual("0200" + "4000060020000000" + "1962284800000000000010" + "0710" + "0001" + "11622848D20120", Hex.Encode(output, 0, written));
        }

        [TestMethod]
        public void BadBytesGiveTypedStatusesAndTheField()
        {
            IsoMessage m = new IsoMessage();
            int failed;
            byte[] truncated = Hex.Decode(Samples.SignOnMessage.Substring(0, Samples.SignOnMessage.Length - 2));
            Assert.AreEqual((int)IsoStatus.Truncated, (int)UnionPayPackager.Instance.Unpack(truncated, 0, truncated.Length, m, out failed));
            Assert.AreEqual(63, failed);

            byte[] badNibble = Hex.Decode(Swap(Samples.SignOnMessage, "000121", "0A0121"));
            Assert.AreEqual((int)IsoStatus.BadDigit, (int)UnionPayPackager.Instance.Unpack(badNibble, 0, badNibble.Length, m, out failed));
            Assert.AreEqual(11, failed);

            // Field 60 claims 99 digits (more than its 17) and more than the buffer holds.
            byte[] tooLong = Hex.Decode(Swap(Samples.SignOnMessage, "0011000000020030", "0099000000020030"));
            Assert.AreEqual((int)IsoStatus.TooLong, (int)UnionPayPackager.Instance.Unpack(tooLong, 0, tooLong.Length, m, out failed));
            Assert.AreEqual(60, failed);

            // The bitmap names field 5, which this format does not define.
            byte[] undefined = Hex.Decode("0800" + "0800000000000000" + "000000000000");
            Assert.AreEqual((int)IsoStatus.UndefinedField, (int)UnionPayPackager.Instance.Unpack(undefined, 0, undefined.Length, m, out failed));
            Assert.AreEqual(5, failed);

            Assert.AreEqual((int)IsoStatus.Truncated, (int)UnionPayPackager.Instance.Unpack(new byte[3], 0, 3, m, out failed));
            byte[] badPrefix = Hex.Decode(Swap(Samples.SignOnMessage, "0011000000020030", "00A1000000020030"));
            Assert.AreEqual((int)IsoStatus.BadLengthPrefix, (int)UnionPayPackager.Instance.Unpack(badPrefix, 0, badPrefix.Length, m, out failed));
            Assert.AreEqual(60, failed);
        }

        [TestMethod]
        public void BadValuesAreRefusedWhenPacking()
        {
            byte[] output = new byte[128];
            int written, failed;
            IsoMessage m = SignOn();
            m.Set(11, "00012A");
            Assert.AreEqual((int)IsoStatus.BadDigit, (int)UnionPayPackager.Instance.Pack(m, output, 0, out written, out failed));
            Assert.AreEqual(11, failed);
            m = SignOn();
            m.Set(41, "100208311");
            Assert.AreEqual((int)IsoStatus.TooLong, (int)UnionPayPackager.Instance.Pack(m, output, 0, out written, out failed));
            m = SignOn();
            m.Set(52, "not bytes");
            Assert.AreEqual((int)IsoStatus.WrongValueKind, (int)UnionPayPackager.Instance.Pack(m, output, 0, out written, out failed));
            m = SignOn();
            m.Set(64, new byte[7]);
            Assert.AreEqual((int)IsoStatus.WrongLength, (int)UnionPayPackager.Instance.Pack(m, output, 0, out written, out failed));
            Assert.AreEqual((int)IsoStatus.OutputTooSmall, (int)UnionPayPackager.Instance.Pack(SignOn(), new byte[20], 0, out written, out failed));
        }
    }
}
