namespace PosFirmware.Devices
{
    /// <summary>
    /// How a reader got the card, as the reader knows it. The App turns it into the host's entry mode
    /// (field 22, Messaging.Host.PosEntryMode) where it builds requests and slips: a reader knows
    /// nothing of hosts.
    /// </summary>
    public enum CardEntry
    {
        /// <summary>No card read (a cleared CardData).</summary>
        None = 0,
        /// <summary>The magnetic stripe, swiped.</summary>
        Swipe = 1,
        /// <summary>An EMV contactless read (tapped).</summary>
        Contactless = 2,
    }
}
