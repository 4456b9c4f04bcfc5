namespace PosFirmware.Messaging.Iso8583
{
    /// <summary>
    /// Where an odd count of BCD digits puts its pad nibble: Right-aligned digits pad first (jPOS
    /// pad=false), Left-aligned digits pad last ("right-pad 0": UnionPay fields 2, 22, 60). Only BCD
    /// fields read it.
    /// </summary>
    public enum BcdAlign
    {
        Right = 0,
        Left = 1,
    }
}
