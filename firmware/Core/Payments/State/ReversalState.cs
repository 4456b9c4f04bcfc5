namespace PosFirmware.Payments.State
{
    /// <summary>Where the last transaction's reversal stands, for the "last transaction" screen.</summary>
    public enum ReversalState
    {
        None = 0,
        Pending = 1,
        Done = 2,
        ManualHandling = 3,
    }
}
