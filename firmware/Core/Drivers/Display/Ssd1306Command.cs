namespace PosFirmware.Drivers.Display
{
    /// <summary>
    /// SSD1306 command bytes (Solomon Systech SSD1306 datasheet rev 1.1, section 9 "Command Table",
    /// and the charge pump application note). Parameters follow some commands as separate bytes.
    /// </summary>
    public static class Ssd1306Command
    {
        /// <summary>Control byte: the rest of the transfer is commands (Co = 0, D/C# = 0; section 8.1.5.2).</summary>
        public const byte CommandStream = 0x00;

        /// <summary>Control byte: the rest of the transfer is display data (Co = 0, D/C# = 1).</summary>
        public const byte DataStream = 0x40;

        public const byte SetContrast = 0x81;          // + 1 byte, 10.1.7
        public const byte ResumeFromRam = 0xA4;        // 10.1.8
        public const byte NormalDisplay = 0xA6;        // 10.1.9 (A7 = inverse)
        public const byte DisplayOff = 0xAE;           // 10.1.10
        public const byte DisplayOn = 0xAF;
        public const byte DeactivateScroll = 0x2E;     // 10.2.3
        public const byte SetAddressingMode = 0x20;    // + mode, 10.1.3 (2 = page addressing)
        public const byte PageAddressing = 0x02;
        public const byte SetLowerColumn = 0x00;       // | low nibble, 10.1.1 (page mode)
        public const byte SetHigherColumn = 0x10;      // | high nibble, 10.1.2
        public const byte SetPageStart = 0xB0;         // | page 0-7, 10.1.13
        public const byte SetStartLine = 0x40;         // | line 0-63, 10.1.6
        public const byte SegmentRemap = 0xA1;         // column 127 -> SEG0, 10.1.12
        public const byte SetMultiplex = 0xA8;         // + 63 for 64 rows, 10.1.11
        public const byte ComScanRemapped = 0xC8;      // COM[N-1] -> COM0, 10.1.14
        public const byte SetDisplayOffset = 0xD3;     // + 0, 10.1.15
        public const byte SetComPins = 0xDA;           // + 0x12 (alternative, 128x64), 10.1.18
        public const byte SetClock = 0xD5;             // + 0x80 (reset divide/frequency), 10.1.16
        public const byte SetPrecharge = 0xD9;         // + 0xF1 with the internal charge pump, 10.1.17
        public const byte SetVcomDeselect = 0xDB;      // + 0x40, 10.1.19
        public const byte ChargePump = 0x8D;           // + 0x14 enable (charge pump app note, section 2.1)
        public const byte ChargePumpOn = 0x14;
    }
}
