namespace PosFirmware.Messaging.Host
{
    /// <summary>The two ways of settling a batch (PAYMENTS.md section 5).</summary>
    public enum SettlementStyle
    {
        /// <summary>0500 with 60.3 = 201 and field 48 totals; the answer's field 48 says balanced; batch end is 0320 with 60.3 = 207.</summary>
        UnionPay = 0,
        /// <summary>0500 with totals in field 63; answer 95 means upload (0320) then settle again with the after-upload code.</summary>
        International = 1,
    }
}
