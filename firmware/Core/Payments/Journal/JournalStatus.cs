namespace PosFirmware.Payments.Journal
{
    /// <summary>What a journal operation did (or why it could not). Flash faults are values, never exceptions.</summary>
    public enum JournalStatus
    {
        Ok = 0,
        /// <summary>The flash refused the operation (see the FlashStatus the journal reports); nothing new is durable.</summary>
        FlashError = 1,
        /// <summary>A record larger than MaxPayloadBytes, or a batch larger than the write buffer.</summary>
        TooLarge = 2,
        /// <summary>Open() has not run yet.</summary>
        NotOpen = 3,
        /// <summary>The step asked for does not match the state (e.g. not the next STAN): nothing written.</summary>
        Mismatch = 4,
    }
}
