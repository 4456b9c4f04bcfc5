namespace PosFirmware.App.Engine
{
    /// <summary>What happened: the only inputs of the engine (ARCHITECTURE.md "Determinism").</summary>
    public enum EventKind
    {
        /// <summary>The terminal booted; the terminal state was recovered from the journal.</summary>
        PowerOn = 0,
        /// <summary>A key was pressed (Key).</summary>
        Key = 1,
        /// <summary>The reader delivered a card (Card).</summary>
        CardRead = 2,
        /// <summary>The reader gave up (OutcomeCode: card read error, removed, not supported, reader not answering).</summary>
        CardFailed = 3,
        /// <summary>The host connection is up.</summary>
        Connected = 4,
        /// <summary>The connection could not be made (Net says why: LinkDown means no Wi-Fi).</summary>
        ConnectFailed = 5,
        /// <summary>A whole frame arrived (Frame, FrameOffset, FrameLength: the ISO 8583 message).</summary>
        HostFrame = 6,
        /// <summary>The byte stream from the host cannot be trusted (a garbled frame length).</summary>
        HostGarbled = 7,
        /// <summary>An open connection failed or was closed by the host (Net says why).</summary>
        ConnectionLost = 8,
        /// <summary>An armed timer expired (Timer).</summary>
        TimerExpired = 9,
        /// <summary>The printer finished the slip.</summary>
        PrintDone = 10,
        /// <summary>The printer could not finish the slip (OutcomeCode: out of paper, jammed).</summary>
        PrintFailed = 11,
    }
}
