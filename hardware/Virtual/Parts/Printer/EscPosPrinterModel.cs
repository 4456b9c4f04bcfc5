using PosFirmware.Drivers.Display;
using PosFirmware.Virtual.Imaging;
using PosFirmware.Virtual.Parts.Serial;
using QRCoder;

namespace PosFirmware.Virtual.Parts.Printer;

/// <summary>
/// A 58 mm ESC/POS thermal printer (384 dots across, 8 dots/mm) at the other end of a virtual UART:
/// interprets the byte stream into printed pages (ESC @, ESC a, ESC E, ESC !, GS !, ESC d, LF,
/// GS V, GS v 0 raster, GS ( k QR model 2) with font A as 12x24 cells, and answers real-time status
/// (DLE EOT 1/2/4) at once. Paper is a length in dots: when it runs out, printing stops mid-slip and
/// the status says paper end. The cover can be opened, the cutter can fail, the printer can be mute.
/// Unknown commands are counted, not silently eaten.
/// </summary>
public sealed class EscPosPrinterModel
{
    public const int Width = 384;
    public const int LineHeight = 30;

    private readonly VirtualSerialPort _port;
    private readonly List<byte> _in = new();
    private readonly List<bool[]> _rows = new();
    private readonly List<(char Ch, bool Bold, int Wide, int High)> _line = new();
    private int _justify;
    private bool _bold;
    private int _wide = 1;
    private int _high = 1;
    private int _qrModule = 3;
    private string? _qrData;

    public EscPosPrinterModel(VirtualSerialPort port)
    {
        _port = port;
        port.OnWrite = Receive;
    }

    /// <summary>The printer's end of its UART (the driver writes to it).</summary>
    public VirtualSerialPort Port => _port;

    /// <summary>Paper left on the roll, in dot rows (8 per mm).</summary>
    public long PaperDots { get; set; } = 8 * 1000 * 30;

    public bool CoverOpen { get; set; }

    public bool CutterError { get; set; }

    public bool Mute { get; set; }

    public bool PaperOut => PaperDots <= 0;

    public List<MonoImage> Pages { get; } = new();

    public List<string> TextLines { get; } = new();

    public List<string> QrPayloads { get; } = new();

    public int RasterBands { get; private set; }

    public int Cuts { get; private set; }

    public long BytesReceived { get; private set; }

    public List<string> UnknownCommands { get; } = new();

    /// <summary>Rows printed since the last cut (the slip coming out now).</summary>
    public MonoImage CurrentPage() => ToImage(_rows);

    private void Receive(byte[] bytes)
    {
        BytesReceived += bytes.Length;
        _in.AddRange(bytes);
        while (_in.Count > 0)
        {
            int used = Interpret();
            if (used == 0)
            {
                break;
            }

            _in.RemoveRange(0, used);
        }
    }

    /// <summary>Interprets one command or character at the head of the input; 0 when it needs more bytes.</summary>
    private int Interpret()
    {
        byte b = _in[0];
        if (b == 0x10)
        {
            if (_in.Count < 3)
            {
                return 0;
            }

            if (_in[1] == 0x04)
            {
                Status(_in[2]);
                return 3;
            }

            UnknownCommands.Add($"DLE {_in[1]:X2}");
            return 1;
        }

        if (b == 0x1B)
        {
            return Esc();
        }

        if (b == 0x1D)
        {
            return Gs();
        }

        if (b == 0x0A)
        {
            PrintLine();
            return 1;
        }

        if (b >= 0x20 && b <= 0x7E)
        {
            _line.Add(((char)b, _bold, _wide, _high));
            return 1;
        }

        return 1;
    }

    private int Esc()
    {
        if (_in.Count < 2)
        {
            return 0;
        }

        switch (_in[1])
        {
            case 0x40:
                _justify = 0;
                _bold = false;
                _wide = _high = 1;
                _line.Clear();
                return 2;
            case 0x61 when _in.Count >= 3:
                _justify = _in[2] % 48 % 3;
                return 3;
            case 0x45 when _in.Count >= 3:
                _bold = (_in[2] & 1) != 0;
                return 3;
            case 0x21 when _in.Count >= 3:
                _bold = (_in[2] & 0x08) != 0;
                _high = (_in[2] & 0x10) != 0 ? 2 : 1;
                _wide = (_in[2] & 0x20) != 0 ? 2 : 1;
                return 3;
            case 0x64 when _in.Count >= 3:
                PrintLine();
                Feed((_in[2] - 1) * LineHeight);
                return 3;
            case 0x61:
            case 0x45:
            case 0x21:
            case 0x64:
                return 0;
            default:
                UnknownCommands.Add($"ESC {_in[1]:X2}");
                return 2;
        }
    }

    private int Gs()
    {
        if (_in.Count < 2)
        {
            return 0;
        }

        switch (_in[1])
        {
            case 0x21:
                if (_in.Count < 3)
                {
                    return 0;
                }

                _wide = ((_in[2] >> 4) & 0x07) + 1;
                _high = (_in[2] & 0x07) + 1;
                return 3;
            case 0x56:
                if (_in.Count < 3)
                {
                    return 0;
                }

                int m = _in[2];
                int length = m == 65 || m == 66 ? 4 : 3;
                if (_in.Count < length)
                {
                    return 0;
                }

                Cut();
                return length;
            case 0x76:
                return Raster();
            case 0x28:
                return Symbol();
            default:
                UnknownCommands.Add($"GS {_in[1]:X2}");
                return 2;
        }
    }

    private int Raster()
    {
        if (_in.Count < 8)
        {
            return 0;
        }

        int bytesPerRow = _in[4] | (_in[5] << 8);
        int rows = _in[6] | (_in[7] << 8);
        int total = 8 + bytesPerRow * rows;
        if (_in.Count < total)
        {
            return 0;
        }

        RasterBands++;
        for (int y = 0; y < rows; y++)
        {
            var row = new bool[Width];
            for (int x = 0; x < bytesPerRow * 8 && x < Width; x++)
            {
                row[x] = (_in[8 + y * bytesPerRow + x / 8] & (0x80 >> (x % 8))) != 0;
            }

            AddRow(row);
        }

        return total;
    }

    private int Symbol()
    {
        if (_in.Count < 5)
        {
            return 0;
        }

        int p = _in[3] | (_in[4] << 8);
        if (_in.Count < 5 + p)
        {
            return 0;
        }

        if (p >= 2 && _in[5] == 49)
        {
            int fn = _in[6];
            if (fn == 67 && p >= 3)
            {
                _qrModule = Math.Clamp((int)_in[7], 1, 16);
            }
            else if (fn == 80 && p >= 3)
            {
                _qrData = System.Text.Encoding.ASCII.GetString(_in.GetRange(8, p - 3).ToArray());
            }
            else if (fn == 81 && _qrData != null)
            {
                PrintQr(_qrData);
            }
        }

        return 5 + p;
    }

    private void PrintQr(string data)
    {
        QrPayloads.Add(data);
        using var generator = new QRCodeGenerator();
        using QRCodeData code = generator.CreateQrCode(data, QRCodeGenerator.ECCLevel.M);
        var matrix = code.ModuleMatrix;
        int size = matrix.Count * _qrModule;
        int left = _justify == 1 ? (Width - size) / 2 : _justify == 2 ? Width - size : 0;
        for (int y = 0; y < size; y++)
        {
            var row = new bool[Width];
            for (int x = 0; x < size && left + x < Width; x++)
            {
                row[Math.Max(0, left + x)] = matrix[y / _qrModule][x / _qrModule];
            }

            AddRow(row);
        }
    }

    private void PrintLine()
    {
        if (_line.Count == 0)
        {
            Feed(LineHeight);
            return;
        }

        TextLines.Add(new string(_line.Select(c => c.Ch).ToArray()));
        int high = _line.Max(c => c.High);
        int width = _line.Sum(c => 12 * c.Wide);
        int left = _justify == 1 ? Math.Max(0, (Width - width) / 2) : _justify == 2 ? Math.Max(0, Width - width) : 0;
        int rows = 24 * high;
        var band = new bool[rows, Width];
        int x0 = left;
        foreach (var (ch, bold, wide, tall) in _line)
        {
            GlyphTable.TryFind(ch, out int offset, out int glyphWidth);
            for (int y = 0; y < 24 * tall; y++)
            {
                for (int x = 0; x < 12 * wide; x++)
                {
                    // Font A cell 12x24 from the 8x16 glyph, nearest neighbour.
                    int gx = x / wide * 8 / 12;
                    int gy = y / tall * 16 / 24;
                    bool on = offset >= 0 && (GlyphTable.Bitmaps[offset + gy] & (0x80 >> gx)) != 0;
                    if (on && x0 + x < Width)
                    {
                        band[rows - 24 * tall + y, x0 + x] = true;
                        if (bold && x0 + x + 1 < Width)
                        {
                            band[rows - 24 * tall + y, x0 + x + 1] = true;
                        }
                    }
                }
            }

            x0 += 12 * wide;
        }

        for (int y = 0; y < rows; y++)
        {
            var row = new bool[Width];
            for (int x = 0; x < Width; x++)
            {
                row[x] = band[y, x];
            }

            AddRow(row);
        }

        Feed(LineHeight - 24);
        _line.Clear();
    }

    private void Feed(int dots)
    {
        for (int i = 0; i < dots; i++)
        {
            AddRow(new bool[Width]);
        }
    }

    private void AddRow(bool[] row)
    {
        // Nothing prints with the cover open or the roll empty: the head has no paper under it.
        if (CoverOpen || PaperDots <= 0)
        {
            return;
        }

        PaperDots--;
        _rows.Add(row);
    }

    private void Cut()
    {
        if (_line.Count > 0)
        {
            PrintLine();
        }

        if (CutterError || CoverOpen || PaperDots <= 0)
        {
            return;
        }

        Cuts++;
        Pages.Add(ToImage(_rows));
        _rows.Clear();
    }

    private void Status(byte n)
    {
        if (Mute)
        {
            return;
        }

        bool offline = CoverOpen || PaperOut || CutterError;
        byte status = 0x12;
        switch (n)
        {
            case 1:
                status |= offline ? (byte)0x08 : (byte)0;
                break;
            case 2:
                status |= (byte)((CoverOpen ? 0x04 : 0) | (PaperOut ? 0x20 : 0) | (CutterError ? 0x40 : 0));
                break;
            case 3:
                status |= CutterError ? (byte)0x08 : (byte)0;
                break;
            case 4:
                status |= (byte)((PaperDots < 8 * 200 ? 0x0C : 0) | (PaperOut ? 0x60 : 0));
                break;
        }

        _port.Send(new[] { status });
    }

    private static MonoImage ToImage(List<bool[]> rows)
    {
        var image = new MonoImage(Width, rows.Count);
        for (int y = 0; y < rows.Count; y++)
        {
            for (int x = 0; x < Width; x++)
            {
                image[x, y] = rows[y][x];
            }
        }

        return image;
    }
}
