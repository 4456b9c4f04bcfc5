namespace PosFirmware.App.Engine
{
    /// <summary>
    /// The engine's timers (DeadlineTable ids). Every wait has one (invariant I8). Pump is a timer
    /// armed at "now": it runs the host link's next step in a step of its own, after the run loop
    /// has carried out (and made durable) the actions of the step before.
    /// </summary>
    public static class EngineTimer
    {
        /// <summary>The flow's current wait: menu, trace, amount, card, PIN, message display.</summary>
        public const int Flow = 0;
        /// <summary>The host's answer (HostResponseTimeoutMs).</summary>
        public const int HostAnswer = 1;
        /// <summary>The connection attempt (ConnectTimeoutMs).</summary>
        public const int Connect = 2;
        /// <summary>Once a second while the flow waits for the host: redraws the countdown.</summary>
        public const int Countdown = 3;
        /// <summary>Zero-delay: the link takes its next step.</summary>
        public const int Pump = 4;

        public const int Count = 5;
    }
}
