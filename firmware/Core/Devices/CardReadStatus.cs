namespace PosFirmware.Devices
{
    /// <summary>Why a card read failed (ICardPort.Poll returned Failed). The App maps it to an outcome.</summary>
    public enum CardReadStatus
    {
        /// <summary>No failure: a card was read, or nothing happened yet.</summary>
        None = 0,
        /// <summary>The card answered wrongly or its data is malformed, or the read ran out of time.</summary>
        ReadError = 1,
        /// <summary>The card left the field before the read finished.</summary>
        Removed = 2,
        /// <summary>Not a payment card the terminal accepts (no ISO/IEC 14443-4, no accepted AID, conditions not satisfied).</summary>
        NotSupported = 3,
        /// <summary>The contactless chip does not answer.</summary>
        ReaderNotAnswering = 4,
        /// <summary>A swipe read backwards: the cardholder is to turn the card round.</summary>
        SwipeReversed = 5,
    }
}
