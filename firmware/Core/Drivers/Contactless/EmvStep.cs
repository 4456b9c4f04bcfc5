namespace PosFirmware.Drivers.Contactless
{
    /// <summary>What the read flow wants next.</summary>
    public enum EmvStep
    {
        /// <summary>Send the APDU the flow wrote and give it the card's answer.</summary>
        SendApdu = 0,
        /// <summary>The card is read: the tags are collected and field 55 can be built.</summary>
        Done = 1,
        /// <summary>The read failed; Error says why.</summary>
        Failed = 2,
    }
}
