namespace PosFirmware.Messaging.Host
{
    /// <summary>The field 39 response codes the terminal acts on by name (PAYMENTS.md section 3).</summary>
    public static class ResponseCodes
    {
        /// <summary>Approved (also: a settlement whose totals balance).</summary>
        public const string Approved = "00";

        /// <summary>Wrong PIN: the cardholder may try again.</summary>
        public const string WrongPin = "55";

        /// <summary>Sign-on needed (the host wants new working keys).</summary>
        public const string SignOnNeeded = "77";

        /// <summary>Duplicate transaction: the host has this STAN already (an advice resent: delivered).</summary>
        public const string Duplicate = "94";

        /// <summary>Settlement: the totals do not balance (upload, then end the batch).</summary>
        public const string NotBalanced = "95";

        /// <summary>PIN format error (new keys needed).</summary>
        public const string PinFormatError = "99";

        /// <summary>MAC error at the host (new keys needed).</summary>
        public const string HostMacError = "A0";

        /// <summary>The codes by which the host asks for a new sign-on.</summary>
        public static bool AsksForSignOn(string code)
        {
            return code == SignOnNeeded || code == PinFormatError || code == HostMacError;
        }
    }
}
