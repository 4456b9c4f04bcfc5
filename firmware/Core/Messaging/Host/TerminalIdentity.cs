namespace PosFirmware.Messaging.Host
{
    /// <summary>Who the terminal is to its acquirer: terminal id (field 41), merchant id (42), operator (UnionPay 63).</summary>
    public sealed class TerminalIdentity
    {
        public TerminalIdentity(string terminalId, string merchantId, string operatorId)
        {
            TerminalId = terminalId;
            MerchantId = merchantId;
            OperatorId = operatorId;
        }

        /// <summary>Eight characters.</summary>
        public string TerminalId { get; private set; }

        /// <summary>Fifteen characters.</summary>
        public string MerchantId { get; private set; }

        /// <summary>Three digits, e.g. "001" (UnionPay sends it in field 63 of sign-on and settlement).</summary>
        public string OperatorId { get; private set; }
    }
}
