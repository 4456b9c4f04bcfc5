using PosFirmware.Devices;

namespace PosFirmware.Virtual.Parts.Contactless;

/// <summary>
/// Virtual cards for any PAN: the UnionPay QuickPass card (Cards/unionpay-quickpass.json) with
/// its PAN, PSN and track 2 replaced, so its key is that PAN's under the test issuer. For tests and
/// simulations that need many cardholders; the same card object must be tapped again for the same
/// PAN, or the host sees its ATC go back.
/// </summary>
public static class VirtualCards
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, VirtualCardSpec> Made = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, VirtualContactlessCard> Cards = new();
    private static string? _template;

    /// <summary>A QuickPass card spec (made once, shared: do not change it) for pan (12..19 digits; Luhn-valid if the terminal's reader is to take it) and psn 0..99, expiry YYMM.</summary>
    public static VirtualCardSpec QuickPass(string pan, int psn = 1, string expiry = "3012") =>
        Made.GetOrAdd(pan + "/" + psn + "/" + expiry, _ => Make(pan, psn, expiry));

    /// <summary>
    /// A contactless read of pan's QuickPass card (PSN 1; one card per PAN for the whole process, so
    /// its ATC only rises) as the terminal's reader would hand it over, tapped when the terminal reads
    /// it (TapAtRead) for the amount it asks, with a field 55 the host's issuer verifies. The PAN is taken as given (no Luhn check): for benchmarks and tests with
    /// made-up cardholders.
    /// </summary>
    public static CardData Tapped(string pan)
    {
        VirtualContactlessCard card = Cards.GetOrAdd(pan, p => new VirtualContactlessCard(QuickPass(p, 1)));
        return TapAtRead.Mark(new CardData
        {
            Entry = CardEntry.Contactless, Pan = pan, Expiry = "3012", Track2 = pan + "=30122011234567890",
            CardSequence = 1,
        }, card);
    }

    /// <summary>
    /// Pan's card tapped now for amountMinor and type (the field 55 made before it is presented):
    /// for a benchmark that must not count the card's own work as the terminal's allocations. The
    /// transaction must be for that amount, or the host's issuer declines it (82).
    /// </summary>
    public static CardData TappedNow(string pan, long amountMinor, Messaging.Host.TransactionType type)
    {
        CardData deferred = Tapped(pan);
        return new CardData
        {
            Entry = deferred.Entry, Pan = pan, Expiry = deferred.Expiry, Track2 = deferred.Track2,
            CardSequence = deferred.CardSequence, IccData = TapAtRead.Tap(deferred, amountMinor, type),
        };
    }

    private static VirtualCardSpec Make(string pan, int psn, string expiry)
    {
        _template ??= File.ReadAllText(Path.Combine(VirtualCardSpec.FolderPath(), "unionpay-quickpass.json"));
        VirtualCardSpec spec = VirtualCardSpec.Parse(_template);
        spec.Name = "QuickPass " + pan;
        string track2 = pan + "D" + expiry + "2010000000000";
        var records = spec.Applications[0].Records;
        records[0].Tags["57"] = track2.Length % 2 == 0 ? track2 : track2 + "F";
        records[0].Tags["5F34"] = (psn % 100).ToString("D2");
        records[1].Tags["5A"] = pan.Length % 2 == 0 ? pan : pan + "F";
        records[1].Tags["5F24"] = expiry + "31";
        return spec;
    }
}
