namespace PosFirmware.App.Slips
{
    /// <summary>Which copy of a slip: the merchant keeps one, the cardholder gets the other.</summary>
    public enum SlipCopy
    {
        Merchant = 0,
        Cardholder = 1,
    }
}
