namespace PosFirmware.Messaging.Iso8583
{
    /// <summary>How an LLVAR/LLLVAR length prefix is written: BCD (1 or 2 bytes) or ASCII digits (2 or 3 bytes).</summary>
    public enum PrefixEncoding
    {
        Bcd = 0,
        Ascii = 1,
    }
}
