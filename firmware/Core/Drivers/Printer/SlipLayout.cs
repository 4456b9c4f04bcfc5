using PosFirmware.Devices;
using PosFirmware.Drivers.Display;

namespace PosFirmware.Drivers.Printer
{
    /// <summary>
    /// Turns one slip line into ESC/POS bytes. Printable ASCII goes as text in the printer's own font A
    /// (32 columns); anything else (Chinese) goes as a raster image drawn with the display's glyphs, so the
    /// terminal needs no printer with a GB18030 font. Title lines are centred and as large as fits, emphasis
    /// lines double size where they fit, QR lines become a QR code of their payload (GS ( k, model 2, ECC M).
    /// Writes into the caller's buffer; returns the bytes written, never more than MaxLineBytes.
    /// </summary>
    public sealed class SlipLayout
    {
        /// <summary>Blank dot rows under each raster line, as the printer's own line spacing leaves under text.</summary>
        public const int RasterGapDots = 6;

        /// <summary>A raster band: 16-dot glyphs at up to double size, and the gap.</summary>
        public const int MaxRasterRows = 32 + RasterGapDots;

        public const int QrModuleDots = 5;

        public const int MaxQrPayload = 120;

        public static readonly int MaxLineBytes = 8 + (EscPos.DotsPerLine / 8) * MaxRasterRows + 16;

        private readonly RowCanvas _band = new RowCanvas(EscPos.DotsPerLine, MaxRasterRows);

        /// <summary>Lays out line into output[0 ..]; returns the length.</summary>
        public int Render(string line, byte[] output)
        {
            char style = SlipMarkup.StyleOf(line);
            string text = SlipMarkup.Plain(line);
            if (text == null)
            {
                text = "";
            }

            if (style == SlipMarkup.Qr)
            {
                return Qr(text, output);
            }

            bool big = style == SlipMarkup.Title || style == SlipMarkup.Emphasis;
            if (IsAscii(text))
            {
                return Text(text, style, big && text.Length * 2 <= EscPos.FontAColumns, output);
            }

            int width = TextPainter.Measure(text);
            int scale = big && width * 2 <= EscPos.DotsPerLine ? 2 : 1;
            return Raster(text, style == SlipMarkup.Title, scale, output);
        }

        public static bool IsAscii(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] < 0x20 || text[i] > 0x7E)
                {
                    return false;
                }
            }

            return true;
        }

        private static int Text(string text, char style, bool doubleSize, byte[] o)
        {
            int n = 0;
            o[n++] = EscPos.Esc;
            o[n++] = EscPos.Justify;
            o[n++] = (byte)(style == SlipMarkup.Title ? 1 : 0);
            o[n++] = EscPos.Esc;
            o[n++] = EscPos.Bold;
            o[n++] = (byte)(style == '\0' ? 0 : 1);
            o[n++] = EscPos.Gs;
            o[n++] = EscPos.CharacterSize;
            o[n++] = (byte)(doubleSize ? 0x11 : 0x00);
            int max = doubleSize ? EscPos.FontAColumns / 2 : EscPos.FontAColumns;
            for (int i = 0; i < text.Length && i < max; i++)
            {
                o[n++] = (byte)text[i];
            }

            o[n++] = EscPos.LineFeed;
            return n;
        }

        private int Raster(string text, bool centre, int scale, byte[] o)
        {
            int rows = 16 * scale + RasterGapDots;
            _band.Clear();
            int width = TextPainter.Measure(text) * scale;
            int x = centre && width < EscPos.DotsPerLine ? (EscPos.DotsPerLine - width) / 2 : 0;
            TextPainter.Draw(_band, x, 0, text, false, scale);
            int bytesPerRow = _band.BytesPerRow;
            int n = 0;
            o[n++] = EscPos.Gs;
            o[n++] = EscPos.RasterImage;
            o[n++] = 0x30;
            o[n++] = 0x00;
            o[n++] = (byte)bytesPerRow;
            o[n++] = (byte)(bytesPerRow >> 8);
            o[n++] = (byte)rows;
            o[n++] = (byte)(rows >> 8);
            System.Array.Copy(_band.Bytes, 0, o, n, bytesPerRow * rows);
            return n + bytesPerRow * rows;
        }

        private static int Qr(string payload, byte[] o)
        {
            int length = payload.Length < MaxQrPayload ? payload.Length : MaxQrPayload;
            int n = 0;
            o[n++] = EscPos.Esc;
            o[n++] = EscPos.Justify;
            o[n++] = 1;
            n = Function(o, n, 0x41, 0x32, 0x00);           // fn 165: model 2
            n = Function(o, n, 0x43, QrModuleDots);          // fn 167: module size in dots
            n = Function(o, n, 0x45, 0x31);                  // fn 169: error correction M
            int store = length + 3;
            o[n++] = EscPos.Gs;
            o[n++] = EscPos.Symbol;
            o[n++] = 0x6B;
            o[n++] = (byte)store;
            o[n++] = (byte)(store >> 8);
            o[n++] = 0x31;
            o[n++] = 0x50;                                   // fn 180: store the data
            o[n++] = 0x30;
            for (int i = 0; i < length; i++)
            {
                char c = payload[i];
                o[n++] = c >= 0x20 && c <= 0x7E ? (byte)c : (byte)'?';
            }

            n = Function(o, n, 0x51, 0x30);                  // fn 181: print the symbol
            o[n++] = EscPos.Esc;
            o[n++] = EscPos.Justify;
            o[n++] = 0;
            return n;
        }

        /// <summary>GS ( k pL pH 49 fn parameters (QR code functions).</summary>
        private static int Function(byte[] o, int n, byte fn, byte p1)
        {
            o[n++] = EscPos.Gs;
            o[n++] = EscPos.Symbol;
            o[n++] = 0x6B;
            o[n++] = 3;
            o[n++] = 0;
            o[n++] = 0x31;
            o[n++] = fn;
            o[n++] = p1;
            return n;
        }

        private static int Function(byte[] o, int n, byte fn, byte p1, byte p2)
        {
            o[n++] = EscPos.Gs;
            o[n++] = EscPos.Symbol;
            o[n++] = 0x6B;
            o[n++] = 4;
            o[n++] = 0;
            o[n++] = 0x31;
            o[n++] = fn;
            o[n++] = p1;
            o[n++] = p2;
            return n;
        }
    }
}
