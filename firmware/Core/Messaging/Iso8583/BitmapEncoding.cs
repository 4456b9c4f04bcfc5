namespace PosFirmware.Messaging.Iso8583
{
    /// <summary>A bitmap on the wire: 8 raw bytes or 16 hex ASCII characters.</summary>
    public enum BitmapEncoding
    {
        Binary = 0,
        HexAscii = 1,
    }
}
