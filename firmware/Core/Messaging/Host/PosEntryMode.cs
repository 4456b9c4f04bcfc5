namespace PosFirmware.Messaging.Host
{
    /// <summary>How the card was read: the first two digits of field 22 (PAYMENTS.md section 3).</summary>
    public enum PosEntryMode
    {
        Manual = 1,
        Swipe = 2,
        Chip = 5,
        Contactless = 7,
    }
}
