namespace PosFirmware.HostSimulator
{
    /// <summary>What the issuer says about a card.</summary>
    public enum CardState
    {
        Good,
        Expired,
        Lost,
        Stolen,
        Restricted,
    }

    /// <summary>A cardholder account at the simulated issuer.</summary>
    public sealed class Account
    {
        public string Pan { get; set; }

        public string Pin { get; set; } = "123456";

        public long BalanceMinor { get; set; }

        /// <summary>Held by approved pre-authorisations, not yet completed or voided.</summary>
        public long HeldMinor { get; set; }

        public CardState State { get; set; }

        /// <summary>Wrong PINs in a row; at MaxPinTries the card answers 75.</summary>
        public int WrongPins { get; set; }

        public const int MaxPinTries = 3;

        public long AvailableMinor => BalanceMinor - HeldMinor;
    }
}
