namespace PosFirmware.Payments.State
{
    /// <summary>One entry of the bounded event log: when, which outcome or event code, and a trace number.</summary>
    public sealed class LoggedEvent
    {
        /// <summary>Milliseconds since boot (IClock) when it was logged.</summary>
        public long TimeMs { get; set; }

        public int Code { get; set; }

        public int Stan { get; set; }
    }
}
