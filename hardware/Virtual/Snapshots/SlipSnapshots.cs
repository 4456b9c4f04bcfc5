using PosFirmware.App.Slips;
using PosFirmware.Devices;
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
/// decline (with a code the catalog knows and one it does not), a timeout whose money will be returned,
/// the manual-handling slip of a reversal that failed, the confirmation slip of a reversal the host
/// confirmed, and a settlement slip listing what is left to settle by hand.
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
        yield return ("cardholder-timeout-failed", SlipBuilder.Lines(Sample(OutcomeCodes.TimeoutHost), SlipCopy.Cardholder));
        yield return ("merchant-reversal-failed", SlipBuilder.Lines(Sample(OutcomeCodes.ReversalFailed), SlipCopy.Merchant));
        SlipData unset = Sample(OutcomeCodes.ApprovedOffline);
        unset.When = null;
        unset.TimeNotSet = true;
        yield return ("merchant-offline-time-not-set", SlipBuilder.Lines(unset, SlipCopy.Merchant));
        SlipData unknown = Sample(OutcomeCodes.HostUnknownCode);
        unknown.ResponseCode = "Q7";
        yield return ("merchant-declined-unknown-code", SlipBuilder.Lines(unknown, SlipCopy.Merchant));
        SlipData confirmed = Sample(OutcomeCodes.ReversalConfirmed);
        confirmed.Rrn = "000000123457";
        confirmed.ConfirmedWhen = "1122103105";
        yield return ("cardholder-reversal-confirmed", SlipBuilder.Lines(confirmed, SlipCopy.Cardholder));
        yield return ("settlement-with-exceptions", SettlementWithExceptions());
        yield return ("totals-manual-list-full", TotalsWithAFullManualList());
    }

    /// <summary>The batch totals report when more reversals went to manual handling than its list holds: "+N more".</summary>
    public static string[] TotalsWithAFullManualList()
    {
        var setup = new PosFirmware.App.Engine.EngineSetup
        {
            MerchantName = "测试商户 TEST SHOP",
            Identity = new TerminalIdentity("10020831", "308640041110003", "001"),
        };
        var state = new PosFirmware.Payments.State.TerminalState(10, 4, 8);
        var journal = new PosFirmware.Payments.State.StateJournal(new PosFirmware.Payments.Journal.Journal(new PosFirmware.Virtual.Flash.VirtualFlash(), 1024, 64 * 1024), state, 4096);
        journal.Recover();
        for (int i = 0; i < PosFirmware.Payments.State.TerminalState.MaxManualReversals + 2; i++)
        {
            journal.ArmReversal(new PosFirmware.Payments.State.PendingReversal { Stan = 11 + i, Batch = 2, Type = TransactionType.Sale, AmountMinor = 6000 + i, Message = new byte[] { 1 } });
            journal.MarkReversalManual(null, null);
        }

        return Reports.Totals(setup, 2, new SettlementTotals(), "1122180000", false, state);
    }

    /// <summary>A settlement slip with a reversal left to manual handling and an advice the host never took.</summary>
    public static string[] SettlementWithExceptions()
    {
        var setup = new PosFirmware.App.Engine.EngineSetup
        {
            MerchantName = "测试商户 TEST SHOP",
            Identity = new TerminalIdentity("10020831", "308640041110003", "001"),
        };
        var totals = new SettlementTotals();
        totals.Add(TransactionType.Sale, 12345);
        return Reports.Totals(setup, 2, totals, "1122180000", true, Exceptions());
    }

    /// <summary>A terminal state holding one manual reversal (STAN 7, 60.00) and one failed advice (STAN 9, 15.00).</summary>
    public static PosFirmware.Payments.State.TerminalState Exceptions()
    {
        var flash = new PosFirmware.Virtual.Flash.VirtualFlash();
        var state = new PosFirmware.Payments.State.TerminalState(10, 4, 8);
        var journal = new PosFirmware.Payments.State.StateJournal(new PosFirmware.Payments.Journal.Journal(flash, 1024, 64 * 1024), state, 4096);
        journal.Recover();
        journal.ArmReversal(new PosFirmware.Payments.State.PendingReversal { Stan = 7, Batch = 2, Type = TransactionType.Sale, AmountMinor = 6000, Message = new byte[] { 1 } });
        journal.MarkReversalManual(null, null);
        journal.Complete(null, -1, new PosFirmware.Payments.State.PendingAdvice { Stan = 9, AmountMinor = 1500, Message = new byte[] { 1 } }, null, false, null);
        journal.AdviceFailed(9, null);
        return state;
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
            if (printer.TryTakeResult(out PrinterStatus failed))
            {
                if (failed != PrinterStatus.Printed)
                {
                    throw new InvalidOperationException($"the printer model failed a slip with {failed}");
                }

                return model.Pages.Single();
            }
        }

        throw new TimeoutException("the slip did not print in a minute");
    }
}
