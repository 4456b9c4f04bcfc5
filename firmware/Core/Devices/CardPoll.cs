namespace PosFirmware.Devices
{
    /// <summary>What polling the card reader found.</summary>
    public enum CardPoll
    {
        /// <summary>Still waiting (or not reading).</summary>
        Nothing = 0,
        /// <summary>A card was read; the data is in the CardData given.</summary>
        Read = 1,
        /// <summary>The read failed; the CardReadStatus says why.</summary>
        Failed = 2,
    }
}
