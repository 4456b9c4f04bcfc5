using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosFirmware.App.Engine;
using PosFirmware.Devices;
using PosFirmware.Drivers.Contactless;
using PosFirmware.Messaging.Emv;
using PosFirmware.Virtual.Parts.Contactless;

namespace PosFirmware.UnitTests.Host.Drivers;

/// <summary>9A and 9F21 are the terminal's local date and time (the card signs them), or say there is none.</summary>
[TestClass]
public class ContactlessLocalTimeTests
{
    [TestMethod]
    public void UtcFourThirtyPmOnNewYearsEveIsNewYearsDayInTheCardsData()
    {
        var rig = new ContactlessRig();
        rig.Wall.Set(new DateTime(2026, 12, 31, 16, 30, 0, DateTimeKind.Utc));
        var (card, data) = TapAskingForTheTime(rig);
        Assert.AreEqual("270101", Tag(data.IccData, 0x9A), "field 55's 9A is China's date");
        Assert.AreEqual("270101" + "003000", PdolDateAndTime(card), "the card signed China's date and time");
    }

    [TestMethod]
    public void ANegativeHalfHourOffsetGoesBackToTheDayBefore()
    {
        var rig = new ContactlessRig(settings: new ContactlessSettings { UtcOffsetMinutes = -(3 * 60 + 30) });
        rig.Wall.Set(new DateTime(2027, 1, 1, 2, 0, 0, DateTimeKind.Utc));
        var (card, data) = TapAskingForTheTime(rig);
        Assert.AreEqual("261231", Tag(data.IccData, 0x9A));
        Assert.AreEqual("261231" + "223000", PdolDateAndTime(card));
    }

    [TestMethod]
    public void AClockNotSetGivesNoDateRatherThan1970()
    {
        var rig = new ContactlessRig(wallSet: false);
        var (card, data) = TapAskingForTheTime(rig);
        Assert.AreEqual("000000", Tag(data.IccData, 0x9A));
        Assert.AreEqual("000000" + "000000", PdolDateAndTime(card));
    }

    /// <summary>The QuickPass card with 9F21 added to its PDOL right after 9A, tapped.</summary>
    private static (VirtualContactlessCard Card, CardData Data) TapAskingForTheTime(ContactlessRig rig)
    {
        var spec = VirtualCardSpec.Load("unionpay-quickpass");
        spec.Applications[0].Pdol = "9F66049F02069F03069F1A0295055F2A029A039F21039C019F3704";
        var card = new VirtualContactlessCard(spec);
        var (poll, outcome, data, _) = rig.Tap(card);
        Assert.AreEqual(CardPoll.Read, poll, $"outcome {outcome}");
        return (card, data);
    }

    /// <summary>9A and 9F21 of the PDOL data the card received: bytes 25..30 of TTQ 4, 9F02 6, 9F03 6, 9F1A 2, 95 5, 5F2A 2.</summary>
    private static string PdolDateAndTime(VirtualContactlessCard card)
    {
        return Convert.ToHexString(card.LastPdolData!, 4 + 6 + 6 + 2 + 5 + 2, 6);
    }

    private static string Tag(byte[] tlv, uint wanted)
    {
        int p = 0;
        while (p < tlv.Length)
        {
            Assert.AreEqual(TlvStatus.Ok, Tlv.ReadHeader(tlv, p, tlv.Length, out uint tag, out int vo, out int vl));
            if (tag == wanted)
            {
                return Convert.ToHexString(tlv, vo, vl);
            }

            p = vo + vl;
        }

        Assert.Fail($"no tag {wanted:X}");
        return "";
    }
}
