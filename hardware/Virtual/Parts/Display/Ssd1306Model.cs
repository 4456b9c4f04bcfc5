using PosFirmware.Hal;
using PosFirmware.Virtual.Imaging;

namespace PosFirmware.Virtual.Parts.Display;

/// <summary>
/// An SSD1306 128x64 behind its I2C address: interprets each write's control byte (Co, D/C#) and the
/// command and data stream (datasheet sections 8.1.5 and 9-10) into its 1 KB display RAM with page,
/// horizontal and vertical addressing, and renders what the panel would show: dark unless the
/// charge pump was enabled before display on, mirrored unless the segment remap and COM scan
/// direction match the common module wiring (A1, C8), inverted by A7, all lit by A5.
/// Unknown commands are recorded, not ignored silently. An unplugged panel does not acknowledge.
/// </summary>
public sealed class Ssd1306Model : IRegisterBus
{
    public const int Width = 128;
    public const int Height = 64;
    public const int Pages = 8;

    private readonly byte[] _ram = new byte[Width * Pages];
    private int _mode = 2;
    private int _column;
    private int _page;
    private int _colStart, _colEnd = Width - 1, _pageStart, _pageEnd = Pages - 1;
    private int[]? _pending;
    private int _pendingCount;

    public Ssd1306Model(int address = 0x3C)
    {
        Address = address;
    }

    public int Address { get; }

    public bool Unplugged { get; set; }

    public bool DisplayOn { get; private set; }

    public bool ChargePumpOn { get; private set; }

    public bool SegmentRemap { get; private set; }

    public bool ComScanRemapped { get; private set; }

    public bool Inverse { get; private set; }

    public bool EntireOn { get; private set; }

    public int Contrast { get; private set; } = 0x7F;

    public int Multiplex { get; private set; } = 63;

    public long BytesReceived { get; private set; }

    public long Transfers { get; private set; }

    public long DataBytes { get; private set; }

    public List<byte> UnknownCommands { get; } = new();

    public ReadOnlySpan<byte> Ram => _ram;

    /// <summary>Power lost and back: RAM holds noise (here: cleared) and every setting is at its reset value.</summary>
    public void PowerCycle()
    {
        Array.Clear(_ram);
        DisplayOn = ChargePumpOn = SegmentRemap = ComScanRemapped = Inverse = EntireOn = false;
        Contrast = 0x7F;
        Multiplex = 63;
        _mode = 2;
        _column = _page = _colStart = _pageStart = 0;
        _colEnd = Width - 1;
        _pageEnd = Pages - 1;
        _pending = null;
    }

    public BusStatus Write(byte[] data, int offset, int count)
    {
        if (Unplugged)
        {
            return BusStatus.AddressNotAcknowledged;
        }

        Transfers++;
        BytesReceived += count;
        int i = offset;
        int end = offset + count;
        while (i < end)
        {
            byte control = data[i++];
            bool continuation = (control & 0x80) != 0;
            bool isData = (control & 0x40) != 0;
            if ((control & 0x3F) != 0)
            {
                UnknownCommands.Add(control);
            }

            if (continuation)
            {
                // Co = 1: one byte, then another control byte.
                if (i < end)
                {
                    Feed(data[i++], isData);
                }

                continue;
            }

            while (i < end)
            {
                Feed(data[i++], isData);
            }
        }

        return BusStatus.Ok;
    }

    public BusStatus Read(byte[] buffer, int offset, int count)
    {
        // The write-only I2C interface (section 8.1.5): reads return the status byte, 0x40 when off.
        if (Unplugged)
        {
            return BusStatus.AddressNotAcknowledged;
        }

        for (int i = 0; i < count; i++)
        {
            buffer[offset + i] = DisplayOn ? (byte)0x00 : (byte)0x40;
        }

        return BusStatus.Ok;
    }

    public BusStatus WriteRead(byte[] writeData, int writeOffset, int writeCount, byte[] readBuffer, int readOffset, int readCount)
    {
        BusStatus s = Write(writeData, writeOffset, writeCount);
        return s == BusStatus.Ok ? Read(readBuffer, readOffset, readCount) : s;
    }

    private void Feed(byte b, bool isData)
    {
        if (isData)
        {
            WriteData(b);
        }
        else
        {
            Command(b);
        }
    }

    private void WriteData(byte b)
    {
        DataBytes++;
        _ram[_page * Width + _column] = b;
        if (_mode == 2)
        {
            // Page addressing: the column pointer wraps within the page (10.1.3).
            _column = (_column + 1) % Width;
            return;
        }

        if (_mode == 0)
        {
            if (++_column > _colEnd)
            {
                _column = _colStart;
                _page = _page >= _pageEnd ? _pageStart : _page + 1;
            }
        }
        else
        {
            if (++_page > _pageEnd)
            {
                _page = _pageStart;
                _column = _column >= _colEnd ? _colStart : _column + 1;
            }
        }
    }

    private static int ParameterCount(int command) => command switch
    {
        0x81 or 0x8D or 0x20 or 0xA8 or 0xD3 or 0xD5 or 0xD9 or 0xDA or 0xDB => 1,
        0x21 or 0x22 or 0xA3 => 2,
        0x29 or 0x2A => 5,
        0x26 or 0x27 => 6,
        _ => 0,
    };

    private void Command(byte b)
    {
        if (_pending != null)
        {
            _pending[_pendingCount++] = b;
            if (_pendingCount == _pending.Length)
            {
                int[] done = _pending;
                _pending = null;
                Apply(done);
            }

            return;
        }

        int parameters = ParameterCount(b);
        var cmd = new int[parameters + 1];
        cmd[0] = b;
        if (parameters == 0)
        {
            Apply(cmd);
        }
        else
        {
            _pending = cmd;
            _pendingCount = 1;
        }
    }

    private void Apply(int[] c)
    {
        int op = c[0];
        switch (op)
        {
            case 0xAE: DisplayOn = false; break;
            case 0xAF: DisplayOn = true; break;
            case 0x81: Contrast = c[1]; break;
            case 0x8D: ChargePumpOn = (c[1] & 0x04) != 0; break;
            case 0x20: _mode = c[1] & 0x03; break;
            case 0x21: _colStart = c[1] & 0x7F; _colEnd = c[2] & 0x7F; _column = _colStart; break;
            case 0x22: _pageStart = c[1] & 0x07; _pageEnd = c[2] & 0x07; _page = _pageStart; break;
            case 0xA0: SegmentRemap = false; break;
            case 0xA1: SegmentRemap = true; break;
            case 0xC0: ComScanRemapped = false; break;
            case 0xC8: ComScanRemapped = true; break;
            case 0xA4: EntireOn = false; break;
            case 0xA5: EntireOn = true; break;
            case 0xA6: Inverse = false; break;
            case 0xA7: Inverse = true; break;
            case 0xA8: Multiplex = c[1] & 0x3F; break;
            case 0x2E: case 0x2F: case 0xE3: case 0xD3: case 0xD5: case 0xD9: case 0xDA: case 0xDB: case 0xA3:
            case 0x26: case 0x27: case 0x29: case 0x2A:
                break;
            default:
                if (op >= 0xB0 && op <= 0xB7)
                {
                    _page = op & 0x07;
                }
                else if (op <= 0x0F)
                {
                    _column = (_column & 0xF0) | op;
                }
                else if (op >= 0x10 && op <= 0x1F)
                {
                    _column = ((op & 0x07) << 4) | (_column & 0x0F);
                }
                else if (op >= 0x40 && op <= 0x7F)
                {
                    // Display start line: our driver keeps 0.
                }
                else
                {
                    UnknownCommands.Add((byte)op);
                }

                break;
        }
    }

    /// <summary>What the panel shows now (lit = true), as a viewer in front of it sees it.</summary>
    public MonoImage Render()
    {
        var image = new MonoImage(Width, Height);
        bool powered = DisplayOn && ChargePumpOn;
        for (int y = 0; y < Height; y++)
        {
            for (int x = 0; x < Width; x++)
            {
                if (!powered)
                {
                    continue;
                }

                // The common 128x64 module shows RAM column 0 at the left and page 0 at the top
                // with A1 and C8; the reset defaults (A0, C0) show it turned half way round.
                int column = SegmentRemap ? x : Width - 1 - x;
                int row = ComScanRemapped ? y : Height - 1 - y;
                bool on = EntireOn || (_ram[(row / 8) * Width + column] & (1 << (row % 8))) != 0;
                image[x, y] = on != Inverse;
            }
        }

        return image;
    }
}
