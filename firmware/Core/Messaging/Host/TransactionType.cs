namespace PosFirmware.Messaging.Host
{
    /// <summary>The card transactions the terminal sends (PAYMENTS.md section 2). Values index HostProfile tables.</summary>
    public enum TransactionType
    {
        Balance = 0,
        Sale = 1,
        Void = 2,
        Refund = 3,
        PreAuth = 4,
        PreAuthVoid = 5,
        Completion = 6,
        CompletionVoid = 7,
    }
}
