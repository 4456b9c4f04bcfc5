using PosFirmware.App.Engine;
using PosFirmware.App.Slips;
using PosFirmware.Devices;
using PosFirmware.Drivers.Contactless;
using PosFirmware.Drivers.Display;
using PosFirmware.Drivers.Keypad;
using PosFirmware.Drivers.Printer;
using PosFirmware.Messaging.Host;
using PosFirmware.Payments.Outcomes;
using PosFirmware.Virtual.Parts.Contactless;
using PosFirmware.Virtual.Parts.Display;
using PosFirmware.Virtual.Parts.Keypad;
using PosFirmware.Virtual.Parts.Printer;
using PosFirmware.Virtual.Parts.Serial;
using PosFirmware.Virtual.Random;
using PosFirmware.Virtual.Snapshots;
using PosFirmware.Virtual.Time;

namespace PosFirmware.Benchmarks;

/// <summary>
/// What the drivers cost on the wire and in the heap, measured on the chip models:
/// - I2C bytes for the display's init, a full-screen update, a one-line change (a digit of the amount),
///   a status icon change and an unchanged screen;
/// - managed bytes the contactless reader allocates per card read (the driver's Poll calls only: the
///   UART holds the writes until the loop hands them to the model, so the model's work is not counted),
///   with the APDUs and UART bytes of a read and its time on the model's line timing;
/// - UART bytes for a merchant slip; GPIO operations per second of an idle keypad.
/// </summary>
public static class DriversBenchmark
{
    public static void Run()
    {
        Display();
        Contactless();
        Printer();
        Keypad();
    }

    private static void Display()
    {
        var panel = new Ssd1306Model();
        var display = new Ssd1306Display(panel, DisplayLanguage.Chinese);
        display.Panel.Initialize();
        long init = panel.BytesReceived;
        display.Show(Prompts.Prompt(ScreenId.EnterAmount, TransactionType.Sale, "0.00"));
        long full = panel.BytesReceived - init;
        long before = panel.BytesReceived;
        display.Show(Prompts.Prompt(ScreenId.EnterAmount, TransactionType.Sale, "0.01"));
        long oneLine = panel.BytesReceived - before;
        before = panel.BytesReceived;
        display.ShowStatus(StatusFlags.WifiUp | StatusFlags.HostLink);
        long status = panel.BytesReceived - before;
        before = panel.BytesReceived;
        display.Show(Prompts.Prompt(ScreenId.EnterAmount, TransactionType.Sale, "0.01"));
        long same = panel.BytesReceived - before;
        Measure.Print("display_init_i2c_bytes", init, "B");
        Measure.Print("display_full_screen_i2c_bytes", full, "B");
        Measure.Print("display_one_line_change_i2c_bytes", oneLine, "B");
        Measure.Print("display_status_icons_change_i2c_bytes", status, "B");
        Measure.Print("display_unchanged_screen_i2c_bytes", same, "B");
        Measure.Print("display_full_screen_ms_at_400khz", full * 9 / 400.0, "ms");
        Measure.Print("glyph_table_bytes", GlyphTable.BitmapBytes + GlyphTable.Count * 5, "B");
    }

    private static void Contactless()
    {
        var clock = new ManualClock(1_000);
        var port = new VirtualSerialPort(clock, Pn532.BaudRate) { DeferWrites = true };
        var chip = new Pn532Model(port);
        var wall = new SimulatedWallClock(clock);
        wall.Set(new DateTime(2026, 11, 22, 9, 0, 0, DateTimeKind.Utc));
        var reader = new ContactlessReader(new Pn532(port, clock), clock, wall, new SeededRandom(1), new ContactlessSettings());
        var spec = VirtualCardSpec.Load("unionpay-quickpass");
        var card = new CardData();
        const int reads = 200;
        long allocated = 0;
        long timeMs = 0;
        long uartBytes = 0;
        int apdus = 0;
        for (int n = 0; n < reads + 20; n++)
        {
            chip.Present(new VirtualContactlessCard(spec));
            long bytesBefore = port.BytesWritten + port.BytesRead;
            long start = clock.NowMs;
            long readAllocated = 0;
            reader.Start(30_000, 100 + n, TransactionRules.EmvTransactionType(TransactionType.Sale));
            port.DeliverWrites();
            CardPoll poll = CardPoll.Nothing;
            for (int t = 0; t < 10_000 && poll == CardPoll.Nothing; t++)
            {
                clock.Advance(1);
                long a = GC.GetAllocatedBytesForCurrentThread();
                poll = reader.Poll(card, out _);
                readAllocated += GC.GetAllocatedBytesForCurrentThread() - a;
                port.DeliverWrites();
            }

            if (poll != CardPoll.Read)
            {
                throw new InvalidOperationException("the benchmark card was not read");
            }

            card.Clear();
            chip.Remove();
            if (n >= 20)
            {
                allocated += readAllocated;
                timeMs += clock.NowMs - start;
                uartBytes += port.BytesWritten + port.BytesRead - bytesBefore;
                apdus += reader.LastApdus;
            }

            // Let the release and the next poll settle before the next card.
            for (int t = 0; t < 300; t++)
            {
                clock.Advance(1);
                reader.Poll(card, out _);
                port.DeliverWrites();
            }
        }

        Measure.Print("contactless_read_allocated_bytes", allocated / (double)reads, "B");
        Measure.Print("contactless_read_apdus", apdus / (double)reads, "APDUs");
        Measure.Print("contactless_read_uart_bytes", uartBytes / (double)reads, "B");
        Measure.Print("contactless_read_ms_on_model_timing", timeMs / (double)reads, "ms");
    }

    private static void Printer()
    {
        var clock = new ManualClock(1_000);
        var port = new VirtualSerialPort(clock, 115_200);
        var model = new EscPosPrinterModel(port);
        var printer = new EscPosPrinter(port, clock);
        string[] slip = SlipBuilder.Lines(SlipSnapshots.Sample(OutcomeCodes.Approved), SlipCopy.Merchant);
        printer.Print(slip);
        long start = clock.NowMs;
        PrinterStatus failed;
        while (!printer.TryTakeResult(out failed))
        {
            clock.Advance(1);
        }

        Measure.Print("printer_merchant_slip_uart_bytes", printer.BytesSent, "B");
        Measure.Print("printer_merchant_slip_uart_ms_at_115200", printer.BytesSent * 10 / 115.2, "ms");
        Measure.Print("printer_merchant_slip_length_mm", model.Pages[0].Height / 8.0, "mm");
    }

    private static void Keypad()
    {
        var clock = new ManualClock(1_000);
        var matrix = new VirtualKeypadMatrix(clock, 1);
        var keypad = new MatrixKeypad(matrix.Rows, matrix.Columns, clock, KeypadLayout.Standard);
        long reads = matrix.PinReads;
        long writes = matrix.PinWrites;
        for (int t = 0; t < 1_000; t++)
        {
            clock.Advance(1);
            keypad.TryTakeKey(out _);
        }

        Measure.Print("keypad_idle_gpio_ops_per_second", matrix.PinReads - reads + matrix.PinWrites - writes, "ops");
        matrix.Press(5);
        reads = matrix.PinReads;
        writes = matrix.PinWrites;
        for (int t = 0; t < 1_000; t++)
        {
            clock.Advance(1);
            keypad.TryTakeKey(out _);
        }

        Measure.Print("keypad_key_held_gpio_ops_per_second", matrix.PinReads - reads + matrix.PinWrites - writes, "ops");
    }
}
