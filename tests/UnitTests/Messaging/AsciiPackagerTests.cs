using nanoFramework.TestFramework;
using PosFirmware.Messaging.Iso8583;
using PosFirmware.UnitTests.Support;

namespace PosFirmware.UnitTests.Messaging
{
    [TestClass]
    public class AsciiPackagerTests
    {
        private static IsoMessage Sample()
        {
            IsoMessage m = new IsoMessage();
            m.Mti = "0200";
            m.Set(2, "4111111111111111");
            m.Set(3, "000000");
            m.Set(4, "000000001000");
            m.Set(11, "000001");
            m.Set(41, "TERM0001");
            m.Set(52, Hex.Decode("0102030405060708"));
            m.Set(70, "301");
            return m;
        }

        private static string Text(byte[] b, int count)
        {
            char[] c = new char[count];
            for (int i = 0; i < count; i++)
            {
                c[i] = (char)b[i];
            }

            return new string(c);
        }

        [TestMethod]
        public void PacksTheDocumentedCharacters()
        {
            byte[] output = new byte[256];
            int written, failed;
            Assert.AreEqual((int)IsoStatus.Ok, (int)AsciiPackager.Instance.Pack(Sample(), output, 0, out written, out failed));
            Assert.AreEqual(
                "0200" + "F020000000801000" + "0400000000000000" + "16" + "4111111111111111" + "000000" + "000000001000" +
                "000001" + "TERM0001" + "0102030405060708" + "301",
                Text(output, written));
        }

        [TestMethod]
        public void RoundTripsWithASecondaryBitmap()
        {
            byte[] output = new byte[256];
            int written, failed;
            AsciiPackager.Instance.Pack(Sample(), output, 0, out written, out failed);
            IsoMessage back = new IsoMessage();
            Assert.AreEqual((int)IsoStatus.Ok, (int)AsciiPackager.Instance.Unpack(output, 0, written, back, out failed));
            Assert.AreEqual("0200", back.Mti);
            Assert.AreEqual("4111111111111111", back.GetString(2));
            Assert.AreEqual("TERM0001", back.GetString(41));
            Assert.AreEqual("0102030405060708", Hex.Encode(back.GetBytes(52)));
            Assert.AreEqual("301", back.GetString(70));
        }

        [TestMethod]
        public void Track2AndEmvDataTravelAsCharacters()
        {
            IsoMessage m = new IsoMessage();
            m.Mti = "0200";
            m.Set(35, "4111111111111111=30121010000000000");
            m.Set(55, Hex.Decode("9F2608E7B33BDAB05F4D2F"));
            byte[] output = new byte[256];
            int written, failed;
            Assert.AreEqual((int)IsoStatus.Ok, (int)AsciiPackager.Instance.Pack(m, output, 0, out written, out failed));
            string text = Text(output, written);
            Assert.EndsWith("344111111111111111=30121010000000000" + "0229F2608E7B33BDAB05F4D2F", text);
        }

        [TestMethod]
        public void BadCharactersAreTypedErrors()
        {
            IsoMessage m = new IsoMessage();
            int failed;
            byte[] badBitmap = Bytes.Ascii("0200G020000000000000");
            Assert.AreEqual((int)IsoStatus.BadCharacter, (int)AsciiPackager.Instance.Unpack(badBitmap, 0, badBitmap.Length, m, out failed));
            byte[] badMti = Bytes.Ascii("02X0");
            Assert.AreEqual((int)IsoStatus.BadDigit, (int)AsciiPackager.Instance.Unpack(badMti, 0, badMti.Length, m, out failed));
            byte[] badNumber = Bytes.Ascii("0200" + "2000000000000000" + "00000A");
            Assert.AreEqual((int)IsoStatus.BadDigit, (int)AsciiPackager.Instance.Unpack(badNumber, 0, badNumber.Length, m, out failed));
            Assert.AreEqual(3, failed);
            byte[] badPrefix = Bytes.Ascii("0200" + "4000000000000000" + "1X4111");
            Assert.AreEqual((int)IsoStatus.BadLengthPrefix, (int)AsciiPackager.Instance.Unpack(badPrefix, 0, badPrefix.Length, m, out failed));
            byte[] badHex = Bytes.Ascii("0200" + "0000000000001000" + "01020304050607XY");
            Assert.AreEqual((int)IsoStatus.BadCharacter, (int)AsciiPackager.Instance.Unpack(badHex, 0, badHex.Length, m, out failed));
            Assert.AreEqual(52, failed);
        }
    }
}
