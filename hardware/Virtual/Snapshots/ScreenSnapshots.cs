using PosFirmware.App.Engine;
using PosFirmware.Devices;
using PosFirmware.Drivers.Display;
using PosFirmware.Messaging.Host;
using PosFirmware.Payments.Outcomes;
using PosFirmware.Payments.State;
using PosFirmware.Virtual.Parts.Display;

namespace PosFirmware.Virtual.Snapshots;

/// <summary>
/// Every screen the terminal can show, in English and Chinese, drawn by the real display driver
/// onto the SSD1306 model: the prompts (with a typical value), the four menu pages, the wrong-PIN
/// prompt, every outcome of the catalog (and a code the catalog does not know), the last-transaction
/// lookup in each reversal state, the idle notice of a confirmed reversal, and the idle screen under
/// each status.
/// </summary>
public static class ScreenSnapshots
{
    public const int Scale = 2;

    /// <summary>Every screen as data, with its file stem.</summary>
    public static IEnumerable<(string Name, Screen Screen, int Status)> Screens()
    {
        const int online = StatusFlags.WifiUp | StatusFlags.HostLink;
        yield return ("starting", Prompts.Prompt(ScreenId.Starting, TransactionType.Sale, null), StatusFlags.WifiUp);
        yield return ("idle", Prompts.Prompt(ScreenId.Idle, TransactionType.Sale, null), online);
        yield return ("idle-offline", Prompts.Prompt(ScreenId.Idle, TransactionType.Sale, null), 0);
        yield return ("idle-owing", Prompts.Prompt(ScreenId.Idle, TransactionType.Sale, null), online | StatusFlags.ReversalPending | StatusFlags.AdvicesPending);
        for (int page = 0; page < 4; page++)
        {
            yield return ($"menu-{page}", Prompts.Menu(page), online);
        }

        foreach (TransactionType type in Prompts.TransactionTypes)
        {
            string t = type.ToString().ToLowerInvariant();
            if (type != TransactionType.Sale && type != TransactionType.PreAuth && type != TransactionType.Balance)
            {
                yield return ($"trace-{t}", Prompts.Prompt(ScreenId.EnterTrace, type, "000123"), online);
            }

            if (type != TransactionType.Balance)
            {
                yield return ($"amount-{t}", Prompts.Prompt(ScreenId.EnterAmount, type, "12.34"), online);
            }

            yield return ($"card-{t}", Prompts.Prompt(ScreenId.PresentCard, type, type == TransactionType.Balance ? null : "12.34"), online);
        }

        yield return ("pin", Prompts.Prompt(ScreenId.EnterPin, TransactionType.Sale, "******"), online);
        yield return ("pin-wrong", Prompts.WrongPin("****"), online);
        yield return ("processing", Prompts.Prompt(ScreenId.Processing, TransactionType.Sale, "57"), online);
        yield return ("settle", Prompts.Prompt(ScreenId.ConfirmSettle, TransactionType.Sale, null), online);
        yield return ("totals", Prompts.Prompt(ScreenId.Totals, TransactionType.Sale, "3 / 123.45"), online);
        yield return ("balance", Prompts.Prompt(ScreenId.Balance, TransactionType.Balance, "8,765.43"), online);
        yield return ("last", LastAt("1231235930"), online);
        yield return ("last-time-not-set", LastAt(null), online);
        yield return ("last-approved", Lookup(Last(OutcomeCodes.Approved, "00", ReversalState.None, null), "000123 60.00"), online);
        yield return ("last-declined-51", Lookup(Last(151, "51", ReversalState.None, null), "000123 60.00"), online);
        yield return ("last-declined-unknown", Lookup(Last(OutcomeCodes.HostUnknownCode, "Q7", ReversalState.None, null), "000123 60.00"), online);
        yield return ("last-reversal-pending", Lookup(Last(OutcomeCodes.TimeoutHost, null, ReversalState.Pending, null), "000123 60.00"), online);
        yield return ("last-reversal-confirmed", Lookup(Last(OutcomeCodes.TimeoutHost, null, ReversalState.Done, "1122103105"), "000123 60.00"), online);
        yield return ("last-reversal-manual", Lookup(Last(OutcomeCodes.TimeoutHost, null, ReversalState.ManualHandling, null), "000123 60.00"), online);
        yield return ("idle-reversal-confirmed", Prompts.IdleReversalConfirmed(new[] { 123 }, 1), online);
        yield return ("idle-reversals-confirmed", Prompts.IdleReversalConfirmed(new[] { 121, 122, 123 }, 3), online);
        yield return ("outcome-170-Q7", Prompts.ForOutcome(OutcomeCodes.HostUnknownCode, "Q7", "60.00"), online);
        foreach (Outcome o in OutcomeCatalog.All)
        {
            // Declines and failures carry the amount too: it shows beside the code where it fits.
            yield return ($"outcome-{o.Code}", Prompts.ForOutcome(o.Code, o.Kind == OutcomeKind.Approved || o.Kind == OutcomeKind.Reversing ? "12.34" : null), online);
        }
    }

    /// <summary>The last-transaction screen of a sale made at when (MMDDhhmmss local, or null: time not set).</summary>
    private static Screen LastAt(string? when)
    {
        Screen s = Prompts.Prompt(ScreenId.LastTransaction, TransactionType.Sale, "000123 12.34");
        Prompts.LastTitle(s, when);
        return s;
    }

    /// <summary>The lookup screen of t as the engine shows it (its title with t's local time).</summary>
    private static Screen Lookup(LastTransaction t, string value)
    {
        Screen s = Prompts.Last(t, value);
        Prompts.LastTitle(s, t.When);
        return s;
    }

    private static LastTransaction Last(int outcome, string? responseCode, ReversalState reversal, string? confirmedWhen) => new()
    {
        Stan = 123, Type = TransactionType.Sale, AmountMinor = 6000, OutcomeCode = outcome, MaskedPan = "622848*********0001",
        When = "1122103000", Reversal = reversal, ResponseCode = responseCode, Batch = 2, ReversalWhen = confirmedWhen,
    };

    public static IEnumerable<Snapshot> All()
    {
        foreach (DisplayLanguage language in new[] { DisplayLanguage.English, DisplayLanguage.Chinese })
        {
            string folder = language == DisplayLanguage.English ? "en" : "zh";
            foreach (var (name, screen, status) in Screens())
            {
                yield return new Snapshot($"display/{folder}/{name}.png", Render(screen, language, status), Light: true, Scale);
            }
        }
    }

    /// <summary>Draws one screen through the driver onto a fresh panel model and returns what it shows.</summary>
    public static Imaging.MonoImage Render(Screen screen, DisplayLanguage language, int status)
    {
        var panel = new Ssd1306Model();
        var display = new Ssd1306Display(panel, language);
        display.ShowStatus(status);
        display.Show(screen);
        return panel.Render();
    }
}
