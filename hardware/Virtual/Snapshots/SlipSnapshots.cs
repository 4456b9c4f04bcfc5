using PosFirmware.App.Slips;
using PosFirmware.Drivers.Printer;
using PosFirmware.Messaging.Host;
using PosFirmware.Payments.Outcomes;
using PosFirmware.Virtual.Imaging;
using PosFirmware.Virtual.Parts.Printer;
using PosFirmware.Virtual.Parts.Serial;
using PosFirmware.Virtual.Time;

namespace PosFirmware.Virtual.Snapshots;

/// <summary>
/// Slips as they come out of the printer: the lines from SlipBuilder, laid out and sent by the ESC/POS
/// driver to the printer model, the page cut off. Merchant and cardholder copies of an approval, a
/// decline, a timeout being reversed, and the manual-handling slip of a reversal that failed.
/// </summary>
public static class SlipSnapshots
{
    public static SlipData Sample(int outcome, TransactionType type = TransactionType.Sale) => new()
    {
        MerchantName = "测试商户 TEST SHOP",
        MerchantId = "308640041110003",
        TerminalId = "10020831",
        Type = type,
        AmountMinor = 2550,
        MaskedPan = "622848*********0001",
        Entry = PosEntryMode.Contactless,
        Stan = 122,
        Batch = 2,
        When = "1122103000",
        Rrn = outcome == OutcomeCodes.Approved ? "000000123456" : null,
        AuthCode = outcome == OutcomeCodes.Approved ? "654321" : null,
        OutcomeCode = outcome,
    };

    public static IEnumerable<(string Name, string[] Lines)> Slips()
    {
        yield return ("merchant-approved", SlipBuilder.Lines(Sample(OutcomeCodes.Approved), SlipCopy.Merchant));
        yield return ("cardholder-approved", SlipBuilder.Lines(Sample(OutcomeCodes.Approved), SlipCopy.Cardholder));
        yield return ("merchant-declined-51", SlipBuilder.Lines(Sample(151), SlipCopy.Merchant));
        yield return ("cardholder-timeout-reversed", SlipBuilder.Lines(Sample(OutcomeCodes.TimeoutHost), SlipCopy.Cardholder));
        yield return ("merchant-reversal-failed", SlipBuilder.Lines(Sample(OutcomeCodes.ReversalFailed), SlipCopy.Merchant));
        SlipData unset = Sample(OutcomeCodes.ApprovedOffline);
        unset.When = null;
        unset.TimeNotSet = true;
        yield return ("merchant-offline-time-not-set", SlipBuilder.Lines(unset, SlipCopy.Merchant));
    }

    public static IEnumerable<Snapshot> All()
    {
        foreach (var (name, lines) in Slips())
        {
            yield return new Snapshot($"slips/{name}.png", Print(lines), Light: false, Scale: 1);
        }
    }

    /// <summary>Prints lines through the driver onto a fresh printer model and returns the cut page.</summary>
    public static MonoImage Print(string[] lines)
    {
        var clock = new ManualClock(1_000);
        var port = new VirtualSerialPort(clock, 115_200);
        var model = new EscPosPrinterModel(port);
        var printer = new EscPosPrinter(port, clock);
        printer.Print(lines);
        for (int t = 0; t < 60_000; t++)
        {
            clock.Advance(1);
            if (printer.TryTakeResult(out int failed))
            {
                if (failed != 0)
                {
                    throw new InvalidOperationException($"the printer model failed a slip with {failed}");
                }

                return model.Pages.Single();
            }
        }

        throw new TimeoutException("the slip did not print in a minute");
    }
}
