using PosFirmware.App.Engine;
using PosFirmware.App.Input;
using PosFirmware.Devices;
using PosFirmware.Messaging.Host;
using PosFirmware.Virtual.Parts.Contactless;
using PosFirmware.Virtual.Terminal;
using PosFirmware.Virtual.Time;

namespace PosFirmware.VirtualBoard;

/// <summary>The checks of the peripheral parts: each driver on its chip model, through the board of models.</summary>
public sealed partial class SelfCheck
{
    private ModelBoard NewBoard(ManualClock clock)
    {
        var wall = new SimulatedWallClock(clock);
        wall.Set(new DateTime(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc));
        return new ModelBoard(clock, wall, HostProfile.UnionPay(new byte[5], new byte[6]).UtcOffsetMinutes, _random.Derive("board"));
    }

    private static void Run(ManualClock clock, Func<bool> until, int maxMs)
    {
        for (int t = 0; t < maxMs && !until(); t++)
        {
            clock.Advance(1);
        }
    }

    private string CheckDisplay()
    {
        var board = NewBoard(new ManualClock(1_000));
        board.Ports.Display.Show(Prompts.Prompt(ScreenId.Idle, TransactionType.Sale, null));
        int lit = board.Panel.Render().CountSet();
        Expect(board.Panel.DisplayOn && board.Panel.ChargePumpOn, "the panel is not on after init");
        Expect(lit > 500, $"only {lit} pixels lit on the idle screen");
        return $"SSD1306 on, idle screen {lit} pixels lit, {board.Display.Panel.BytesSent} bytes over I2C";
    }

    private string CheckKeypad()
    {
        var clock = new ManualClock(1_000);
        var board = NewBoard(clock);
        board.Keypad.Press(ModelBoard.IndexOf(KeyCode.Enter));
        KeyCode key = KeyCode.Digit0;
        bool got = false;
        Run(clock, () => got = board.Ports.Keypad.TryTakeKey(out key), 200);
        Expect(got && key == KeyCode.Enter, "ENTER pressed on the matrix was not read");
        return "ENTER read through the matrix with debounce";
    }

    private string CheckContactless()
    {
        var clock = new ManualClock(1_000);
        var board = NewBoard(clock);
        board.Contactless.Present(new VirtualContactlessCard(VirtualCardSpec.Load("unionpay-quickpass")));
        board.Ports.Card.Start(30_000, 100, TransactionRules.EmvTransactionType(TransactionType.Sale));
        var card = new CardData();
        CardPoll poll = CardPoll.Nothing;
        CardReadStatus failure = CardReadStatus.None;
        Run(clock, () => (poll = board.Ports.Card.Poll(card, out failure)) != CardPoll.Nothing, 5_000);
        Expect(poll == CardPoll.Read, $"the virtual UnionPay card was not read ({failure})");
        return $"PN532 read the virtual UnionPay card in {board.CardReader.LastApdus} APDUs, field 55 {card.IccData.Length} bytes";
    }

    private string CheckPrinter()
    {
        var clock = new ManualClock(1_000);
        var board = NewBoard(clock);
        board.Ports.Printer.Print(new[] { "\u0001自检 SELF TEST", "PRINTER OK" });
        PrinterStatus status = PrinterStatus.NotAnswering;
        Run(clock, () => board.Ports.Printer.TryTakeResult(out status), 10_000);
        Expect(status == PrinterStatus.Printed, $"the test slip failed: {status}");
        return $"ESC/POS test slip printed and cut, {board.Printer.Pages[0].Height} dot rows";
    }
}
