using System.Text.Json.Nodes;
using PosFirmware.App.Slips;
using PosFirmware.Devices;
using PosFirmware.Payments.Outcomes;
using PosFirmware.Virtual.Imaging;
using PosFirmware.Virtual.Snapshots;

namespace PosFirmware.Conformance;

/// <summary>
/// The QR code on a printed slip (driver -> ESC/POS printer model -> page) read back by jsQR, a
/// third-party decoder, from the page's pixels: it must say the transaction reference of the slip.
/// </summary>
[TestClass]
public class PrintedQrConformanceTests
{
    [TestMethod]
    public void JsQrReadsTheReferenceOffThePrintedSlip()
    {
        var slip = SlipSnapshots.Sample(OutcomeCodes.Approved);
        string[] lines = SlipBuilder.Lines(slip, SlipCopy.Cardholder);
        string expected = lines.Select(SlipMarkup.Plain).First(l => l.StartsWith("TID:"));
        MonoImage page = SlipSnapshots.Print(lines);

        // White margin around the page, as a camera would see the slip on a counter.
        const int margin = 40;
        int width = page.Width + 2 * margin;
        int height = page.Height + 2 * margin;
        var gray = new byte[width * height];
        Array.Fill(gray, (byte)0xFF);
        for (int y = 0; y < page.Height; y++)
        {
            for (int x = 0; x < page.Width; x++)
            {
                if (page[x, y])
                {
                    gray[(y + margin) * width + x + margin] = 0;
                }
            }
        }

        var qr = new JsonArray { new JsonObject { ["name"] = "slip", ["width"] = width, ["height"] = height, ["gray"] = Convert.ToBase64String(gray) } };
        var r = NodeBridge.Run(new JsonObject { ["qr"] = qr })["qr"]!.AsArray()[0]!.AsObject();
        Assert.IsNull(r["error"], "jsQR: " + r["error"]);
        Assert.AreEqual(expected, (string)r["data"]!);
        StringAssert.Contains(expected, "REF:" + slip.Rrn);
    }
}
