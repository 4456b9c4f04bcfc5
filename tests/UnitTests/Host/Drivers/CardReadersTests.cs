using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosFirmware.App.Engine;
using PosFirmware.Devices;
using PosFirmware.Drivers.Cards;
using PosFirmware.Drivers.Magstripe;
using PosFirmware.Messaging.Host;
using PosFirmware.Payments.Outcomes;
using PosFirmware.Virtual.Parts.Magstripe;
using PosFirmware.Virtual.Parts.Serial;

namespace PosFirmware.UnitTests.Host.Drivers;

[TestClass]
public class CardReadersTests
{
    private sealed class Rig
    {
        public readonly ContactlessRig Nfc = new();
        public readonly VirtualMsrModule Msr;
        public readonly CardReaders Port;

        public Rig()
        {
            Msr = new VirtualMsrModule(new VirtualSerialPort(Nfc.Clock, 9600), withLrc: false);
            Port = new CardReaders(Nfc.Reader, new MsrReader(Msr.Port, Nfc.Clock, MsrFormat.WithoutLrc));
        }

        public (CardPoll Poll, CardReadStatus Failure, CardData Card) Run(int forMs = 3_000)
        {
            var card = new CardData();
            for (int t = 0; t < forMs; t += 2)
            {
                Nfc.Clock.Advance(2);
                CardPoll p = Port.Poll(card, out CardReadStatus failure);
                if (p != CardPoll.Nothing)
                {
                    return (p, failure, card);
                }
            }

            return (CardPoll.Nothing, CardReadStatus.None, card);
        }
    }

    private static readonly VirtualMsrModule.MagCard Mag = VirtualMsrModule.MagCard.Of("6212345678901234569", "2812", "101", "LI/SI");

    [TestMethod]
    public void ASwipeWhileTheFieldPollsIsTheCard()
    {
        var rig = new Rig();
        rig.Port.Start(30_000, 500, TransactionRules.EmvTransactionType(TransactionType.Sale));
        rig.Run(300);
        rig.Msr.Swipe(Mag);
        var (poll, _, card) = rig.Run();
        Assert.AreEqual(CardPoll.Read, poll);
        Assert.AreEqual(CardEntry.Swipe, card.Entry);
        Assert.AreEqual("6212345678901234569=28121010000000", card.Track2[..34]);
        Assert.AreEqual("2812", card.Expiry);
        rig.Run(300);
        Assert.IsFalse(rig.Nfc.Chip.FieldOn, "the field goes off once the swipe is taken");
    }

    [TestMethod]
    public void ATapIsTheCardAndABackwardsSwipeSaysSo()
    {
        var rig = new Rig();
        rig.Port.Start(30_000, 500, TransactionRules.EmvTransactionType(TransactionType.Sale));
        rig.Nfc.Chip.Present(ContactlessRig.Card("unionpay-quickpass"));
        var (poll, _, card) = rig.Run();
        Assert.AreEqual(CardPoll.Read, poll);
        Assert.AreEqual(CardEntry.Contactless, card.Entry);

        rig.Nfc.Chip.Remove();
        rig.Port.Start(30_000, 500, TransactionRules.EmvTransactionType(TransactionType.Sale));
        rig.Msr.SwipeBackwards(Mag);
        var bad = rig.Run();
        Assert.AreEqual(CardPoll.Failed, bad.Poll);
        Assert.AreEqual(CardReadStatus.SwipeReversed, bad.Failure);
        Assert.IsNull(bad.Card.Pan);
    }

    [TestMethod]
    public void ASwipeBeforeStartIsForgotten()
    {
        var rig = new Rig();
        rig.Msr.Swipe(Mag);
        rig.Run(500);
        rig.Port.Start(30_000, 500, TransactionRules.EmvTransactionType(TransactionType.Sale));
        Assert.AreEqual(CardPoll.Nothing, rig.Run(1_000).Poll);
    }
}
