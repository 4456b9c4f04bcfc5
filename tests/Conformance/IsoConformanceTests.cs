using System.Text;
using System.Text.Json.Nodes;
using PosFirmware.Messaging.Iso8583;

namespace PosFirmware.Conformance;

/// <summary>
/// Our international ASCII packager against npm iso_8583: every message we send unpacks there to
/// the same fields, and every message it packs from our fields unpacks here and is byte for byte
/// what we pack after the bitmap. iso_8583 handles ASCII (hex) bitmaps only in their 32-character
/// form (it always writes the secondary bitmap): messages with a secondary bitmap go to it exactly as
/// we send them; for the others its input has the bitmap re-encoded as binary (its default), every
/// other byte untouched. What it packs, with its ASCII bitmap, we unpack as it comes.
/// </summary>
[TestClass]
public class IsoConformanceTests
{
    // Our layout in iso_8583's terms: 52 and 64 are 16 hex characters, 53 is n16.
    private static JsonObject Formats(bool asciiBitmap = false)
    {
        var formats = Formats();
        if (asciiBitmap)
        {
            formats["1"] = new JsonObject { ["ContentType"] = "an", ["Label"] = "Bitmap (hex)", ["LenType"] = "fixed", ["MaxLen"] = 32 };
        }

        return formats;
    }

    private static JsonObject Formats() => new()
    {
        ["52"] = new JsonObject { ["ContentType"] = "ans", ["Label"] = "PIN block (hex)", ["LenType"] = "fixed", ["MaxLen"] = 16 },
        ["53"] = new JsonObject { ["ContentType"] = "n", ["Label"] = "Security control", ["LenType"] = "fixed", ["MaxLen"] = 16 },
        ["64"] = new JsonObject { ["ContentType"] = "ans", ["Label"] = "MAC (hex)", ["LenType"] = "fixed", ["MaxLen"] = 16 },
    };

    private static string WireText(object value) => value is byte[] b ? Convert.ToHexString(b) : (string)value;

    private static bool HasSecondary(IsoMessage m)
    {
        for (int f = 65; f <= IsoMessage.MaxField; f++)
        {
            if (m.Has(f))
            {
                return true;
            }
        }

        return false;
    }

    // MTI (4 ASCII) + hex bitmap (16 or 32 characters) -> MTI + binary bitmap, rest unchanged.
    private static byte[] BinaryBitmap(byte[] wire, bool secondary)
    {
        int chars = secondary ? 32 : 16;
        byte[] bitmap = Convert.FromHexString(Encoding.ASCII.GetString(wire, 4, chars));
        return [.. wire[..4], .. bitmap, .. wire[(4 + chars)..]];
    }

    private static JsonObject Fields(IsoMessage m)
    {
        var fields = new JsonObject { ["0"] = m.Mti };
        for (int f = 2; f <= IsoMessage.MaxField; f++)
        {
            if (m.Has(f))
            {
                fields[f.ToString()] = WireText(m.Get(f));
            }
        }

        return fields;
    }

    [TestMethod]
    public void OurMessagesUnpackInIso8583()
    {
        var cases = Messages.All();
        var unpack = new JsonArray();
        foreach (var c in cases)
        {
            bool secondary = HasSecondary(c.Message);
            byte[] input = secondary ? c.Wire : BinaryBitmap(c.Wire, false);
            unpack.Add(new JsonObject { ["name"] = c.Name, ["hex"] = Convert.ToHexString(input), ["bitmapEncoding"] = secondary ? "utf8" : "hex" });
        }

        JsonObject answer = NodeBridge.Run(new JsonObject { ["formats"] = Formats(), ["unpack"] = unpack });
        var results = answer["unpack"]!.AsArray();
        Assert.HasCount(cases.Count, results);
        int secondaryCases = 0;
        for (int i = 0; i < cases.Count; i++)
        {
            var c = cases[i];
            var r = results[i]!.AsObject();
            Assert.IsNull(r["error"], c.Name + ": " + r["error"]);
            var theirs = r["fields"]!.AsObject();
            var ours = Fields(c.Message);
            foreach (var field in ours)
            {
                Assert.AreEqual(field.Value!.GetValue<string>(), theirs[field.Key]?.GetValue<string>(), c.Name + " field " + field.Key);
            }

            foreach (var field in theirs)
            {
                Assert.IsTrue(ours.ContainsKey(field.Key), c.Name + ": iso_8583 found field " + field.Key + " we did not send");
            }

            secondaryCases += HasSecondary(c.Message) ? 1 : 0;
        }

        Assert.IsGreaterThanOrEqualTo(3, secondaryCases, "sign-on, sign-off and echo go with field 70");
    }

    [TestMethod]
    public void Iso8583MessagesUnpackInOursByteForByte()
    {
        var cases = Messages.All();
        var pack = new JsonArray();
        foreach (var c in cases)
        {
            pack.Add(new JsonObject { ["name"] = c.Name, ["fields"] = Fields(c.Message) });
        }

        JsonObject answer = NodeBridge.Run(new JsonObject { ["formats"] = Formats(asciiBitmap: true), ["pack"] = pack });
        var results = answer["pack"]!.AsArray();
        for (int i = 0; i < cases.Count; i++)
        {
            var c = cases[i];
            var r = results[i]!.AsObject();
            Assert.IsNull(r["error"], c.Name + ": " + r["error"]);
            byte[] theirs = Convert.FromHexString(r["hex"]!.GetValue<string>());
            // The same MTI, then (after bitmaps of their width and ours) the same field bytes.
            int ourBitmap = HasSecondary(c.Message) ? 32 : 16;
            Assert.AreEqual(Convert.ToHexString(c.Wire, 0, 4), Convert.ToHexString(theirs, 0, 4), c.Name);
            Assert.AreEqual(Convert.ToHexString(c.Wire[(4 + ourBitmap)..]), Convert.ToHexString(theirs[(4 + 32)..]), c.Name);

            var back = new IsoMessage();
            Assert.AreEqual(IsoStatus.Ok, AsciiPackager.Instance.Unpack(theirs, 0, theirs.Length, back, out int failed), c.Name + " field " + failed);
            Assert.AreEqual(c.Message.Mti, back.Mti);
            for (int f = 2; f <= IsoMessage.MaxField; f++)
            {
                Assert.AreEqual(c.Message.Has(f), back.Has(f), c.Name + " field " + f);
                if (c.Message.Has(f))
                {
                    Assert.AreEqual(WireText(c.Message.Get(f)), WireText(back.Get(f)), c.Name + " field " + f);
                }
            }
        }
    }
}
