using PosFirmware.Devices;

namespace PosFirmware.Drivers.Display
{
    /// <summary>
    /// Lays a Screen out on the 128x64 panel as four 16-pixel rows:
    ///   row 0  the title (line 1), light on dark, with the status icons at the right when they fit;
    ///   row 1  line 2;
    ///   row 2  line 3 (outcomes: what to do next), or empty, room to breathe before the figure;
    ///   row 3  line 4 at the left (outcomes: the code), and the value (amount, masked PIN, digits,
    ///          seconds) right-aligned, as tills show amounts, when it fits beside line 4: the code
    ///          the merchant quotes to the bank wins over the figure.
    /// Menus use all four rows for their bilingual items. Text is never cut by an icon.
    /// </summary>
    public static class ScreenPainter
    {
        public const int RowHeight = 16;

        public static void Paint(Screen screen, DisplayLanguage language, int status, PageCanvas canvas)
        {
            canvas.Clear();
            if (screen == null)
            {
                return;
            }

            if (screen.Id == ScreenId.Menu && screen.Items != null)
            {
                for (int i = 0; i < screen.Items.Length && i < 4; i++)
                {
                    TextPainter.Draw(canvas, 0, i * RowHeight, screen.Items[i], false, 1);
                }

                return;
            }

            bool english = language == DisplayLanguage.English;
            string title = english ? screen.English1 : screen.Chinese1;
            string line2 = english ? screen.English2 : screen.Chinese2;
            TextPainter.Fill(canvas, 0, 0, canvas.Width, RowHeight, true);
            TextPainter.Draw(canvas, 0, 0, title, true, 1);
            int iconsWidth = StatusIcons.CountOf(status) * StatusIcons.Width;
            if (TextPainter.Measure(title) + iconsWidth + 2 <= canvas.Width)
            {
                StatusIcons.Draw(canvas, canvas.Width, 0, status, true);
            }

            TextPainter.Draw(canvas, 0, RowHeight, line2, false, 1);
            TextPainter.Draw(canvas, 0, 2 * RowHeight, english ? screen.English3 : screen.Chinese3, false, 1);
            string line4 = english ? screen.English4 : screen.Chinese4;
            int valueFrom = TextPainter.Draw(canvas, 0, 3 * RowHeight, line4, false, 1);
            if (line4 != null && line4.Length > 0)
            {
                // One blank glyph between the code and the figure.
                valueFrom += GlyphTable.WidthOf(' ');
            }

            if (screen.Value != null && screen.Value.Length > 0)
            {
                int x = canvas.Width - TextPainter.Measure(screen.Value);
                if (x >= valueFrom || valueFrom == 0)
                {
                    TextPainter.Draw(canvas, x < 0 ? 0 : x, 3 * RowHeight, screen.Value, false, 1);
                }
            }
        }
    }
}
