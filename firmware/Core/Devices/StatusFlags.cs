namespace PosFirmware.Devices
{
    /// <summary>
    /// What the display's status icons say, as flags the run loop computes after each pass: the
    /// merchant sees at a glance that the terminal is offline, not signed on, or still owes the host
    /// a reversal or advices.
    /// </summary>
    public static class StatusFlags
    {
        /// <summary>The network was there at the last connection attempt (off after "link down").</summary>
        public const int WifiUp = 1;

        /// <summary>Signed on to the host: keys are current.</summary>
        public const int HostLink = 2;

        /// <summary>A reversal waits to be delivered.</summary>
        public const int ReversalPending = 4;

        /// <summary>Offline advices wait to be sent.</summary>
        public const int AdvicesPending = 8;
    }
}
