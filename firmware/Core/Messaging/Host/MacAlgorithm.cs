namespace PosFirmware.Messaging.Host
{
    /// <summary>The MAC a host profile puts in field 64 (PAYMENTS.md section 7).</summary>
    public enum MacAlgorithm
    {
        /// <summary>No MAC.</summary>
        None = 0,
        /// <summary>The UnionPay POS MAC (XOR blocks, two DES steps, 8 hex characters).</summary>
        UnionPayPos = 1,
        /// <summary>ANSI X9.9 single-DES CBC-MAC, zero padding.</summary>
        AnsiX99 = 2,
    }
}
