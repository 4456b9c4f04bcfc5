namespace PosFirmware.App.Engine
{
    /// <summary>The kinds of request/answer exchange the link carries out, in the order of PAYMENTS.md section 4.</summary>
    public enum Exchange
    {
        None = 0,
        SignOn = 1,
        Reversal = 2,
        /// <summary>The flow's own message (financial request, sign-off, echo, settlement).</summary>
        Goal = 3,
        Advice = 4,
        BatchUpload = 5,
        BatchEnd = 6,
        /// <summary>The resend of a refund whose answer never came (before anything new, after the reversal).</summary>
        Refund = 7,
    }
}
