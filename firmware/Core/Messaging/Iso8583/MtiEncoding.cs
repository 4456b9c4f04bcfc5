namespace PosFirmware.Messaging.Iso8583
{
    /// <summary>The MTI on the wire: 2 BCD bytes or 4 ASCII digits.</summary>
    public enum MtiEncoding
    {
        Bcd = 0,
        Ascii = 1,
    }
}
