using System.Text.Json.Nodes;
using PosFirmware.App.Engine;
using PosFirmware.Devices;
using PosFirmware.Drivers.Contactless;
using PosFirmware.Messaging.Emv;
using PosFirmware.Messaging.Host;
using PosFirmware.Virtual.Parts.Contactless;
using PosFirmware.Virtual.Parts.Serial;
using PosFirmware.Virtual.Random;
using PosFirmware.Virtual.Time;

namespace PosFirmware.Conformance;

/// <summary>
/// Field 55 as the contactless read flow builds it from the virtual UnionPay card (through the PN532
/// driver and chip model), read by node-emv: the same objects, tags and values, in order, and the
/// tag layout of the real sample in PAYMENTS.md section 9.
/// </summary>
[TestClass]
public class ContactlessConformanceTests
{
    private static byte[] ReadField55()
    {
        var clock = new ManualClock(1_000);
        var port = new VirtualSerialPort(clock, Pn532.BaudRate);
        var chip = new Pn532Model(port);
        var wall = new SimulatedWallClock(clock);
        wall.Set(new DateTime(2017, 3, 2, 8, 0, 0, DateTimeKind.Utc));
        var reader = new ContactlessReader(new Pn532(port, clock), clock, wall, new SeededRandom(77), new ContactlessSettings());
        chip.Present(new VirtualContactlessCard(VirtualCardSpec.Load("unionpay-quickpass")));
        reader.Start(30_000, 1, TransactionRules.EmvTransactionType(TransactionType.Sale));
        var card = new CardData();
        for (int t = 0; t < 5_000; t++)
        {
            clock.Advance(1);
            CardPoll poll = reader.Poll(card, out CardReadStatus failure);
            if (poll != CardPoll.Nothing)
            {
                Assert.AreEqual(CardPoll.Read, poll, $"failure {failure}");
                return card.IccData;
            }
        }

        Assert.Fail("no card read in 5 s");
        return null!;
    }

    [TestMethod]
    public void NodeEmvReadsTheContactlessField55AsWeDo()
    {
        byte[] f55 = ReadField55();
        var emv = new JsonArray { new JsonObject { ["name"] = "contactless55", ["hex"] = Convert.ToHexString(f55) } };
        var r = NodeBridge.Run(new JsonObject { ["emv"] = emv })["emv"]!.AsArray()[0]!.AsObject();
        Assert.IsNull(r["error"], "node-emv: " + r["error"]);
        var theirs = r["objects"]!.AsArray();

        // Ours, object by object.
        var ours = new List<(string Tag, string Value)>();
        int p = 0;
        while (p < f55.Length)
        {
            Assert.AreEqual(TlvStatus.Ok, Tlv.ReadHeader(f55, p, f55.Length, out uint tag, out int vo, out int length));
            ours.Add((tag.ToString("X"), Convert.ToHexString(f55, vo, length)));
            p = vo + length;
        }

        Assert.AreEqual(ours.Count, theirs.Count);
        for (int i = 0; i < ours.Count; i++)
        {
            Assert.AreEqual(ours[i].Tag, (string)theirs[i]!["tag"]!, $"object {i}");
            Assert.AreEqual(ours[i].Value, ((string)theirs[i]!["value"]!).ToUpperInvariant(), $"object {i} ({ours[i].Tag})");
        }

        // The sample's layout: these tags in this order with these lengths (plus 9F03, 9F1E, 9F09 of the request list).
        string[] sampleOrder = { "9F26", "9F27", "9F10", "9F37", "9F36", "95", "9A", "9C", "9F02", "5F2A", "82", "9F1A", "9F33", "9F34", "9F35", "84", "9F41" };
        CollectionAssert.AreEqual(sampleOrder, ours.Select(o => o.Tag).Where(t => t != "9F03" && t != "9F1E" && t != "9F09").ToArray());
        var byTag = ours.ToDictionary(o => o.Tag, o => o.Value);
        Assert.AreEqual("07010103A0200201", byTag["9F10"]);
        Assert.AreEqual("170302", byTag["9A"]);
        Assert.AreEqual("7C00", byTag["82"]);
        Assert.AreEqual("A000000333010102", byTag["84"]);
        Assert.AreEqual("E0E1C8", byTag["9F33"]);
        Assert.AreEqual("1E0300", byTag["9F34"]);
        Assert.AreEqual("22", byTag["9F35"]);
        Assert.AreEqual("0006", byTag["9F36"]);
        Assert.AreEqual("000000000001", byTag["9F02"]);
    }
}
