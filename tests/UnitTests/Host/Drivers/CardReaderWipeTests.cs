using System;
using System.Linq;
using System.Reflection;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosFirmware.App.Engine;
using PosFirmware.Devices;
using PosFirmware.Drivers.Cards;
using PosFirmware.Drivers.Contactless;
using PosFirmware.Drivers.Magstripe;
using PosFirmware.Messaging.Emv;
using PosFirmware.Messaging.Host;
using PosFirmware.Virtual.Parts.Magstripe;
using PosFirmware.Virtual.Parts.Serial;

namespace PosFirmware.UnitTests.Host.Drivers;

/// <summary>
/// The readers keep no card data once a read is handed over or has failed (I7): the contactless
/// reader's tag pool, APDU buffer and the PN532 driver's receive buffer, the field 55 scratch, the
/// magstripe reader's line and chunk buffers and the swipe it decoded. Each test looks at the
/// private buffers themselves (reflection), so removing any one wipe fails it.
/// </summary>
[TestClass]
public class CardReaderWipeTests
{
    private static T Private<T>(object o, string name) =>
        (T)o.GetType().GetField(name, BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(o)!;

    private static void AssertZero(byte[] buffer, string what) =>
        Assert.IsTrue(buffer.All(b => b == 0), what + " still holds card data: " + Convert.ToHexString(buffer.Take(64).ToArray()));

    [TestMethod]
    public void AfterATapTheContactlessReaderHoldsNoTagsApdusOrAnswers()
    {
        var rig = new ContactlessRig();
        var (poll, outcome, card, _) = rig.Tap(ContactlessRig.Card("unionpay-quickpass"), 12_345);
        Assert.AreEqual(CardPoll.Read, poll, "outcome " + outcome);
        Assert.AreEqual("6212345678901234569", card.Pan);

        AssertZero(Private<TagStore>(rig.Reader, "_tags").Pool, "the tag pool");
        AssertZero(Private<byte[]>(rig.Reader, "_apdu"), "the APDU buffer");
        AssertZero(Private<byte[]>(rig.Driver, "_rx"), "the PN532 receive buffer");
        AssertZero(Private<byte[]>(rig.Reader, "_scratch"), "the field 55 scratch");
    }

    [TestMethod]
    public void ACardPulledMidReadLeavesNothingEither()
    {
        // Pulled at READ RECORD: the PAN-bearing tags may be in the pool already.
        var rig = new ContactlessRig();
        var pulled = ContactlessRig.Card("unionpay-quickpass");
        pulled.RemoveAtApdu = 4;
        var (poll, _, _, _) = rig.Tap(pulled, 12_345);
        Assert.AreEqual(CardPoll.Failed, poll);
        AssertZero(Private<TagStore>(rig.Reader, "_tags").Pool, "the tag pool");
        AssertZero(Private<byte[]>(rig.Reader, "_apdu"), "the APDU buffer");
        AssertZero(Private<byte[]>(rig.Driver, "_rx"), "the PN532 receive buffer");
    }

    [TestMethod]
    public void ACardWhoseField55IsTooLongIsRefused_AndTheScratchItWasBuiltInIsWiped()
    {
        // 9F10 may be up to 32 bytes by EMV; a card sending more makes field 55 too long to send.
        var spec = PosFirmware.Virtual.Parts.Contactless.VirtualCardSpec.Load("unionpay-quickpass");
        spec.Applications[0].Iad = new string('A', 2 * 200);
        var rig = new ContactlessRig();
        var (poll, _, card, _) = rig.Tap(new PosFirmware.Virtual.Parts.Contactless.VirtualContactlessCard(spec), 12_345);
        Assert.AreEqual(CardPoll.Failed, poll);
        Assert.IsNull(card.Pan);
        AssertZero(Private<byte[]>(rig.Reader, "_scratch"), "the field 55 scratch");
        AssertZero(Private<TagStore>(rig.Reader, "_tags").Pool, "the tag pool");
    }

    [TestMethod]
    public void Field55IsCopiedOutOfTheScratch_AndTheScratchIsWiped()
    {
        var tags = new TagStore(40, 512);
        Set(tags, 0x57, "6212345678901234569D28122010000000000F");
        Set(tags, 0x5F34, "01");
        Set(tags, 0x9F26, "1122334455667788");
        Set(tags, 0x9F36, "0006");
        Set(tags, 0x82, "7C00");
        var scratch = new byte[300];
        var card = new CardData();
        Assert.IsTrue(ContactlessCardData.Fill(tags, card, scratch));
        Assert.AreEqual("9F26081122334455667788" + "9F36020006" + "82027C00", Convert.ToHexString(card.IccData), "copied out, in the request order");
        AssertZero(scratch, "the scratch field 55 was built in");
    }

    [TestMethod]
    public void AfterASwipeTheMagstripeReaderHoldsNoTrackData()
    {
        var nfc = new ContactlessRig();
        var msr = new VirtualMsrModule(new VirtualSerialPort(nfc.Clock, 9600), withLrc: false);
        var reader = new MsrReader(msr.Port, nfc.Clock, MsrFormat.WithoutLrc);
        var port = new CardReaders(nfc.Reader, reader);
        port.Start(30_000, 500, TransactionRules.EmvTransactionType(TransactionType.Sale));
        msr.Swipe(VirtualMsrModule.MagCard.Of("6212345678901234569", "2812", "101", "LI/SI"));
        var card = new CardData();

        // One long chunk first (40 ms of bytes), then short ones: the chunk buffer's tail held
        // track bytes that no later, shorter read overwrites.
        nfc.Clock.Advance(40);
        CardPoll poll = port.Poll(card, out _);
        for (int t = 0; t < 3_000 && poll == CardPoll.Nothing; t += 2)
        {
            nfc.Clock.Advance(2);
            poll = port.Poll(card, out _);
        }

        Assert.AreEqual(CardPoll.Read, poll);
        Assert.AreEqual("6212345678901234569", card.Pan);
        AssertZero(Private<byte[]>(reader, "_line"), "the MSR line buffer");
        AssertZero(Private<byte[]>(reader, "_chunk"), "the MSR chunk buffer");
        MsrSwipe swipe = Private<MsrSwipe>(port, "_swipe");
        Assert.IsNull(swipe.Pan, "the decoded swipe's PAN");
        Assert.IsNull(swipe.Track2, "the decoded swipe's track 2");
    }

    [TestMethod]
    public void ABackwardsSwipeLeavesNoTrackDataEither()
    {
        var nfc = new ContactlessRig();
        var msr = new VirtualMsrModule(new VirtualSerialPort(nfc.Clock, 9600), withLrc: false);
        var reader = new MsrReader(msr.Port, nfc.Clock, MsrFormat.WithoutLrc);
        var port = new CardReaders(nfc.Reader, reader);
        port.Start(30_000, 500, TransactionRules.EmvTransactionType(TransactionType.Sale));
        msr.SwipeBackwards(VirtualMsrModule.MagCard.Of("6212345678901234569", "2812", "101", "LI/SI"));
        var card = new CardData();
        CardPoll poll = CardPoll.Nothing;
        for (int t = 0; t < 3_000 && poll == CardPoll.Nothing; t += 2)
        {
            nfc.Clock.Advance(2);
            poll = port.Poll(card, out _);
        }

        Assert.AreEqual(CardPoll.Failed, poll);
        AssertZero(Private<byte[]>(reader, "_line"), "the MSR line buffer");
        MsrSwipe swipe = Private<MsrSwipe>(port, "_swipe");
        Assert.IsNull(swipe.Pan);
        Assert.IsNull(swipe.Track2);
    }

    [TestMethod]
    public void ATagStoreZeroesWhatItHeldWhenCleared()
    {
        var tags = new TagStore(8, 64);
        Set(tags, 0x57, "6212345678901234569D28122010000000000F");
        Set(tags, 0x57, "6212345678901234569D2812201000000000");
        tags.Clear();
        AssertZero(tags.Pool, "the pool");
        Assert.IsFalse(tags.TryGet(0x57, out _, out _));
    }

    private static void Set(TagStore tags, uint tag, string hex)
    {
        byte[] v = Convert.FromHexString(hex);
        tags.Set(tag, v, 0, v.Length);
    }
}
