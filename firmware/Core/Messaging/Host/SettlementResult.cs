namespace PosFirmware.Messaging.Host
{
    /// <summary>The host's verdict on the terminal's totals.</summary>
    public enum SettlementResult
    {
        /// <summary>Not a settlement answer, or one the terminal could not read.</summary>
        Unknown = 0,
        /// <summary>The totals agree: the batch can close.</summary>
        Balanced = 1,
        /// <summary>The totals differ: upload the batch, then end it.</summary>
        Unbalanced = 2,
        /// <summary>The host reports an error; settle again later.</summary>
        Error = 3,
    }
}
