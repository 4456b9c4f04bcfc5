namespace PosFirmware.Virtual.Parts.Contactless;

/// <summary>
/// Virtual cards for any PAN: the UnionPay QuickPass card (Cards/unionpay-quickpass.json) with
/// its PAN, PSN and track 2 replaced, so its key is that PAN's under the test issuer. For tests and
/// simulations that need many cardholders; the same card object must be tapped again for the same
/// PAN, or the host sees its ATC go back.
/// </summary>
public static class VirtualCards
{
    private static string? _template;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, VirtualCardSpec> Made = new();

    /// <summary>A QuickPass card spec (made once, shared: do not change it) for pan (12..19 digits; Luhn-valid if the terminal's reader is to take it) and psn 0..99, expiry YYMM.</summary>
    public static VirtualCardSpec QuickPass(string pan, int psn = 1, string expiry = "3012")
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
