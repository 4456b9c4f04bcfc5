using System;
using System.Linq;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosFirmware.App.Engine;
using PosFirmware.Devices;
using PosFirmware.Drivers.Cards;
using PosFirmware.Drivers.Contactless;
using PosFirmware.Drivers.Magstripe;
using PosFirmware.Messaging.Emv;
using PosFirmware.Messaging.Host;
using PosFirmware.Payments.Outcomes;
using PosFirmware.UnitTests.Support;
using PosFirmware.Virtual.Parts.Contactless;
using PosFirmware.Virtual.Parts.Magstripe;
using PosFirmware.Virtual.Parts.Serial;
using PosFirmware.Virtual.Random;
using PosFirmware.Virtual.Time;

namespace PosFirmware.UnitTests.Host.Drivers;

/// <summary>
/// The readers' wipes of card data (I7), on the chip models: the buffers each reader makes for
/// card data are seen through SecretBuffers' watch (only while the reader is built, so the models'
/// own buffers are not counted), and each test checks they are zero when the reader says it is done
/// with the card. Deleting any one wipe fails a test here.
/// </summary>
[TestClass]
public class ReaderWipeTests
{
    private static readonly VirtualMsrModule.MagCard Mag = VirtualMsrModule.MagCard.Of("6212345678901234569", "2812", "101", "ZHANG/SAN");

    private sealed class Nfc
    {
        public readonly ManualClock Clock = new(1_000);
        public readonly Pn532Model Chip;
        public readonly Pn532 Driver;
        public readonly ContactlessReader Reader;
        public readonly SecretWatch Watch;

        public Nfc()
        {
            var port = new VirtualSerialPort(Clock, Pn532.BaudRate);
            Chip = new Pn532Model(port, 1);
            var wall = new SimulatedWallClock(Clock);
            wall.Set(new DateTime(2026, 11, 22, 9, 30, 0, DateTimeKind.Utc));
            Watch = SecretWatch.Start();
            try
            {
                Driver = new Pn532(port, Clock);
                Reader = new ContactlessReader(Driver, Clock, wall, new SeededRandom(1), new ContactlessSettings());
            }
            finally
            {
                Watch.Stop();
            }

            // The PN532's receive buffer, the APDU buffer, the field 55 scratch, the transceiver's
            // command buffer and the tag pool.
            Assert.AreEqual(5, Watch.Count);
        }

        public (CardPoll Poll, CardReadStatus Failure, CardData Card) Run(int forMs = 10_000, Func<bool>? stopWhen = null)
        {
            var card = new CardData();
            for (int t = 0; t < forMs; t += 2)
            {
                Clock.Advance(2);
                CardPoll p = Reader.Poll(card, out CardReadStatus failure);
                if (p != CardPoll.Nothing)
                {
                    return (p, failure, card);
                }

                if (stopWhen != null && stopWhen())
                {
                    break;
                }
            }

            return (CardPoll.Nothing, CardReadStatus.None, card);
        }
    }

    [TestMethod]
    public void AfterAReadNoReaderBufferHoldsCardData()
    {
        var nfc = new Nfc();
        nfc.Chip.Present(ContactlessRig.Card("unionpay-quickpass"));
        nfc.Reader.Start(30_000, 2550, TransactionRules.EmvTransactionType(TransactionType.Sale));
        var (poll, _, card) = nfc.Run();
        Assert.AreEqual(CardPoll.Read, poll);
        Assert.IsNotNull(card.IccData);
        Assert.AreEqual(0, nfc.Watch.NotZeroed(), "card data left in a reader buffer after a read");
    }

    [TestMethod]
    public void AfterAFailedReadNoReaderBufferHoldsCardData()
    {
        var nfc = new Nfc();
        var card = ContactlessRig.Card("unionpay-quickpass");
        card.RemoveAtApdu = 3;
        nfc.Chip.Present(card);
        nfc.Reader.Start(30_000, 2550, TransactionRules.EmvTransactionType(TransactionType.Sale));
        var (poll, outcome, _) = nfc.Run();
        Assert.AreEqual(CardPoll.Failed, poll);
        Assert.AreEqual(CardReadStatus.Removed, outcome);
        Assert.AreEqual(0, nfc.Watch.NotZeroed(), "card data left in a reader buffer after a failed read");
    }

    [TestMethod]
    public void StoppingInTheMiddleOfAReadWipesWhatWasRead()
    {
        var nfc = new Nfc();
        nfc.Chip.Present(ContactlessRig.Card("unionpay-quickpass"));
        nfc.Reader.Start(30_000, 2550, TransactionRules.EmvTransactionType(TransactionType.Sale));

        // Stop once the card has answered a few APDUs (the tag pool holds card data by then).
        var (poll, _, _) = nfc.Run(stopWhen: () => nfc.Reader.LastApdus >= 4);
        Assert.AreEqual(CardPoll.Nothing, poll);
        Assert.IsTrue(nfc.Watch.NotZeroed() > 0, "the test stops too early to see anything wiped");
        nfc.Reader.Stop();
        Assert.AreEqual(0, nfc.Watch.NotZeroed(), "card data left in a reader buffer after Stop");
    }

    [TestMethod]
    public void TheTransceiverKeepsNoCopyOfAnApdu()
    {
        var clock = new ManualClock(1_000);
        var port = new VirtualSerialPort(clock, Pn532.BaudRate);
        var driver = new Pn532(port, clock);
        var watch = SecretWatch.Start();
        Pn532CardTransceiver transceiver;
        try
        {
            transceiver = new Pn532CardTransceiver(driver);
        }
        finally
        {
            watch.Stop();
        }

        Assert.AreEqual(1, watch.Count);
        byte[] apdu = Convert.FromHexString("00B2010C00");
        transceiver.Send(apdu, apdu.Length, 500);
        Assert.IsTrue(SecretWatch.IsZero(watch.Buffer(0)), "the APDU stayed in the transceiver's command buffer");
    }

    [TestMethod]
    public void ANewCommandZeroesTheLastAnswer()
    {
        var clock = new ManualClock(1_000);
        var port = new VirtualSerialPort(clock, Pn532.BaudRate);
        _ = new Pn532Model(port, 1);
        var driver = new Pn532(port, clock);
        driver.Begin(Pn532Command.GetFirmwareVersion, Array.Empty<byte>(), 0, 0, 100);
        Pn532Status s = Pn532Status.Busy;
        for (int t = 0; t < 2_000 && s == Pn532Status.Busy; t++)
        {
            clock.Advance(1);
            s = driver.Poll();
        }

        Assert.AreEqual(Pn532Status.Ok, s);
        Assert.IsFalse(SecretWatch.IsZero(driver.Response));
        driver.Begin(Pn532Command.SamConfiguration, new byte[] { 1, 0x14, 0 }, 0, 3, 100);
        Assert.IsTrue(SecretWatch.IsZero(driver.Response), "the last answer (a card's, in a read) outlived the next command");
    }

    private static TagStore CardTags()
    {
        // 57 (track 2 equivalent), 5A (PAN), 5F24 (expiry), 9F26 (a cryptogram for field 55).
        var tags = new TagStore(8, 128);
        byte[] t2 = Convert.FromHexString("6212345678901234569D28121010000F");
        tags.Set(0x57, t2, 0, t2.Length);
        byte[] pan = Convert.FromHexString("6212345678901234569F");
        tags.Set(0x5A, pan, 0, pan.Length);
        byte[] ac = Convert.FromHexString("1122334455667788");
        tags.Set(0x9F26, ac, 0, ac.Length);
        return tags;
    }

    [TestMethod]
    public void CardDataFillZeroesItsScratchAndEmptiesTheCardOnFailure()
    {
        byte[] scratch = new byte[300];
        var card = new CardData();
        Assert.IsTrue(ContactlessCardData.Fill(CardTags(), card, scratch));
        Assert.AreEqual("6212345678901234569", card.Pan);
        Assert.IsTrue(card.IccData.Length > 0);
        Assert.IsTrue(SecretWatch.IsZero(scratch), "field 55 left in the scratch");

        // A card left over from the last read is emptied, not half overwritten, when this one fails.
        var bad = new TagStore(8, 128);
        bad.Set(0x57, new byte[] { 0x62, 0x12 }, 0, 2);
        Assert.IsFalse(ContactlessCardData.Fill(bad, card, scratch));
        Assert.IsNull(card.Pan);
        Assert.IsNull(card.Track2);
        Assert.IsNull(card.IccData);

        // A field 55 too long for the request (260 bytes of 9F10: fits the scratch, not the message)
        // or for the scratch itself (written in part): neither stays in the scratch.
        foreach (int iadBytes in new[] { 260, 400 })
        {
            var tags = new TagStore(8, 1024);
            byte[] t2 = Convert.FromHexString("6212345678901234569D28121010000F");
            tags.Set(0x57, t2, 0, t2.Length);
            byte[] ac = Convert.FromHexString("1122334455667788");
            tags.Set(0x9F26, ac, 0, ac.Length);
            byte[] iad = Enumerable.Repeat((byte)0xA5, iadBytes).ToArray();
            tags.Set(0x9F10, iad, 0, iad.Length);
            scratch = new byte[ContactlessCardData.MaxField55Bytes + 32];
            Assert.IsFalse(ContactlessCardData.Fill(tags, card, scratch), $"9F10 of {iadBytes} bytes");
            Assert.IsTrue(SecretWatch.IsZero(scratch), $"a refused field 55 ({iadBytes} bytes of 9F10) left in the scratch");
            Assert.IsNull(card.IccData);
        }
    }

    private sealed class Msr
    {
        public readonly ManualClock Clock = new(100);
        public readonly VirtualMsrModule Module;
        public readonly MsrReader Reader;
        public readonly SecretWatch Watch;

        public Msr()
        {
            var port = new VirtualSerialPort(Clock, 9600);
            Module = new VirtualMsrModule(port, false);
            Watch = SecretWatch.Start();
            try
            {
                Reader = new MsrReader(port, Clock, MsrFormat.WithoutLrc);
            }
            finally
            {
                Watch.Stop();
            }

            Assert.AreEqual(2, Watch.Count, "the line and the chunk buffer");
        }

        public byte[] Line => (byte[])Watch.Buffer(0);

        public byte[] Chunk => (byte[])Watch.Buffer(1);

        /// <summary>Polls every 1 ms until a swipe ends or forMs pass; the chunk buffer is zero after every poll.</summary>
        public (bool Done, MsrStatus Status) Run(MsrSwipe swipe, int forMs, bool lineHeldData = false)
        {
            bool sawLine = false;
            for (int t = 0; t < forMs; t++)
            {
                Clock.Advance(1);
                bool done = Reader.Poll(swipe, out MsrStatus status);
                Assert.IsTrue(SecretWatch.IsZero(Chunk), "track data left in the read chunk");
                sawLine |= !SecretWatch.IsZero(Line);
                if (done)
                {
                    Assert.IsTrue(sawLine || !lineHeldData, "the line never held the swipe: the test sees nothing");
                    return (true, status);
                }
            }

            return (false, MsrStatus.Empty);
        }
    }

    [TestMethod]
    public void ASwipeLeavesNoTrackDataInTheReader()
    {
        var msr = new Msr();
        var swipe = new MsrSwipe();
        msr.Module.Swipe(Mag);
        var (done, status) = msr.Run(swipe, 1_000, lineHeldData: true);
        Assert.IsTrue(done);
        Assert.AreEqual(MsrStatus.Ok, status);
        Assert.AreEqual("6212345678901234569", swipe.Pan);
        Assert.AreEqual(0, msr.Watch.NotZeroed(), "track data left in the reader");

        // Also a swipe without a line end, taken after the gap.
        msr.Module.SwipePartial(Mag, 1_000, withLineEnd: false);
        (done, status) = msr.Run(swipe, 1_000, lineHeldData: true);
        Assert.IsTrue(done);
        Assert.AreEqual(MsrStatus.Ok, status);
        Assert.AreEqual(0, msr.Watch.NotZeroed(), "track data left in the reader after a swipe ended by the gap");
    }

    [TestMethod]
    public void ResetWipesASwipeInProgress()
    {
        var msr = new Msr();
        msr.Module.SwipePartial(Mag, 1_000, withLineEnd: false);
        msr.Clock.Advance(30);
        var (done, _) = msr.Run(new MsrSwipe(), 5);
        Assert.IsFalse(done);
        Assert.IsFalse(SecretWatch.IsZero(msr.Line), "the test resets before any byte arrived");
        msr.Reader.Reset();
        Assert.AreEqual(0, msr.Watch.NotZeroed(), "Reset left a half swipe in the reader");
    }

    [TestMethod]
    public void ATooLongLineEmptiesTheSwipeItWasGiven()
    {
        var msr = new Msr();
        var swipe = new MsrSwipe();
        msr.Module.Swipe(Mag);
        Assert.AreEqual(MsrStatus.Ok, msr.Run(swipe, 1_000).Status);
        Assert.IsNotNull(swipe.Pan);

        // The same swipe object comes back for the next read: a line too long must not leave the last card in it.
        msr.Module.Noise(Encoding.ASCII.GetBytes(new string('7', 400) + "\r\n"));
        var (done, status) = msr.Run(swipe, 2_000);
        Assert.IsTrue(done);
        Assert.AreEqual(MsrStatus.TooLong, status);
        Assert.IsNull(swipe.Pan);
        Assert.IsNull(swipe.Track2);
        Assert.AreEqual(0, msr.Watch.NotZeroed());
    }

    [TestMethod]
    public void TheParserEmptiesTheSwipeOnEveryRefusal()
    {
        var swipe = new MsrSwipe();
        byte[] good = Encoding.ASCII.GetBytes(";6212345678901234569=28121010000?");
        Assert.AreEqual(MsrStatus.Ok, MsrParser.Parse(good, good.Length, MsrFormat.WithoutLrc, swipe));
        Assert.IsNotNull(swipe.Pan);

        // Too long: refused before any parsing.
        Assert.AreEqual(MsrStatus.TooLong, MsrParser.Parse(new byte[300], 300, MsrFormat.WithoutLrc, swipe));
        Assert.IsNull(swipe.Pan);

        // Track 2 good, track 1 of another card: nothing of either is kept.
        byte[] mixed = Encoding.ASCII.GetBytes("%B6212345678901234577^LI/SI^28121010000?;6212345678901234569=28121010000?");
        Assert.AreEqual(MsrStatus.Ok, MsrParser.Parse(good, good.Length, MsrFormat.WithoutLrc, swipe));
        Assert.AreEqual(MsrStatus.TracksDisagree, MsrParser.Parse(mixed, mixed.Length, MsrFormat.WithoutLrc, swipe));
        Assert.IsNull(swipe.Pan);
        Assert.IsNull(swipe.Track2);

        // Backwards: the reversed read decodes, and is not kept.
        byte[] backwards = Encoding.ASCII.GetBytes(";6212345678901234569=28121010000?");
        Array.Reverse(backwards);
        Assert.AreEqual(MsrStatus.Reversed, MsrParser.Parse(backwards, backwards.Length, MsrFormat.WithoutLrc, swipe));
        Assert.IsNull(swipe.Pan);
        Assert.IsNull(swipe.Track2);
    }

    [TestMethod]
    public void ASwipeTakenByTheCardReadersLeavesNothingOfAnEarlierCard()
    {
        var nfc = new Nfc();
        var module = new VirtualMsrModule(new VirtualSerialPort(nfc.Clock, 9600), withLrc: false);
        var readers = new CardReaders(nfc.Reader, new MsrReader(module.Port, nfc.Clock, MsrFormat.WithoutLrc));

        // The engine's CardData still holds the last tap's field 55 and sequence number.
        var card = new CardData { IccData = new byte[] { 0x9F, 0x26, 0x01, 0x00 }, CardSequence = 1, Entry = CardEntry.Contactless };
        readers.Start(30_000, 500, TransactionRules.EmvTransactionType(TransactionType.Sale));
        module.Swipe(Mag);
        CardPoll poll = CardPoll.Nothing;
        for (int t = 0; t < 3_000 && poll == CardPoll.Nothing; t += 2)
        {
            nfc.Clock.Advance(2);
            poll = readers.Poll(card, out _);
        }

        Assert.AreEqual(CardPoll.Read, poll);
        Assert.AreEqual(CardEntry.Swipe, card.Entry);
        Assert.IsNull(card.IccData, "a swipe went out with the last tap's field 55");
        Assert.AreEqual(-1, card.CardSequence);

        // The readers' own swipe object lets go of the track data once it is handed over.
        var field = typeof(CardReaders).GetField("_swipe", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
        var kept = (MsrSwipe)field.GetValue(readers)!;
        Assert.IsNull(kept.Pan);
        Assert.IsNull(kept.Track2);
    }
}
