// Regenerates firmware/Core/Drivers/Display/GlyphData.cs from GNU Unifont.
// Usage: dotnet run --project tools/GlyphTable [-- --check] [--unifont PATH]
//   --check  exit 1 if the committed table differs from what the sources and Unifont give (CI).
using PosFirmware.GlyphTable;

string unifont = "/usr/share/unifont/unifont.hex";
bool check = false;
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--check")
    {
        check = true;
    }
    else if (args[i] == "--unifont" && i + 1 < args.Length)
    {
        unifont = args[++i];
    }
    else
    {
        Console.Error.WriteLine("usage: PosFirmware.GlyphTable [--check] [--unifont PATH]");
        return 2;
    }
}

string root = FindRoot(AppContext.BaseDirectory) ?? FindRoot(Directory.GetCurrentDirectory())
    ?? throw new DirectoryNotFoundException("run inside the repository (no PosFirmware.sln above here)");
string core = Path.Combine(root, "firmware", "Core");
string output = Path.Combine(core, "Drivers", "Display", Generator.OutputFileName);
if (!File.Exists(unifont))
{
    Console.Error.WriteLine($"glyphs: {unifont} not found (Debian: apt-get install unifont)");
    return 2;
}

string text = Generator.Generate(core, unifont, out int glyphs, out int bytes);
if (check)
{
    bool same = File.Exists(output) && File.ReadAllText(output) == text;
    Console.WriteLine(same ? $"glyphs: table is current ({glyphs} glyphs, {bytes} bytes)" : $"glyphs: {output} is stale: run dotnet run --project tools/GlyphTable");
    return same ? 0 : 1;
}

File.WriteAllText(output, text);
Console.WriteLine($"glyphs: wrote {output}: {glyphs} glyphs, {bytes} bytes of bitmaps");
return 0;

static string? FindRoot(string start)
{
    for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "PosFirmware.sln")))
        {
            return dir.FullName;
        }
    }

    return null;
}
