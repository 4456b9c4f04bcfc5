namespace PosFirmware.Payments.Rules
{
    /// <summary>The field 39 a reversal carries (PAYMENTS.md section 4).</summary>
    public static class ReversalReason
    {
        /// <summary>No answer, a late answer, a garbled answer, the link went down after sending.</summary>
        public const string NoResponse = "98";

        /// <summary>The answer's MAC failed.</summary>
        public const string MacFailed = "A0";

        /// <summary>The terminal got the answer but could not complete (the save failed, the card declined after approval).</summary>
        public const string CannotComplete = "96";
    }
}
