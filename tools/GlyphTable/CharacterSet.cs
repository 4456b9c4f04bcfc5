using System.Text.RegularExpressions;

namespace PosFirmware.GlyphTable;

/// <summary>
/// The characters the terminal can show or print: printable ASCII (amounts, merchant data, host
/// texts) plus every other character in a string literal of the firmware's screens, slips and
/// outcome catalog. Reading the literals, not a hand-kept list, means a new prompt cannot forget
/// its glyphs; the unit test that renders every screen checks the result.
/// </summary>
public static partial class CharacterSet
{
    /// <summary>Folders under firmware/Core whose string literals reach the display or the printer.</summary>
    public static readonly string[] SourceFolders = { "App", "Payments/Outcomes", "Drivers" };

    public static SortedSet<int> Collect(string firmwareCore)
    {
        var set = new SortedSet<int>();
        for (int c = 0x20; c <= 0x7E; c++)
        {
            set.Add(c);
        }

        foreach (string folder in SourceFolders)
        {
            string dir = Path.Combine(firmwareCore, folder);
            foreach (string file in Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (Path.GetFileName(file) == Generator.OutputFileName)
                {
                    continue;
                }

                foreach (Match m in Literal().Matches(File.ReadAllText(file)))
                {
                    foreach (char ch in Regex.Unescape(m.Groups[1].Value))
                    {
                        if (ch > 0x7E && !char.IsSurrogate(ch))
                        {
                            set.Add(ch);
                        }
                    }
                }
            }
        }

        return set;
    }

    // A regular C# string literal on one line (the firmware has no verbatim or raw literals with text).
    [GeneratedRegex("\"((?:[^\"\\\\\\n]|\\\\.)*)\"")]
    private static partial Regex Literal();
}
