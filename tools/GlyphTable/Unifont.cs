namespace PosFirmware.GlyphTable;

/// <summary>
/// GNU Unifont's .hex format: one glyph per line, `XXXX:` code point then 32 hex digits (8x16) or
/// 64 hex digits (16x16), rows top to bottom, leftmost pixel in the high bit.
/// </summary>
public static class Unifont
{
    public static Dictionary<int, byte[]> Load(string path, ISet<int> wanted)
    {
        var glyphs = new Dictionary<int, byte[]>();
        foreach (string line in File.ReadLines(path))
        {
            int colon = line.IndexOf(':');
            if (colon < 1)
            {
                continue;
            }

            int code = Convert.ToInt32(line[..colon], 16);
            if (!wanted.Contains(code))
            {
                continue;
            }

            string hex = line[(colon + 1)..].Trim();
            if (hex.Length != 32 && hex.Length != 64)
            {
                throw new InvalidDataException($"{path}: U+{code:X4} has {hex.Length} hex digits, not 32 or 64");
            }

            glyphs[code] = Convert.FromHexString(hex);
        }

        return glyphs;
    }
}
