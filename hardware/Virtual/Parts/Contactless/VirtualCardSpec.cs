using System.Text.Json;
using System.Text.Json.Serialization;

namespace PosFirmware.Virtual.Parts.Contactless;

/// <summary>
/// A virtual contactless card as JSON (Cards/*.json): its UID and SAK, whether it has a PPSE, its
/// applications (AID, priority, label, PDOL, AIP, issuer application data, ATC, records as tag/value
/// hex) and, optionally, another issuer's master key; the card's own key follows from the issuer key,
/// its PAN and PSN (TestIssuer). Behaviour for tests (removal at an
/// APDU, muteness) is set on the card object, not in the file.
/// </summary>
public sealed class VirtualCardSpec
{
    public string Name { get; set; } = "";

    public string Uid { get; set; } = "04A1B2C3";

    /// <summary>SEL_RES (SAK): 0x20 says ISO/IEC 14443-4 (every payment card); 0x08 is a MIFARE Classic.</summary>
    public int SelRes { get; set; } = 0x20;

    public bool Ppse { get; set; } = true;

    /// <summary>
    /// The issuer master key (hex) the card's key is derived from (TestIssuer); null: the test
    /// issuer's, which the host simulator knows. Another value makes a card its issuer never issued.
    /// </summary>
    public string? IssuerKey { get; set; }

    public List<ApplicationSpec> Applications { get; set; } = new();

    public sealed class ApplicationSpec
    {
        public string Aid { get; set; } = "";

        public int Priority { get; set; } = 1;

        public string Label { get; set; } = "";

        public string Pdol { get; set; } = "";

        public string Aip { get; set; } = "7C00";

        /// <summary>9F10 issuer application data.</summary>
        public string Iad { get; set; } = "";

        /// <summary>9F27 cryptogram information data: 80 = ARQC (go online).</summary>
        public string Cid { get; set; } = "80";

        /// <summary>9F36 before the first GET PROCESSING OPTIONS.</summary>
        public int Atc { get; set; }

        /// <summary>1: answer GPO with 80 (AIP + AFL only); 2: with template 77.</summary>
        public int GpoFormat { get; set; } = 2;

        /// <summary>Status word to answer GPO with instead (e.g. "6985"), or null.</summary>
        public string? GpoRefusal { get; set; }

        public List<RecordSpec> Records { get; set; } = new();
    }

    public sealed class RecordSpec
    {
        public int Sfi { get; set; } = 1;

        public int Number { get; set; } = 1;

        /// <summary>Tag (hex) to value (hex), in record order.</summary>
        public Dictionary<string, string> Tags { get; set; } = new();
    }

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static VirtualCardSpec Parse(string json) =>
        JsonSerializer.Deserialize<VirtualCardSpec>(json, Options) ?? throw new InvalidDataException("empty card file");

    /// <summary>The committed card files, by file stem.</summary>
    public static string FolderPath() => Path.Combine(Snapshots.RepoPaths.Root(), "hardware", "Virtual", "Parts", "Contactless", "Cards");

    public static VirtualCardSpec Load(string stem) => Parse(File.ReadAllText(Path.Combine(FolderPath(), stem + ".json")));
}
