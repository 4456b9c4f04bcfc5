namespace PosFirmware.Drivers.Contactless
{
    /// <summary>Where one APDU exchange with a card stands.</summary>
    public enum TransceiveStatus
    {
        /// <summary>Sent; no answer yet.</summary>
        Pending = 0,
        /// <summary>The card answered: Response holds data + SW1 SW2.</summary>
        Answered = 1,
        /// <summary>The card did not answer in time: it left the field (or is mute).</summary>
        CardGone = 2,
        /// <summary>The reader or the radio link failed (CRC, framing, chip error).</summary>
        Failed = 3,
    }
}
