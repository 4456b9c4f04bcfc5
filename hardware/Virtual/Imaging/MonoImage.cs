namespace PosFirmware.Virtual.Imaging;

/// <summary>
/// A black-and-white picture as models produce it (a panel's lit pixels, a page's printed dots),
/// and what goldens compare: true = lit / printed.
/// </summary>
public sealed class MonoImage
{
    private readonly bool[] _pixels;

    public MonoImage(int width, int height)
    {
        Width = width;
        Height = height;
        _pixels = new bool[width * height];
    }

    public int Width { get; }

    public int Height { get; }

    public bool this[int x, int y]
    {
        get => x >= 0 && y >= 0 && x < Width && y < Height && _pixels[y * Width + x];
        set
        {
            if (x >= 0 && y >= 0 && x < Width && y < Height)
            {
                _pixels[y * Width + x] = value;
            }
        }
    }

    public int CountSet() => _pixels.Count(p => p);

    /// <summary>Pixels that differ from other (all of them when the sizes differ).</summary>
    public int DifferencesFrom(MonoImage other)
    {
        if (other.Width != Width || other.Height != Height)
        {
            return Math.Max(_pixels.Length, other._pixels.Length);
        }

        int n = 0;
        for (int i = 0; i < _pixels.Length; i++)
        {
            if (_pixels[i] != other._pixels[i])
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>A text picture for test messages: '#' set, '.' clear.</summary>
    public string ToText(int maxRows = 64)
    {
        var sb = new System.Text.StringBuilder();
        for (int y = 0; y < Math.Min(Height, maxRows); y++)
        {
            for (int x = 0; x < Width; x++)
            {
                sb.Append(this[x, y] ? '#' : '.');
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }
}
