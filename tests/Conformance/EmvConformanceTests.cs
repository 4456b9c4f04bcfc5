using System.Text.Json.Nodes;
using PosFirmware.Messaging.Emv;
using PosFirmware.UnitTests.Support;

namespace PosFirmware.Conformance;

/// <summary>Our field 55 and TLV reading against node-emv: the same objects, tags and values, in order.</summary>
[TestClass]
public class EmvConformanceTests
{
    // Our reading of a TLV list: tag and value, or tag and its children for templates.
    private static JsonArray Ours(byte[] data, int offset, int end)
    {
        var list = new JsonArray();
        int p = offset;
        while (p < end)
        {
            Assert.AreEqual(TlvStatus.Ok, Tlv.ReadHeader(data, p, end, out uint tag, out int vo, out int length));
            var o = new JsonObject { ["tag"] = tag.ToString("X") };
            if (Tlv.IsConstructed(tag))
            {
                o["objects"] = Ours(data, vo, vo + length);
            }
            else
            {
                o["value"] = Convert.ToHexString(data, vo, length);
            }

            list.Add(o);
            p = vo + length;
        }

        return list;
    }

    private static byte[] BuiltField55()
    {
        // Field 55 as the terminal builds it: the sample's objects through TagStore and Field55.Build.
        byte[] sample = Convert.FromHexString(Samples.Field55);
        var store = new TagStore(64, 1024);
        int p = 0;
        while (p < sample.Length)
        {
            Tlv.ReadHeader(sample, p, sample.Length, out uint tag, out int vo, out int length);
            Assert.IsTrue(store.Set(tag, sample, vo, length));
            p = vo + length;
        }

        byte[] f55 = new byte[255];
        Assert.AreEqual(TlvStatus.Ok, Field55.Build(store, Field55.RequestTags, f55, 0, out int n));
        return f55[..n];
    }

    [TestMethod]
    public void NodeEmvReadsOurTlvsAsWeDo()
    {
        byte[] built = BuiltField55();
        Assert.AreEqual(Samples.Field55, Convert.ToHexString(built));
        // A template with a long-form length (0x81) and a two-byte tag inside.
        byte[] longValue = new byte[130];
        new Random(7).NextBytes(longValue);
        byte[] inner = new byte[200];
        Assert.AreEqual(TlvStatus.Ok, Tlv.Write(0x9F4B, longValue, 0, longValue.Length, inner, 0, out int innerLength));
        byte[] template = new byte[220];
        Assert.AreEqual(TlvStatus.Ok, Tlv.Write(0x77, inner, 0, innerLength, template, 0, out int templateLength));

        var inputs = new (string Name, byte[] Data)[]
        {
            ("field55", built),
            ("reversal55", Convert.FromHexString(Samples.ReversalField55)),
            ("template", template[..templateLength]),
        };
        var emv = new JsonArray();
        foreach (var (name, data) in inputs)
        {
            emv.Add(new JsonObject { ["name"] = name, ["hex"] = Convert.ToHexString(data) });
        }

        var results = NodeBridge.Run(new JsonObject { ["emv"] = emv })["emv"]!.AsArray();
        for (int i = 0; i < inputs.Length; i++)
        {
            var r = results[i]!.AsObject();
            Assert.IsNull(r["error"], inputs[i].Name + ": " + r["error"]);
            string theirs = r["objects"]!.ToJsonString();
            string ours = Ours(inputs[i].Data, 0, inputs[i].Data.Length).ToJsonString();
            Assert.AreEqual(ours, theirs, inputs[i].Name);
        }
    }
}
