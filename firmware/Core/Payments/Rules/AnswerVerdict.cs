namespace PosFirmware.Payments.Rules
{
    /// <summary>What the engine does with a request's answer (or its absence).</summary>
    public enum AnswerVerdict
    {
        /// <summary>Approved: record it, clear the reversal in the same commit.</summary>
        Approved = 0,
        /// <summary>Declined: no money moved; clear the reversal, show the code's outcome.</summary>
        Declined = 1,
        /// <summary>Wrong PIN (55): clear the reversal and ask for the PIN again (up to the try limit).</summary>
        WrongPin = 2,
        /// <summary>Money may have moved: keep the reversal, with the reason to send.</summary>
        Reverse = 3,
        /// <summary>Not the answer to this request (a late answer to an older one): ignore it, keep waiting.</summary>
        Ignore = 4,
    }
}
