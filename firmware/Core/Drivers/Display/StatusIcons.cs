using PosFirmware.Devices;

namespace PosFirmware.Drivers.Display
{
    /// <summary>
    /// The icons of the status flags (App/Ports/StatusFlags) at the right of the title row: 8x16
    /// bitmaps (rows, high bit left). Icons are drawn only where the title leaves room: text is never cut.
    /// </summary>
    public static class StatusIcons
    {
        public const int Width = 8;

        public static readonly byte[] Wifi = { 0x00, 0x00, 0x00, 0x3C, 0x42, 0x99, 0x24, 0x5A, 0x10, 0x24, 0x18, 0x18, 0x00, 0x00, 0x00, 0x00 };
        public static readonly byte[] NoWifi = { 0x00, 0x00, 0x00, 0xBD, 0x42, 0xBB, 0x34, 0x5A, 0x38, 0x64, 0x99, 0x18, 0x00, 0x00, 0x00, 0x00 };
        public static readonly byte[] Host = { 0x00, 0x00, 0x00, 0x78, 0x48, 0x48, 0x4F, 0x79, 0x11, 0x11, 0x1F, 0x00, 0x00, 0x00, 0x00, 0x00 };
        public static readonly byte[] Reversal = { 0x00, 0x00, 0x00, 0x38, 0x44, 0x82, 0x80, 0x8E, 0x86, 0x4A, 0x30, 0x00, 0x00, 0x00, 0x00, 0x00 };
        public static readonly byte[] Advice = { 0x00, 0x00, 0x00, 0x00, 0xFF, 0xC3, 0xA5, 0x99, 0x81, 0x81, 0xFF, 0x00, 0x00, 0x00, 0x00, 0x00 };

        /// <summary>How many icons the flags light (Wi-Fi always has one: up or down).</summary>
        public static int CountOf(int flags)
        {
            int n = 1;
            if ((flags & StatusFlags.HostLink) != 0)
            {
                n++;
            }

            if ((flags & StatusFlags.ReversalPending) != 0)
            {
                n++;
            }

            if ((flags & StatusFlags.AdvicesPending) != 0)
            {
                n++;
            }

            return n;
        }

        /// <summary>Draws the icons right-aligned ending at xEnd, in the given band; returns their left edge.</summary>
        public static int Draw(IPixelCanvas canvas, int xEnd, int y, int flags, bool inverse)
        {
            int x = xEnd;
            x = DrawOne(canvas, x, y, (flags & StatusFlags.WifiUp) != 0 ? Wifi : NoWifi, inverse);
            if ((flags & StatusFlags.HostLink) != 0)
            {
                x = DrawOne(canvas, x, y, Host, inverse);
            }

            if ((flags & StatusFlags.ReversalPending) != 0)
            {
                x = DrawOne(canvas, x, y, Reversal, inverse);
            }

            if ((flags & StatusFlags.AdvicesPending) != 0)
            {
                x = DrawOne(canvas, x, y, Advice, inverse);
            }

            return x;
        }

        private static int DrawOne(IPixelCanvas canvas, int xEnd, int y, byte[] icon, bool inverse)
        {
            int x = xEnd - Width;
            TextPainter.DrawBits(canvas, x, y, icon, 0, Width, 16, inverse, 1);
            return x;
        }
    }
}
