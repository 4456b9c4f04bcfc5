namespace PosFirmware.Messaging.Iso8583
{
    /// <summary>Fixed length, or a 2- or 3-digit length prefix.</summary>
    public enum LengthKind
    {
        Fixed = 0,
        LLVar = 2,
        LLLVar = 3,
    }
}
