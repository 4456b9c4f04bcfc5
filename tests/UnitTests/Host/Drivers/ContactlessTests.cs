using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosFirmware.Devices;
using PosFirmware.Drivers.Contactless;
using PosFirmware.Messaging.Emv;
using PosFirmware.Messaging.Host;
using PosFirmware.Payments.Outcomes;
using PosFirmware.Virtual.Parts.Contactless;

namespace PosFirmware.UnitTests.Host.Drivers;

[TestClass]
public class ContactlessTests
{
    // ---- frames ---------------------------------------------------------------------------

    [TestMethod]
    public void AKnownCommandFrameIsBuiltByteForByte()
    {
        // GetFirmwareVersion: 00 00 FF 02 FE D4 02 2A 00 (UM0701 section 6.2.1 example).
        var frame = new byte[16];
        int n = Pn532Frame.Build(Pn532Command.GetFirmwareVersion, Array.Empty<byte>(), 0, 0, frame, 0);
        Assert.AreEqual("0000FF02FED4022A00", Convert.ToHexString(frame, 0, n));
    }

    [TestMethod]
    public void FramesParseAndEveryDamageIsNamed()
    {
        byte[] answer = Convert.FromHexString("0000FF06FAD50332010607E800");
        Assert.AreEqual(Pn532FrameStatus.Information, Pn532Frame.Parse(answer, 0, answer.Length, out int consumed, out int po, out int pl));
        Assert.AreEqual(answer.Length, consumed);
        Assert.AreEqual("D50332010607", Convert.ToHexString(answer, po, pl));

        Assert.AreEqual(Pn532FrameStatus.Ack, Pn532Frame.Parse(Pn532Frame.AckFrame, 0, 6, out consumed, out _, out _));
        Assert.AreEqual(6, consumed);
        Assert.AreEqual(Pn532FrameStatus.Nack, Pn532Frame.Parse(Pn532Frame.NackFrame, 0, 6, out _, out _, out _));
        byte[] error = Convert.FromHexString("0000FF01FF7F8100");
        Assert.AreEqual(Pn532FrameStatus.Error, Pn532Frame.Parse(error, 0, error.Length, out _, out _, out _));

        byte[] badLength = (byte[])answer.Clone();
        badLength[4] ^= 1;
        Assert.AreEqual(Pn532FrameStatus.BadLengthChecksum, Pn532Frame.Parse(badLength, 0, badLength.Length, out _, out _, out _));
        byte[] badData = (byte[])answer.Clone();
        badData[8] ^= 1;
        Assert.AreEqual(Pn532FrameStatus.BadDataChecksum, Pn532Frame.Parse(badData, 0, badData.Length, out _, out _, out _));

        for (int cut = 0; cut < answer.Length - 1; cut++)
        {
            var status = Pn532Frame.Parse(answer, 0, cut, out _, out _, out _);
            Assert.IsTrue(status == Pn532FrameStatus.Incomplete, $"cut at {cut}: {status}");
        }

        byte[] noisy = Convert.FromHexString("55AA13370000FF06FAD50332010607E800");
        Assert.AreEqual(Pn532FrameStatus.Garbage, Pn532Frame.Parse(noisy, 0, noisy.Length, out consumed, out _, out _));
        Assert.AreEqual(Pn532FrameStatus.Information, Pn532Frame.Parse(noisy, consumed, noisy.Length - consumed, out _, out _, out _));
    }

    [TestMethod]
    public void ExtendedFramesRoundTrip()
    {
        byte[] data = Enumerable.Range(0, 262).Select(i => (byte)i).ToArray();
        var frame = new byte[Pn532Frame.SizeOf(data.Length)];
        int n = Pn532Frame.Build(Pn532Command.InDataExchange, data, 0, data.Length, frame, 0);
        Assert.AreEqual(frame.Length, n);
        Assert.AreEqual(Pn532FrameStatus.Information, Pn532Frame.Parse(frame, 0, n, out int consumed, out int po, out int pl));
        Assert.AreEqual(n, consumed);
        Assert.AreEqual(264, pl);
        CollectionAssert.AreEqual(data, frame.Skip(po + 2).Take(262).ToArray());
    }

    [TestMethod]
    public void RandomBytesNeverThrowAndConsumeProgresses()
    {
        var random = new Random(5);
        for (int n = 0; n < 20_000; n++)
        {
            byte[] bytes = new byte[random.Next(0, 40)];
            random.NextBytes(bytes);
            if (n % 3 == 0 && bytes.Length > 3)
            {
                bytes[0] = 0x00;
                bytes[1] = 0xFF;
            }

            var status = Pn532Frame.Parse(bytes, 0, bytes.Length, out int consumed, out int po, out int pl);
            Assert.IsTrue(consumed >= 0 && consumed <= bytes.Length);
            Assert.IsTrue(status == Pn532FrameStatus.Incomplete || consumed > 0, $"{status} consumed nothing: {Convert.ToHexString(bytes)}");
            if (status == Pn532FrameStatus.Information)
            {
                Assert.IsTrue(po >= 0 && po + pl <= bytes.Length);
            }
        }
    }

    // ---- driver against the chip model ------------------------------------------------------

    private static Pn532Status Run(ContactlessRig rig, int forMs = 2_000)
    {
        Pn532Status s = Pn532Status.Busy;
        for (int t = 0; t < forMs && s == Pn532Status.Busy; t++)
        {
            rig.Clock.Advance(1);
            s = rig.Driver.Poll();
        }

        return s;
    }

    [TestMethod]
    public void TheDriverWakesTheChipAndReadsItsFirmwareVersion()
    {
        var rig = new ContactlessRig();
        Assert.IsFalse(rig.Chip.Awake);
        rig.Driver.Begin(Pn532Command.GetFirmwareVersion, Array.Empty<byte>(), 0, 0, 100);
        Assert.AreEqual(Pn532Status.Ok, Run(rig));
        Assert.IsTrue(rig.Chip.Awake);
        Assert.AreEqual("32010607", Convert.ToHexString(rig.Driver.Response, rig.Driver.ResponseOffset, rig.Driver.ResponseLength));
    }

    [TestMethod]
    public void ALostCommandIsSentAgainAndABadAnswerIsAskedForAgain()
    {
        var rig = new ContactlessRig();
        rig.Chip.DropCommands = 1;
        rig.Driver.Begin(Pn532Command.GetFirmwareVersion, Array.Empty<byte>(), 0, 0, 100);
        Assert.AreEqual(Pn532Status.Ok, Run(rig));
        Assert.AreEqual(1, rig.Driver.Retransmits);

        rig.Chip.CorruptAnswers = 1;
        rig.Driver.Begin(Pn532Command.GetFirmwareVersion, Array.Empty<byte>(), 0, 0, 100);
        Assert.AreEqual(Pn532Status.Ok, Run(rig));
        Assert.AreEqual(1, rig.Chip.NacksReceived);

        rig.Chip.CorruptAnswers = 10;
        rig.Driver.Begin(Pn532Command.GetFirmwareVersion, Array.Empty<byte>(), 0, 0, 100);
        Assert.AreEqual(Pn532Status.BadFrame, Run(rig));

        rig.Chip.CorruptAnswers = 0;
        rig.Chip.GarbageBeforeAnswers = 7;
        rig.Driver.Begin(Pn532Command.GetFirmwareVersion, Array.Empty<byte>(), 0, 0, 100);
        Assert.AreEqual(Pn532Status.Ok, Run(rig));
        Assert.IsTrue(rig.Driver.GarbageBytes >= 7);
    }

    [TestMethod]
    public void AMuteChipIsNoAnswerWithinItsDeadlinesAndAnUnknownCommandAChipError()
    {
        var rig = new ContactlessRig();
        rig.Chip.Mute = true;
        long start = rig.Clock.NowMs;
        rig.Driver.Begin(Pn532Command.GetFirmwareVersion, Array.Empty<byte>(), 0, 0, 100);
        Assert.AreEqual(Pn532Status.NoAnswer, Run(rig));
        Assert.IsTrue(rig.Clock.NowMs - start <= (Pn532.MaxRetransmits + 1) * Pn532.AckTimeoutMs + 2);

        rig.Chip.Mute = false;
        rig.Driver.Begin(0x7E, Array.Empty<byte>(), 0, 0, 100);
        Assert.AreEqual(Pn532Status.ChipError, Run(rig));
    }

    [TestMethod]
    public void TheCardTransceiverSaysAnsweredGoneOrFailed()
    {
        var rig = new ContactlessRig();
        var card = ContactlessRig.Card("unionpay-quickpass");
        var transceiver = new Pn532CardTransceiver(rig.Driver);
        byte[] selectPpse = Convert.FromHexString("00A404000E325041592E5359532E444446303100");

        TransceiveStatus Exchange()
        {
            transceiver.Send(selectPpse, selectPpse.Length, 500);
            TransceiveStatus t = TransceiveStatus.Pending;
            for (int ms = 0; ms < 2_000 && t == TransceiveStatus.Pending; ms++)
            {
                rig.Clock.Advance(1);
                t = transceiver.Poll();
            }

            return t;
        }

        // No target activated yet: the chip says "improper state", a failure, not a gone card.
        Assert.AreEqual(TransceiveStatus.Failed, Exchange());

        rig.Chip.Present(card);
        rig.Driver.Begin(Pn532Command.SamConfiguration, new byte[] { 1, 0x14, 0 }, 0, 3, 100);
        Assert.AreEqual(Pn532Status.Ok, Run(rig));
        rig.Driver.Begin(Pn532Command.InListPassiveTarget, new byte[] { 1, 0 }, 0, 2, 300);
        Assert.AreEqual(Pn532Status.Ok, Run(rig));
        Assert.AreEqual(TransceiveStatus.Answered, Exchange());
        Assert.AreEqual("9000", Convert.ToHexString(transceiver.Response, transceiver.ResponseOffset + transceiver.ResponseLength - 2, 2));
        Assert.AreEqual(0x6F, transceiver.Response[transceiver.ResponseOffset], "the PPSE FCI template");

        card.RemoveAtApdu = card.Apdus;
        Assert.AreEqual(TransceiveStatus.CardGone, Exchange());
    }

    // ---- the read flow ----------------------------------------------------------------------

    [TestMethod]
    public void AUnionPayCardIsReadAndField55HasTheSampleLayout()
    {
        var rig = new ContactlessRig();
        var card = ContactlessRig.Card("unionpay-quickpass");
        var (poll, outcome, data, took) = rig.Tap(card, amountMinor: 1);
        Assert.AreEqual(CardPoll.Read, poll, $"outcome {outcome}");
        Assert.AreEqual(CardEntry.Contactless, data.Entry);
        Assert.AreEqual("6212345678901234569", data.Pan);
        Assert.AreEqual("6212345678901234569=28122010000000000", data.Track2);
        Assert.AreEqual("2812", data.Expiry);
        Assert.AreEqual(1, data.CardSequence);

        // The sample's tags, in its order and with its lengths (PAYMENTS.md section 9), here with
        // the three more of the request list (9F03, 9F1E, 9F09) where the list puts them.
        var tags = TopLevel(data.IccData);
        var sample = new (uint Tag, int Length)[]
        {
            (0x9F26, 8), (0x9F27, 1), (0x9F10, 8), (0x9F37, 4), (0x9F36, 2), (0x95, 5), (0x9A, 3), (0x9C, 1), (0x9F02, 6), (0x5F2A, 2),
            (0x82, 2), (0x9F1A, 2), (0x9F33, 3), (0x9F34, 3), (0x9F35, 1), (0x84, 8), (0x9F41, 4),
        };
        CollectionAssert.AreEqual(sample, tags.Where(t => t.Tag != 0x9F03 && t.Tag != 0x9F1E && t.Tag != 0x9F09).Select(t => (t.Tag, t.Value.Length)).ToArray());
        CollectionAssert.AreEqual(Field55.RequestTags, tags.Select(t => t.Tag).ToArray());

        var byTag = tags.ToDictionary(t => t.Tag, t => Convert.ToHexString(t.Value));
        Assert.AreEqual(Convert.ToHexString(card.LastCryptogram!), byTag[0x9F26], "9F26 is the card's cryptogram");
        Assert.AreEqual("0006", byTag[0x9F36]);
        Assert.AreEqual("07010103A0200201", byTag[0x9F10]);
        Assert.AreEqual("7C00", byTag[0x82]);
        Assert.AreEqual("A000000333010102", byTag[0x84]);
        Assert.AreEqual("000000000001", byTag[0x9F02]);
        Assert.AreEqual("261122", byTag[0x9A]);
        Assert.AreEqual("00", byTag[0x9C]);
        Assert.AreEqual("0156", byTag[0x5F2A]);

        // The card saw our PDOL data: TTQ, amount, other amount, country, TVR, currency, date, type, UN.
        Assert.AreEqual("A6000000" + "000000000001" + "000000000000" + "0156" + "0000000000" + "0156" + "261122" + "00" + byTag[0x9F37],
            Convert.ToHexString(card.LastPdolData!));
        Assert.AreEqual(5, rig.Reader.LastApdus, "PPSE, select, GPO, two records");
        Assert.IsTrue(took < 500, $"a read took {took} ms on the model");
    }

    [TestMethod]
    public void FormatOneAnswersAndTheBestPriorityApplicationAreTaken()
    {
        var rig = new ContactlessRig();
        var (poll, outcome, data, _) = rig.Tap(ContactlessRig.Card("unionpay-format1"), 12_345, TransactionType.Refund);
        Assert.AreEqual(CardPoll.Read, poll, $"outcome {outcome}");
        var byTag = TopLevel(data.IccData).ToDictionary(t => t.Tag, t => Convert.ToHexString(t.Value));
        Assert.AreEqual("A000000333010101", byTag[0x84], "priority 1 beats priority 2");
        Assert.AreEqual("8877665544332211", byTag[0x9F26]);
        Assert.AreEqual("000000012345", byTag[0x9F02]);
        Assert.AreEqual("20", byTag[0x9C], "a refund is type 20");
        Assert.AreEqual("6250941006528599", data.Pan);
        Assert.AreEqual("3010", data.Expiry);
    }

    [TestMethod]
    public void CardsThisTerminalCannotTakeAreNotSupported()
    {
        foreach (string stem in new[] { "visa-only", "mifare-classic", "no-ppse" })
        {
            var rig = new ContactlessRig();
            var (poll, outcome, data, _) = rig.Tap(ContactlessRig.Card(stem));
            Assert.AreEqual(CardPoll.Failed, poll, stem);
            Assert.AreEqual(CardReadStatus.NotSupported, outcome, stem);
            Assert.IsNull(data.Pan);
        }

        var refusing = VirtualCardSpec.Load("unionpay-quickpass");
        refusing.Applications[0].GpoRefusal = "6985";
        var r = new ContactlessRig().Tap(new VirtualContactlessCard(refusing));
        Assert.AreEqual(CardReadStatus.NotSupported, r.Failure);
    }

    [TestMethod]
    public void ACardPulledAtAnyApduIsCardRemovedAndNothingHangs()
    {
        for (int at = 0; at < 5; at++)
        {
            var rig = new ContactlessRig(at + 1);
            var card = ContactlessRig.Card("unionpay-quickpass");
            card.RemoveAtApdu = at;
            var (poll, outcome, data, took) = rig.Tap(card);
            Assert.AreEqual(CardPoll.Failed, poll, $"pulled at APDU {at}");
            Assert.AreEqual(CardReadStatus.Removed, outcome, $"pulled at APDU {at}");
            Assert.IsNull(data.Pan);
            Assert.IsTrue(took < 2_000, $"took {took} ms");

            // The next tap of a good card works.
            var again = rig.Tap(ContactlessRig.Card("unionpay-quickpass"));
            Assert.AreEqual(CardPoll.Read, again.Poll, $"after a pull at {at}");
        }

        var mute = ContactlessRig.Card("unionpay-quickpass");
        mute.Mute = true;
        Assert.AreEqual(CardReadStatus.Removed, new ContactlessRig().Tap(mute).Failure);
    }

    [TestMethod]
    public void ABrokenLineDuringARead()
    {
        // Garbage before every answer and one corrupted answer: the read still succeeds.
        var rig = new ContactlessRig();
        rig.Chip.GarbageBeforeAnswers = 3;
        rig.Chip.CorruptAnswers = 2;
        Assert.AreEqual(CardPoll.Read, rig.Tap(ContactlessRig.Card("unionpay-quickpass")).Poll);

        // Every answer corrupted: a clear failure, in bounded time.
        rig = new ContactlessRig();
        Assert.AreEqual(CardPoll.Read, rig.Tap(ContactlessRig.Card("unionpay-quickpass")).Poll);
        rig.Chip.CorruptAnswers = 1_000;
        var r = rig.Tap(ContactlessRig.Card("unionpay-quickpass"));
        Assert.AreEqual(CardPoll.Failed, r.Poll);
        Assert.IsTrue(r.Failure == CardReadStatus.ReadError || r.Failure == CardReadStatus.ReaderNotAnswering, $"outcome {r.Failure}");
    }

    [TestMethod]
    public void AReaderThatDoesNotAnswerIsSaidAndComesBackWhenItDoes()
    {
        var rig = new ContactlessRig();
        rig.Chip.Mute = true;
        var r = rig.Tap(ContactlessRig.Card("unionpay-quickpass"));
        Assert.AreEqual(CardPoll.Failed, r.Poll);
        Assert.AreEqual(CardReadStatus.ReaderNotAnswering, r.Failure);
        Assert.IsTrue(r.TookMs < 500, $"took {r.TookMs} ms");

        rig.Chip.Mute = false;
        Assert.AreEqual(CardPoll.Read, rig.Tap(ContactlessRig.Card("unionpay-quickpass")).Poll);
        Assert.AreEqual(0x0106, rig.Reader.FirmwareVersion, "PN532 firmware 1.6 read at setup");

        // Something answers on the UART but it is not a PN532: not a reader this board can use.
        var other = new ContactlessRig();
        other.Chip.FirmwareIc = 0x31;
        Assert.AreEqual(CardReadStatus.ReaderNotAnswering, other.Tap(ContactlessRig.Card("unionpay-quickpass")).Failure);
    }

    [TestMethod]
    public void WithoutACardItPollsUntilStoppedThenSwitchesTheFieldOff()
    {
        var rig = new ContactlessRig();
        rig.Reader.Start(30_000, 100, TransactionRules.EmvTransactionType(TransactionType.Sale));
        var (poll, _, _, _) = rig.Read(forMs: 5_000);
        Assert.AreEqual(CardPoll.Nothing, poll);
        Assert.IsTrue(rig.Chip.FieldOn);
        int polls = rig.Chip.Commands.Count(c => c == Pn532Command.InListPassiveTarget);
        Assert.IsTrue(polls >= 10 && polls <= 60, $"{polls} polls in 5 s");
        rig.Reader.Stop();
        rig.Read(forMs: 200);
        Assert.IsFalse(rig.Chip.FieldOn);

        // A card presented while stopped is not read until the next Start.
        rig.Chip.Present(ContactlessRig.Card("unionpay-quickpass"));
        Assert.AreEqual(CardPoll.Nothing, rig.Read(forMs: 500).Poll);
        rig.Reader.Start(30_000, 100, TransactionRules.EmvTransactionType(TransactionType.Sale));
        Assert.AreEqual(CardPoll.Read, rig.Read().Poll);
    }

    [TestMethod]
    public void NoCardDataStaysInTheReaderAfterARead()
    {
        var rig = new ContactlessRig();
        var (poll, _, data, _) = rig.Tap(ContactlessRig.Card("unionpay-quickpass"));
        Assert.AreEqual(CardPoll.Read, poll);
        Assert.IsTrue(rig.Driver.Response.All(b => b == 0), "the PN532 receive buffer is wiped");
        data.Clear();
        Assert.IsNull(data.IccData);
    }

    [TestMethod]
    public void TheReadFlowTakesAnyAnswerWithoutThrowingAndEnds()
    {
        var random = new Random(9);
        var store = new TagStore(40, 512);
        var apdu = new byte[300];
        for (int n = 0; n < 5_000; n++)
        {
            store.Clear();
            var flow = new EmvReadFlow(store, new ContactlessSettings().AcceptedAids);
            flow.Start(apdu);
            EmvStep step = EmvStep.SendApdu;
            int steps = 0;
            while (step == EmvStep.SendApdu)
            {
                byte[] answer = new byte[random.Next(0, 80)];
                random.NextBytes(answer);
                if (answer.Length >= 2 && random.Next(3) > 0)
                {
                    answer[^2] = 0x90;
                    answer[^1] = 0x00;
                }

                step = flow.Next(answer, 0, answer.Length, apdu, out _);
                Assert.IsTrue(++steps <= EmvReadFlow.MaxSteps);
            }
        }
    }

    private static List<(uint Tag, byte[] Value)> TopLevel(byte[] tlv)
    {
        var list = new List<(uint, byte[])>();
        int p = 0;
        while (p < tlv.Length)
        {
            Assert.AreEqual(TlvStatus.Ok, Tlv.ReadHeader(tlv, p, tlv.Length, out uint tag, out int vo, out int vl));
            list.Add((tag, tlv[vo..(vo + vl)]));
            p = vo + vl;
        }

        return list;
    }
}
