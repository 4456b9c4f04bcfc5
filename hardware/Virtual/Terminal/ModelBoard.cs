using PosFirmware.App.Input;
using PosFirmware.Devices;
using PosFirmware.Drivers.Buzzer;
using PosFirmware.Drivers.Cards;
using PosFirmware.Drivers.Contactless;
using PosFirmware.Drivers.Display;
using PosFirmware.Drivers.Keypad;
using PosFirmware.Drivers.Magstripe;
using PosFirmware.Drivers.Printer;
using PosFirmware.Hal;
using PosFirmware.Virtual.Parts.Buzzer;
using PosFirmware.Virtual.Parts.Contactless;
using PosFirmware.Virtual.Parts.Display;
using PosFirmware.Virtual.Parts.Keypad;
using PosFirmware.Virtual.Parts.Magstripe;
using PosFirmware.Virtual.Parts.Printer;
using PosFirmware.Virtual.Parts.Serial;
using PosFirmware.Virtual.Random;

namespace PosFirmware.Virtual.Terminal;

/// <summary>
/// The reader board with every part as a chip model and the real drivers on top: keypad matrix,
/// SSD1306 panel, PN532 with a card field, magstripe module, ESC/POS printer and buzzer, on one clock.
/// Its Ports are what the firmware's run loop drives; its models are what a test (or the virtual
/// terminal's page) presses, taps, swipes and looks at. Unlike ScriptedPorts, time must pass in small
/// steps for the parts to work (debounce, UART timing).
/// </summary>
public sealed class ModelBoard
{
    /// <param name="utcOffsetMinutes">the terminal's local time zone (the host profile's UtcOffsetMinutes): 9A/9F21 of a tap must be the same local date and time as fields 12/13 and the slip</param>
    public ModelBoard(IClock clock, IWallClock wall, int utcOffsetMinutes, SeededRandom random, DisplayLanguage language = DisplayLanguage.English)
    {
        Keypad = new VirtualKeypadMatrix(clock, random.NextInt(int.MaxValue)) { BounceMs = 5 };
        Panel = new Ssd1306Model();
        var nfcPort = new VirtualSerialPort(clock, Pn532.BaudRate);
        Contactless = new Pn532Model(nfcPort, random.NextInt(int.MaxValue));
        Magstripe = new VirtualMsrModule(new VirtualSerialPort(clock, 9600), withLrc: false);
        Printer = new EscPosPrinterModel(new VirtualSerialPort(clock, 115_200));
        Buzzer = new VirtualPwm(clock);

        Display = new Ssd1306Display(Panel, language);
        CardReader = new ContactlessReader(new Pn532(nfcPort, clock), clock, wall, random, new ContactlessSettings { UtcOffsetMinutes = utcOffsetMinutes });
        Ports = new TerminalPorts
        {
            Keypad = new MatrixKeypad(Keypad.Rows, Keypad.Columns, clock, KeypadLayout.Standard),
            Display = Display,
            Card = new CardReaders(CardReader, new MsrReader(Magstripe.Port, clock, MsrFormat.WithoutLrc)),
            Printer = new EscPosPrinter(PrinterPort, clock),
            Buzzer = new PwmBuzzer(Buzzer, clock),
        };
    }

    public TerminalPorts Ports { get; }

    public VirtualKeypadMatrix Keypad { get; }

    public Ssd1306Model Panel { get; }

    public Ssd1306Display Display { get; }

    public Pn532Model Contactless { get; }

    public ContactlessReader CardReader { get; }

    public VirtualMsrModule Magstripe { get; }

    public EscPosPrinterModel Printer { get; }

    public VirtualSerialPort PrinterPort => Printer.Port;

    public VirtualPwm Buzzer { get; }

    /// <summary>The matrix position of a key in the standard layout.</summary>
    public static int IndexOf(KeyCode key) => Array.IndexOf(KeypadLayout.Standard, key);
}
