using PosFirmware.Virtual.Imaging;

namespace PosFirmware.Virtual.Snapshots;

/// <summary>One picture a part produced: its relative file name, the image, and how to draw it as PNG.</summary>
public sealed record Snapshot(string Name, MonoImage Image, bool Light, int Scale)
{
    public byte[] ToPng() => Png.Encode(Image, Light, Scale);
}
