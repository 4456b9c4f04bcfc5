namespace PosFirmware.Drivers.Display
{
    /// <summary>
    /// Draws text and small bitmaps into any canvas, optionally at a whole-number scale (the printer
    /// prints the 16-pixel glyphs at 24 or 32 dots). Nothing is allocated per character.
    /// </summary>
    public static class TextPainter
    {
        /// <summary>Width in pixels of text at scale 1.</summary>
        public static int Measure(string text)
        {
            int width = 0;
            if (text == null)
            {
                return 0;
            }

            for (int i = 0; i < text.Length; i++)
            {
                width += GlyphTable.WidthOf(text[i]);
            }

            return width;
        }

        /// <summary>Draws text with its top-left at (x, y); inverse draws light text on a dark band. Returns the x after it.</summary>
        public static int Draw(IPixelCanvas canvas, int x, int y, string text, bool inverse, int scale)
        {
            if (text == null)
            {
                return x;
            }

            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                int offset;
                int width;
                if (GlyphTable.TryFind(c, out offset, out width))
                {
                    DrawBits(canvas, x, y, GlyphTable.Bitmaps, offset, width, GlyphTable.Height, inverse, scale);
                }
                else
                {
                    DrawBox(canvas, x, y, width, inverse, scale);
                }

                x += width * scale;
            }

            return x;
        }

        /// <summary>Draws a 1-bit bitmap (rows, leftmost pixel in the high bit, width/8 rounded up bytes per row).</summary>
        public static void DrawBits(IPixelCanvas canvas, int x, int y, byte[] bits, int offset, int width, int height, bool inverse, int scale)
        {
            int bytesPerRow = (width + 7) / 8;
            for (int row = 0; row < height; row++)
            {
                for (int col = 0; col < width; col++)
                {
                    bool on = (bits[offset + row * bytesPerRow + col / 8] & (0x80 >> (col % 8))) != 0;
                    SetScaled(canvas, x + col * scale, y + row * scale, on != inverse, scale);
                }
            }
        }

        public static void Fill(IPixelCanvas canvas, int x, int y, int width, int height, bool on)
        {
            for (int row = y; row < y + height; row++)
            {
                for (int col = x; col < x + width; col++)
                {
                    canvas.Set(col, row, on);
                }
            }
        }

        private static void DrawBox(IPixelCanvas canvas, int x, int y, int width, bool inverse, int scale)
        {
            for (int row = 0; row < GlyphTable.Height; row++)
            {
                for (int col = 0; col < width; col++)
                {
                    bool edge = (row == 2 || row == GlyphTable.Height - 3) && col >= 1 && col <= width - 2;
                    edge |= (col == 1 || col == width - 2) && row >= 2 && row <= GlyphTable.Height - 3;
                    SetScaled(canvas, x + col * scale, y + row * scale, edge != inverse, scale);
                }
            }
        }

        private static void SetScaled(IPixelCanvas canvas, int x, int y, bool on, int scale)
        {
            for (int dy = 0; dy < scale; dy++)
            {
                for (int dx = 0; dx < scale; dx++)
                {
                    canvas.Set(x + dx, y + dy, on);
                }
            }
        }
    }
}
