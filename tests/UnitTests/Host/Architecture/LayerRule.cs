using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace PosFirmware.UnitTests.Host.Architecture;

/// <summary>
/// The layer rule of firmware/Core (its README, "Layers"): a source's layer is its first folder, and
/// every namespace it names (a using line, a fully qualified PosFirmware.X name, or a name qualified
/// from inside PosFirmware such as Security.Mac) must be its own layer's or one the table allows.
/// Comments and string literals are not code and are not read. Pure: it takes (path, text) pairs, so
/// a test can feed it sources that break the rule.
/// </summary>
internal static class LayerRule
{
    /// <summary>What each layer may use besides itself. Imports point down only; App reaches the parts through Devices.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Allowed = new Dictionary<string, string[]>
    {
        ["Common"] = Array.Empty<string>(),
        ["Hal"] = new[] { "Common" },
        ["Security"] = new[] { "Common", "Hal" },
        ["Devices"] = new[] { "Common", "Security" },
        ["Drivers"] = new[] { "Common", "Hal", "Security", "Devices" },
        ["Messaging"] = new[] { "Common", "Security" },
        ["Payments"] = new[] { "Common", "Hal", "Security", "Messaging" },
        ["App"] = new[] { "Common", "Hal", "Security", "Devices", "Messaging", "Payments" },
    };

    /// <summary>The one exception: the EMV read flow of the contactless reader uses the TLV code of Messaging/Emv.</summary>
    private const string EmvReaderFolder = "Drivers/Contactless/";
    private const string EmvNamespace = "Messaging.Emv";

    private static readonly Regex FullyQualified = new(@"\bPosFirmware\.(\w+)(?:\.(\w+))?", RegexOptions.Compiled);

    // Inside namespace PosFirmware.*, "Security.Mac" means PosFirmware.Security.Mac: a name not after a dot or a letter.
    private static readonly Regex Qualified = new(@"(?<![\w.])(App|Payments|Messaging|Drivers|Devices|Security|Hal|Common)\.([A-Z]\w*)", RegexOptions.Compiled);

    /// <summary>
    /// Every use against the rule, as "path:line: Layer may not use PosFirmware.X.Y (text)"; path is
    /// relative to firmware/Core with '/' separators.
    /// </summary>
    public static List<string> Violations(IEnumerable<(string Path, string Text)> sources)
    {
        var found = new List<string>();
        foreach (var (path, text) in sources)
        {
            string layer = LayerOf(path);
            if (layer == null)
            {
                found.Add($"{path}:1: in no layer (a firmware/Core source sits in one of {string.Join(", ", Allowed.Keys)})");
                continue;
            }

            string[] lines = CodeOnly(text).Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i];
                if (line.TrimStart().StartsWith("namespace ", StringComparison.Ordinal))
                {
                    continue;
                }

                var seen = new HashSet<int>();
                foreach (Match m in FullyQualified.Matches(line))
                {
                    seen.Add(m.Index + "PosFirmware.".Length);
                    Check(found, path, i + 1, layer, m.Groups[1].Value, m.Groups[2].Value, m.Value);
                }

                foreach (Match m in Qualified.Matches(line))
                {
                    if (!seen.Contains(m.Index))
                    {
                        Check(found, path, i + 1, layer, m.Groups[1].Value, m.Groups[2].Value, m.Value);
                    }
                }
            }
        }

        return found;
    }

    /// <summary>The layer of a path relative to firmware/Core (its first folder), or null.</summary>
    public static string LayerOf(string path)
    {
        int slash = path.IndexOf('/');
        string first = slash < 0 ? null : path.Substring(0, slash);
        return first != null && Allowed.ContainsKey(first) ? first : null;
    }

    private static void Check(List<string> found, string path, int line, string layer, string target, string next, string text)
    {
        if (target == layer || Array.IndexOf(Allowed[layer], target) >= 0)
        {
            return;
        }

        if (!Allowed.ContainsKey(target))
        {
            // PosFirmware.Virtual and the like are not firmware: Core cannot see them (the build says so).
            return;
        }

        if (path.StartsWith(EmvReaderFolder, StringComparison.Ordinal) && target + "." + next == EmvNamespace)
        {
            return;
        }

        string used = next.Length > 0 ? target + "." + next : target;
        found.Add($"{path}:{line}: {layer} may not use PosFirmware.{used} ({text})");
    }

    /// <summary>The text with comments and string and char literals blanked; line breaks kept, so lines keep their numbers.</summary>
    public static string CodeOnly(string text)
    {
        var code = new StringBuilder(text.Length);
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            char n = i + 1 < text.Length ? text[i + 1] : '\0';
            if (c == '/' && n == '/')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '/' && n == '*')
            {
                int end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? text.Length : end + 2;
                Blank(code, text, i, end);
                i = end;
            }
            else if (c == '"' || c == '\'')
            {
                bool verbatim = c == '"' && i > 0 && text[i - 1] == '@';
                int j = i + 1;
                while (j < text.Length && text[j] != c && text[j] != '\n')
                {
                    if (verbatim && text[j] == '"' && j + 1 < text.Length && text[j + 1] == '"')
                    {
                        j++;
                    }
                    else if (!verbatim && text[j] == '\\')
                    {
                        j++;
                    }

                    j++;
                }

                int end = Math.Min(j + 1, text.Length);
                Blank(code, text, i, end);
                i = end;
            }
            else
            {
                code.Append(c);
                i++;
            }
        }

        return code.ToString();
    }

    private static void Blank(StringBuilder code, string text, int from, int to)
    {
        for (int k = from; k < to; k++)
        {
            code.Append(text[k] == '\n' ? '\n' : ' ');
        }
    }
}
