using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosFirmware.App.Engine;
using PosFirmware.App.Input;
using PosFirmware.App.Run;
using PosFirmware.Devices;
using PosFirmware.Drivers.Buzzer;
using PosFirmware.Drivers.Display;
using PosFirmware.HostSimulator;
using PosFirmware.Messaging.Host;
using PosFirmware.Payments.Outcomes;
using PosFirmware.Virtual.Flash;
using PosFirmware.Virtual.Parts.Contactless;
using PosFirmware.Virtual.Snapshots;
using PosFirmware.Virtual.Terminal;
using PosFirmware.Virtual.Time;

namespace PosFirmware.UnitTests.Host.Drivers;

/// <summary>
/// The whole terminal on the chip models: the firmware's run loop and engine driving the real
/// drivers, keys pressed on the keypad matrix, a virtual UnionPay card tapped on the PN532 model,
/// the host simulator answering over the virtual network. What the virtual terminal will run.
/// </summary>
[TestClass]
public class ModelBoardTests
{
    private sealed class Rig
    {
        public readonly World World = new(HostProfile.UnionPay(Convert.FromHexString("6006010000"), Convert.FromHexString("603200324017")), Convert.FromHexString("0123456789ABCDEFFEDCBA9876543210"), 7);
        public readonly ModelBoard Board;
        public readonly TerminalLoop Loop;

        public Rig()
        {
            var wall = new SimulatedWallClock(World.Clock);
            wall.Set(new DateTime(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc));
            Board = new ModelBoard(World.Clock, wall, World.Acquirer.Profile.UtcOffsetMinutes, World.Random.Derive("board"));
            EngineSetup setup = SimulatedTerminal.SetupFor(World.Acquirer.Profile, "10020831", World.MasterKey);
            Loop = SimulatedTerminal.Build(setup, new VirtualFlash(), World.Network.CreateClient("10020831"), World.Clock, wall, Board.Ports, World.Random.Derive("terminal"));
            Loop.PowerOn();
        }

        public void Run(int ms)
        {
            for (int t = 0; t < ms; t += 2)
            {
                World.Clock.Advance(2);
                World.Network.Pump();
                World.Endpoint.Pump();
                World.Network.Pump();
                Loop.Poll();
            }
        }

        public void Press(params KeyCode[] keys)
        {
            foreach (KeyCode k in keys)
            {
                Board.Keypad.Press(ModelBoard.IndexOf(k));
                Run(60);
                Board.Keypad.Release(ModelBoard.IndexOf(k));
                Run(60);
            }
        }

        public bool Shows(Screen screen) =>
            Board.Panel.Render().DifferencesFrom(ScreenSnapshots.Render(screen, DisplayLanguage.English, Loop.Status())) == 0;
    }

    [TestMethod]
    public void ATappedSaleOnTheModelsIsApprovedShownPrintedAndBeeped()
    {
        var rig = new Rig();
        rig.Run(3_000);
        Assert.IsTrue(rig.Loop.Engine.IsSignedOn, "signed on at power-on");
        Assert.IsTrue(rig.Shows(Prompts.Prompt(ScreenId.Idle, TransactionType.Sale, null)), "idle on the panel:\n" + rig.Board.Panel.Render().ToText());
        Assert.AreEqual(StatusFlags.WifiUp | StatusFlags.HostLink, rig.Loop.Status());

        // 123.45: above the offline floor limit (online), under the CVM limit (no PIN).
        rig.Press(KeyCode.Enter, KeyCode.Digit1, KeyCode.Digit2, KeyCode.Digit3, KeyCode.Digit4, KeyCode.Digit5);
        Assert.IsTrue(rig.Shows(Prompts.Prompt(ScreenId.EnterAmount, TransactionType.Sale, "123.45")), "amount typed:\n" + rig.Board.Panel.Render().ToText());
        rig.Press(KeyCode.Enter);
        Assert.IsTrue(rig.Shows(Prompts.Prompt(ScreenId.PresentCard, TransactionType.Sale, "123.45")));

        var card = new VirtualContactlessCard(VirtualCardSpec.Load("unionpay-quickpass"));
        rig.Board.Contactless.Present(card);
        rig.Run(8_000);
        Assert.AreEqual(OutcomeCodes.Approved, rig.Loop.Engine.LastOutcome, "outcome " + rig.Loop.Engine.LastOutcome + " " + string.Join("\n", rig.World.Acquirer.Entries().Select(e => e.Type + " " + e.ResponseCode)));

        // The issuer verified the ARQC the card computed over what the PN532 driver sent it.
        Assert.AreEqual(1, rig.World.Acquirer.Issuer.Verified);
        var field55 = Issuer.TopLevel(rig.World.Acquirer.Issuer.LastField55);
        CollectionAssert.AreEqual(card.LastCryptogram, field55[0x9F26]);
        CollectionAssert.AreEqual(new byte[] { 0x00, (byte)card.Atc }, field55[0x9F36]);
        var sale = rig.World.Acquirer.Entries().Single(e => e.Type == TransactionType.Sale);
        Assert.AreEqual(12345, sale.AmountMinor);
        Assert.AreEqual("6212345678901234569", sale.Pan);
        Assert.IsTrue(sale.Applied);

        Assert.AreEqual(2, rig.Board.Printer.Cuts, "merchant and cardholder copies");
        Assert.AreEqual(2, rig.Board.Printer.QrPayloads.Count);
        StringAssert.Contains(rig.Board.Printer.QrPayloads[0], "REF:" + sale.Rrn);
        Assert.IsTrue(rig.Board.Printer.TextLines.Contains("APPROVED"));
        Assert.IsTrue(rig.Board.Buzzer.Notes.Any(n => n.FrequencyHz == BuzzerTones.Success[4]), "the success tone played");
        Assert.IsFalse(rig.Board.Contactless.FieldOn, "the field is off after the read");
    }

    [TestMethod]
    public void ASmallTapIsApprovedOfflineOnTheModels()
    {
        var rig = new Rig();
        rig.Run(3_000);
        rig.Press(KeyCode.Enter, KeyCode.Digit1, KeyCode.Digit2, KeyCode.Digit3, KeyCode.Digit4, KeyCode.Enter);
        rig.Board.Contactless.Present(new VirtualContactlessCard(VirtualCardSpec.Load("unionpay-quickpass")));
        rig.Run(5_000);
        Assert.AreEqual(OutcomeCodes.ApprovedOffline, rig.Loop.Engine.LastOutcome);
        Assert.AreEqual(StatusFlags.WifiUp | StatusFlags.HostLink | StatusFlags.AdvicesPending, rig.Loop.Status(), "the advice owed shows as an icon");
        Assert.AreEqual(2, rig.Board.Printer.Cuts);
    }

    [TestMethod]
    public void ACardPulledEarlyOnTheModelsIsSaidOnThePanel()
    {
        var rig = new Rig();
        rig.Run(3_000);
        rig.Press(KeyCode.Enter, KeyCode.Digit5, KeyCode.Enter);
        var card = new VirtualContactlessCard(VirtualCardSpec.Load("unionpay-quickpass")) { RemoveAtApdu = 2 };
        rig.Board.Contactless.Present(card);
        rig.Run(2_000);
        Assert.AreEqual(OutcomeCodes.CardRemoved, rig.Loop.Engine.LastOutcome);
        Assert.IsTrue(rig.Shows(Prompts.ForOutcome(OutcomeCodes.CardRemoved, null)) || rig.Shows(Prompts.ForOutcome(OutcomeCodes.CardRemoved, "0.05")), "card removed on the panel:\n" + rig.Board.Panel.Render().ToText());
        Assert.AreEqual(0, rig.World.Acquirer.Entries().Count(e => e.Type == TransactionType.Sale), "nothing reached the host");
    }
}
