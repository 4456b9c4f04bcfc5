namespace PosFirmware.Common
{
    /// <summary>
    /// How wide a text is on the display and the printer: Latin characters take one column (8x16 /
    /// 12x24 glyphs), CJK and every other non-ASCII character two (16x16 / 24x24 glyphs).
    /// </summary>
    public static class TextColumns
    {
        /// <summary>Columns of one 128-pixel display line (8-pixel Latin glyphs).</summary>
        public const int DisplayLine = 16;

        /// <summary>Columns of one 58 mm receipt line (12-pixel Latin glyphs on 384 dots).</summary>
        public const int SlipLine = 32;

        public static int Of(string text)
        {
            if (text == null)
            {
                return 0;
            }

            int columns = 0;
            for (int i = 0; i < text.Length; i++)
            {
                // Control characters (slip markup) take no column; wide (CJK) characters take two.
                char c = text[i];
                columns += c < 0x20 ? 0 : c < 0x80 ? 1 : 2;
            }

            return columns;
        }

        /// <summary>The longest start of text that fits in columns (text itself when it fits; "" for null).</summary>
        public static string Cut(string text, int columns)
        {
            if (text == null)
            {
                return "";
            }

            int used = 0;
            for (int i = 0; i < text.Length; i++)
            {
                used += text[i] < 0x80 ? 1 : 2;
                if (used > columns)
                {
                    return text.Substring(0, i);
                }
            }

            return text;
        }
    }
}
