namespace PosFirmware.Drivers.Contactless
{
    /// <summary>
    /// The PN532 commands this terminal uses (UM0701-02 section 7, "Commands supported"); the answer's
    /// code is the command plus one.
    /// </summary>
    public static class Pn532Command
    {
        public const byte GetFirmwareVersion = 0x02;   // 7.2.2: answers IC, Ver, Rev, Support
        public const byte SamConfiguration = 0x14;     // 7.2.10: mode 01 normal, timeout, IRQ
        public const byte RfConfiguration = 0x32;      // 7.3.1: item 05 = MaxRetries
        public const byte InDataExchange = 0x40;       // 7.3.8: Tg + data; answer Status + data
        public const byte InListPassiveTarget = 0x4A;  // 7.3.5: MaxTg, BrTy 00 = 106 kbps type A
        public const byte InRelease = 0x52;            // 7.3.11: Tg

        /// <summary>RFConfiguration item: MxRtyATR, MxRtyPSL, MxRtyPassiveActivation (7.3.1, CfgItem 5).</summary>
        public const byte ConfigMaxRetries = 0x05;

        /// <summary>InListPassiveTarget baud/modulation: 106 kbps ISO/IEC 14443 type A.</summary>
        public const byte TypeA106 = 0x00;

        /// <summary>The status byte's error code bits (UM0701 7.1 table 15).</summary>
        public const byte StatusErrorMask = 0x3F;

        /// <summary>Status 01: the target did not answer in time (card gone or mute).</summary>
        public const byte StatusTimeout = 0x01;
    }
}
