namespace PosFirmware.Drivers.Printer
{
    /// <summary>
    /// The ESC/POS commands this driver sends (Epson ESC/POS Application Programming Guide; the same
    /// set every 58 mm thermal printer module speaks). Page references are to the command reference.
    /// </summary>
    public static class EscPos
    {
        public const byte Esc = 0x1B;
        public const byte Gs = 0x1D;
        public const byte Dle = 0x10;
        public const byte Eot = 0x04;
        public const byte LineFeed = 0x0A;

        /// <summary>ESC @: initialize (clears the buffer and the modes).</summary>
        public static readonly byte[] Initialize = { Esc, 0x40 };

        /// <summary>ESC a n: justification 0 left, 1 centre, 2 right.</summary>
        public const byte Justify = 0x61;

        /// <summary>ESC E n: emphasized (bold) on/off.</summary>
        public const byte Bold = 0x45;

        /// <summary>GS ! n: character size, width (high nibble) and height (low nibble) multipliers - 1.</summary>
        public const byte CharacterSize = 0x21;

        /// <summary>ESC d n: print and feed n lines.</summary>
        public const byte FeedLines = 0x64;

        /// <summary>GS V 66 n: feed n dots then partial cut.</summary>
        public static readonly byte[] FeedAndCut = { Gs, 0x56, 0x42, 0x00 };

        /// <summary>GS v 0: print a raster bit image (m, xL xH bytes per row, yL yH rows, data).</summary>
        public const byte RasterImage = 0x76;

        /// <summary>GS ( k: 2D symbol functions (QR code: cn = 49).</summary>
        public const byte Symbol = 0x28;

        /// <summary>DLE EOT n: real-time status (answered at once, even while printing).</summary>
        public const byte StatusPrinter = 1;
        public const byte StatusOffline = 2;
        public const byte StatusError = 3;
        public const byte StatusPaper = 4;

        /// <summary>Every status byte has bit 1 and bit 4 set, bits 0 and 7 clear.</summary>
        public const byte StatusFixedMask = 0x93;
        public const byte StatusFixedBits = 0x12;

        /// <summary>DLE EOT 1: bit 3 offline.</summary>
        public const byte PrinterOffline = 0x08;

        /// <summary>DLE EOT 2: bit 2 cover open, bit 5 stopped by paper end, bit 6 error.</summary>
        public const byte OfflineCoverOpen = 0x04;
        public const byte OfflinePaperEnd = 0x20;
        public const byte OfflineError = 0x40;

        /// <summary>DLE EOT 4: bits 2-3 paper near end, bits 5-6 paper end.</summary>
        public const byte PaperNearEnd = 0x0C;
        public const byte PaperEnd = 0x60;

        /// <summary>Dots across a 58 mm printer's 48 mm print width at 8 dots/mm.</summary>
        public const int DotsPerLine = 384;

        /// <summary>Columns of font A (12 x 24) across the line.</summary>
        public const int FontAColumns = 32;
    }
}
