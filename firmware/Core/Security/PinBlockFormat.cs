namespace PosFirmware.Security
{
    /// <summary>ISO 9564-1 PIN block formats the terminal can build.</summary>
    public enum PinBlockFormat
    {
        /// <summary>Format 0 (ANSI X9.8): PIN field XOR the 12 rightmost PAN digits before the check digit.</summary>
        Iso0 = 0,

        /// <summary>Format 1: PIN field with random fill, no PAN (transaction number fill).</summary>
        Iso1 = 1,

        /// <summary>Format 3: like format 0 but the fill is random A-F nibbles.</summary>
        Iso3 = 3,
    }
}
