namespace PosFirmware.Drivers.Display
{
    /// <summary>
    /// The glyphs the terminal has (GlyphData, generated from GNU Unifont by tools/GlyphTable): 8x16
    /// for Latin, 16x16 for CJK, all 16 pixels high. A character without a glyph is drawn as a box of
    /// its expected width, never skipped, so a missing glyph shows on screen and in tests.
    /// </summary>
    public static class GlyphTable
    {
        public const int Height = 16;

        public static int Count
        {
            get { return GlyphData.Codes.Length; }
        }

        /// <summary>Bytes of bitmap data the table holds in RAM.</summary>
        public static int BitmapBytes
        {
            get { return GlyphData.Bitmaps.Length; }
        }

        public static byte[] Bitmaps
        {
            get { return GlyphData.Bitmaps; }
        }

        /// <summary>Finds a glyph by binary search over the sorted code points.</summary>
        public static bool TryFind(char c, out int offset, out int width)
        {
            char[] codes = GlyphData.Codes;
            int lo = 0;
            int hi = codes.Length - 1;
            while (lo <= hi)
            {
                int mid = (lo + hi) / 2;
                if (codes[mid] == c)
                {
                    offset = GlyphData.Offsets[mid];
                    width = GlyphData.Widths[mid];
                    return true;
                }

                if (codes[mid] < c)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            offset = -1;
            width = IsWide(c) ? 16 : 8;
            return false;
        }

        /// <summary>Width in pixels of a character (of its box if there is no glyph).</summary>
        public static int WidthOf(char c)
        {
            int offset;
            int width;
            TryFind(c, out offset, out width);
            return width;
        }

        /// <summary>Whether every character of text has a glyph; missing is the first that has not.</summary>
        public static bool Covers(string text, out char missing)
        {
            missing = '\0';
            if (text == null)
            {
                return true;
            }

            for (int i = 0; i < text.Length; i++)
            {
                int offset;
                int width;
                if (!TryFind(text[i], out offset, out width))
                {
                    missing = text[i];
                    return false;
                }
            }

            return true;
        }

        /// <summary>CJK, fullwidth forms and the like take two columns (as TextColumns counts them).</summary>
        public static bool IsWide(char c)
        {
            return c >= '\u2E80';
        }
    }
}
