namespace PosFirmware.Drivers.Contactless
{
    /// <summary>
    /// The terminal's side of a contactless read: which applications it accepts and the values it
    /// gives the card (PDOL) and the host (field 55). Defaults follow PAYMENTS.md section 9 (a
    /// UnionPay QuickPass terminal in China); a profile may change them.
    /// </summary>
    public sealed class ContactlessSettings
    {
        public ContactlessSettings()
        {
            AcceptedAids = new byte[][] { new byte[] { 0xA0, 0x00, 0x00, 0x03, 0x33 } };
            TerminalTransactionQualifiers = new byte[] { 0xA6, 0x00, 0x00, 0x00 };
            TerminalCountry = new byte[] { 0x01, 0x56 };
            TransactionCurrency = new byte[] { 0x01, 0x56 };
            TerminalCapabilities = new byte[] { 0xE0, 0xE1, 0xC8 };
            CvmResults = new byte[] { 0x1E, 0x03, 0x00 };
            TerminalType = 0x22;
            InterfaceDeviceSerial = new byte[] { (byte)'0', (byte)'0', (byte)'0', (byte)'0', (byte)'0', (byte)'0', (byte)'0', (byte)'1' };
            ApplicationVersion = new byte[] { 0x00, 0x30 };
            UtcOffsetMinutes = 8 * 60;
        }

        /// <summary>
        /// Minutes east of UTC of the terminal's local time, for 9A and 9F21 (Common/LocalClock):
        /// the host profile's UtcOffsetMinutes (China standard time, +480, by default).
        /// </summary>
        public int UtcOffsetMinutes { get; set; }

        /// <summary>AID prefixes accepted (a RID accepts every AID under it). Default: UnionPay A000000333.</summary>
        public byte[][] AcceptedAids { get; set; }

        /// <summary>9F66.</summary>
        public byte[] TerminalTransactionQualifiers { get; set; }

        /// <summary>9F1A (n3 as two bytes BCD).</summary>
        public byte[] TerminalCountry { get; set; }

        /// <summary>5F2A.</summary>
        public byte[] TransactionCurrency { get; set; }

        /// <summary>9F33.</summary>
        public byte[] TerminalCapabilities { get; set; }

        /// <summary>9F34.</summary>
        public byte[] CvmResults { get; set; }

        /// <summary>9F35.</summary>
        public byte TerminalType { get; set; }

        /// <summary>9F1E (an8).</summary>
        public byte[] InterfaceDeviceSerial { get; set; }

        /// <summary>9F09.</summary>
        public byte[] ApplicationVersion { get; set; }
    }
}
