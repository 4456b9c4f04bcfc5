namespace PosFirmware.Messaging.Host
{
    /// <summary>The message types the terminal sets itself (the rest come from the host profile's tables).</summary>
    public static class Mtis
    {
        /// <summary>A reversal.</summary>
        public const string Reversal = "0400";

        /// <summary>A reversal sent again, where the profile marks repeats (HostProfile.RepeatMtiOnRetry).</summary>
        public const string ReversalRepeat = "0401";

        /// <summary>An advice sent again, where the profile marks repeats.</summary>
        public const string AdviceRepeat = "0221";
    }
}
