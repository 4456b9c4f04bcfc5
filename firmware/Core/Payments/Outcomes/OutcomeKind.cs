namespace PosFirmware.Payments.Outcomes
{
    /// <summary>The four kinds of trouble at the counter (PAYMENTS.md section 1), plus success.</summary>
    public enum OutcomeKind
    {
        /// <summary>The transaction went through.</summary>
        Approved = 0,
        /// <summary>Blocked or not approved: the host or the terminal's rules said no. No money moved.</summary>
        Declined = 1,
        /// <summary>Terminated: card pulled, a wait timed out, the operator cancelled. No money moved.</summary>
        Terminated = 2,
        /// <summary>Something broke: printer, reader, Wi-Fi, host link. No money moved unless said.</summary>
        Fault = 3,
        /// <summary>Failed, but the money may have been taken: the terminal reverses it (交易失败 款项将自动退回).</summary>
        Reversing = 4,
        /// <summary>A reversal ran out of retries: the merchant must settle it by hand with the acquirer.</summary>
        ManualHandling = 5,
        /// <summary>The host confirmed a reversal: the money went back (已冲正). Evidence for the cardholder.</summary>
        Reversed = 6,
    }
}
