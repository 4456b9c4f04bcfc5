namespace PosFirmware.Payments.State
{
    /// <summary>An offline approval waiting to be advised to the host (0220, then 0221 on retries).</summary>
    public sealed class PendingAdvice
    {
        public int Stan { get; set; }

        public long AmountMinor { get; set; }

        /// <summary>The advice packed without MAC (MTI 0220).</summary>
        public byte[] Message { get; set; }

        public int Attempts { get; set; }

        /// <summary>True after the send limit: kept, shown and reported, not sent again automatically.</summary>
        public bool Failed { get; set; }
    }
}
