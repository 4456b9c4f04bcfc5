namespace PosFirmware.App.Engine
{
    /// <summary>
    /// The engine's timers (DeadlineTable ids). Every wait has one (invariant I8). The host link's
    /// next step needs none: it runs at the end of the step that made it due (TransactionEngine.RunLink).
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

        public const int Count = 4;
    }
}
