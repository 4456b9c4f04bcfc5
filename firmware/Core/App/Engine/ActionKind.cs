namespace PosFirmware.App.Engine
{
    /// <summary>What the engine asks the run loop to do.</summary>
    public enum ActionKind
    {
        /// <summary>Show Screen on the display.</summary>
        Show = 0,
        /// <summary>Sound Tone.</summary>
        Beep = 1,
        /// <summary>
        /// A note, nothing to carry out: the engine made the durable step Persist (for Stan) at this
        /// point of the list and the journal answered Status. It keeps the write-ahead order visible
        /// (a note "persist X" before the send that depends on it) and lets the loop count refusals.
        /// </summary>
        Durable = 2,
        /// <summary>Open the host connection (HostAddress, HostPort, within TimeoutMs).</summary>
        Connect = 3,
        /// <summary>Send Frame[0 .. FrameLength) on the open connection.</summary>
        Send = 4,
        /// <summary>Close the host connection.</summary>
        Close = 5,
        /// <summary>Arm Timer to expire at AtMs.</summary>
        Arm = 6,
        /// <summary>Disarm Timer.</summary>
        Disarm = 7,
        /// <summary>Print Lines (one slip or report).</summary>
        Print = 8,
        /// <summary>Start waiting for a card (tap or swipe); the read itself must finish within TimeoutMs.</summary>
        StartCardRead = 9,
        /// <summary>Stop waiting for a card.</summary>
        StopCardRead = 10,
        /// <summary>Set the wall clock (not set until now) to Utc: the host's time from its sign-on answer.</summary>
        SetClock = 11,
    }
}
