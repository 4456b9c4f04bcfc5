namespace PosFirmware.Payments.Outcomes
{
    /// <summary>
    /// One entry of the outcome catalog: a stable number (printed on slips and logs, never reused),
    /// what kind of trouble it is, the host response code it stands for (or null for a local
    /// outcome), three screen lines (what happened, why, what to do next: the screen's fourth row
    /// gives the code) and a slip line in English and 简体中文, and the next step for the merchant
    /// in full for the slip. Screen lines fit the 128-pixel display: 16 columns, a CJK character
    /// taking two.
    /// </summary>
    public sealed class Outcome
    {
        public Outcome(int code, OutcomeKind kind, string responseCode, string english1, string english2, string english3,
            string chinese1, string chinese2, string chinese3, string englishSlip, string chineseSlip, string englishNext, string chineseNext)
            : this(code, kind, responseCode, english1, english2, chinese1, chinese2, englishSlip, chineseSlip, englishNext, chineseNext)
        {
            English3 = english3;
            Chinese3 = chinese3;
        }

        /// <summary>An entry with two screen lines (the screen's next-step row stays empty): prefer the full form.</summary>
        public Outcome(int code, OutcomeKind kind, string responseCode, string english1, string english2, string chinese1, string chinese2,
            string englishSlip, string chineseSlip, string englishNext, string chineseNext)
        {
            Code = code;
            Kind = kind;
            ResponseCode = responseCode;
            English1 = english1;
            English2 = english2;
            English3 = "";
            Chinese1 = chinese1;
            Chinese2 = chinese2;
            Chinese3 = "";
            EnglishSlip = englishSlip;
            ChineseSlip = chineseSlip;
            EnglishNext = englishNext;
            ChineseNext = chineseNext;
        }

        public int Code { get; private set; }

        public OutcomeKind Kind { get; private set; }

        /// <summary>The host's field 39 this outcome explains, or null for a local outcome.</summary>
        public string ResponseCode { get; private set; }

        public string English1 { get; private set; }

        public string English2 { get; private set; }

        /// <summary>What to do next, for the screen (16 columns; the slip has EnglishNext in full).</summary>
        public string English3 { get; private set; }

        public string Chinese1 { get; private set; }

        public string Chinese2 { get; private set; }

        public string Chinese3 { get; private set; }

        /// <summary>One line for the slip (up to 32 columns).</summary>
        public string EnglishSlip { get; private set; }

        public string ChineseSlip { get; private set; }

        /// <summary>What the merchant does next (screen help and slip footer).</summary>
        public string EnglishNext { get; private set; }

        public string ChineseNext { get; private set; }

        /// <summary>
        /// True when money may have moved: the screen and slip say the transaction failed and the money
        /// will be returned automatically ("reversed" only once the host confirmed it: ReversalConfirmed).
        /// </summary>
        public bool MoneyMayHaveMoved
        {
            get { return Kind == OutcomeKind.Reversing || Kind == OutcomeKind.ManualHandling; }
        }
    }
}
