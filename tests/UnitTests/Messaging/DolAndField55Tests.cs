using nanoFramework.TestFramework;
using PosFirmware.Messaging.Emv;
using PosFirmware.UnitTests.Support;

namespace PosFirmware.UnitTests.Messaging
{
    [TestClass]
    public class DolAndField55Tests
    {
        private static TagStore SampleCard()
        {
            // The real UnionPay field 55 of PAYMENTS.md section 9 [WPOS makeSale].
            TagStore s = new TagStore(32, 512);
            Put(s, 0x9F26, "E7B33BDAB05F4D2F");
            Put(s, 0x9F27, "80");
            Put(s, 0x9F10, "07010103A0200201");
            Put(s, 0x9F37, "BB9E542C");
            Put(s, 0x9F36, "0006");
            Put(s, 0x95, "0080008000");
            Put(s, 0x9A, "170302");
            Put(s, 0x9C, "19");
            Put(s, 0x9F02, "000000000001");
            Put(s, 0x5F2A, "0344");
            Put(s, 0x82, "7C00");
            Put(s, 0x9F1A, "0344");
            Put(s, 0x9F33, "E0E1C8");
            Put(s, 0x9F34, "1E0300");
            Put(s, 0x9F35, "22");
            Put(s, 0x84, "A000000333010102");
            Put(s, 0x9F41, "00000077");
            return s;
        }

        private static void Put(TagStore s, uint tag, string hex)
        {
            byte[] v = Hex.Decode(hex);
            Assert.IsTrue(s.Set(tag, v, 0, v.Length));
        }

        [TestMethod]
        public void Field55HasTheSampleLayoutInOrder()
        {
            byte[] f55 = new byte[255];
            int n;
            Assert.AreEqual((int)TlvStatus.Ok, (int)Field55.Build(SampleCard(), Field55.RequestTags, f55, 0, out n));
            Assert.AreEqual(Samples.Field55, Hex.Encode(f55, 0, n));
            Assert.AreEqual((int)TlvStatus.Ok, (int)Tlv.Validate(f55, 0, n));
        }

        [TestMethod]
        public void AReversalKeepsOnlyItsTags()
        {
            byte[] f55 = new byte[64];
            int n;
            Field55.Build(SampleCard(), Field55.ReversalTags, f55, 0, out n);
            Assert.AreEqual(Samples.ReversalField55, Hex.Encode(f55, 0, n));
        }

        [TestMethod]
        public void SelectKeepsListedTagsOfAnExistingField55()
        {
            byte[] f55 = Hex.Decode(Samples.Field55);
            Assert.AreEqual(Samples.ReversalField55, Hex.Encode(Field55.Select(f55, Field55.ReversalTags)));
            Assert.AreEqual(0, Field55.Select(f55, new uint[] { 0xDF31 }).Length);
            Assert.IsNull(Field55.Select(Hex.Decode("9F2608E7B3"), Field55.ReversalTags));
        }

        [TestMethod]
        public void PdolValuesAreFittedToTheirLengths()
        {
            TagStore t = new TagStore(16, 128);
            Put(t, 0x9F66, "A6000000");
            Put(t, 0x9F02, "000000000100");
            Put(t, 0x9F1A, "0156");
            Put(t, 0x9F37, "11223344");
            Put(t, 0x5A, "6228480000");
            // PDOL: 9F66 04, 9F02 06, 9F03 06 (absent), 9F1A 02, 9F37 04, 9F02 04 (shorter), 9F1A 04 (longer), 5A 07
            byte[] pdol = Hex.Decode("9F66049F02069F03069F1A029F37049F02049F1A045A07");
            byte[] output = new byte[64];
            int n;
            Assert.AreEqual((int)TlvStatus.Ok, (int)Dol.Build(pdol, 0, pdol.Length, t, output, 0, out n));
            Assert.AreEqual(
                "A6000000" + "000000000100" + "000000000000" + "0156" + "11223344" + "00000100" + "00000156" + "6228480000FFFF",
                Hex.Encode(output, 0, n));
        }

        [TestMethod]
        public void ABadDolIsAStatus()
        {
            TagStore t = new TagStore(4, 16);
            byte[] output = new byte[8];
            int n;
            Assert.AreEqual((int)TlvStatus.Truncated, (int)Dol.Build(Hex.Decode("9F66"), 0, 2, t, output, 0, out n));
            Assert.AreEqual((int)TlvStatus.OutputTooSmall, (int)Dol.Build(Hex.Decode("9F6610"), 0, 3, t, output, 0, out n));
            Assert.AreEqual((int)TlvStatus.BadLength, (int)Dol.Build(Hex.Decode("9F6681"), 0, 3, t, output, 0, out n));
        }

        [TestMethod]
        public void TheStoreIsBoundedAndClears()
        {
            TagStore t = new TagStore(2, 8);
            Assert.IsTrue(t.Set(0x5A, new byte[4], 0, 4));
            Assert.IsTrue(t.Set(0x57, new byte[4], 0, 4));
            Assert.IsFalse(t.Set(0x9F26, new byte[1], 0, 1));
            t.Clear();
            int o, l;
            Assert.IsFalse(t.TryGet(0x5A, out o, out l));
            Assert.AreEqual(0, t.Count);
        }
    }
}
