using System;
using PosFirmware.App.Input;
using PosFirmware.Devices;
using PosFirmware.Hal;

namespace PosFirmware.App.Engine
{
    /// <summary>
    /// One input to the engine, stamped by the run loop with the monotonic time and the wall time
    /// (the engine never reads a clock). The run loop reuses one instance: the engine copies what
    /// it keeps.
    /// </summary>
    public sealed class EngineEvent
    {
        public EventKind Kind { get; set; }

        /// <summary>Monotonic time of the event (IClock.NowMs).</summary>
        public long NowMs { get; set; }

        /// <summary>
        /// The wall clock's UTC reading (IWallClock.UtcNow): the time for fields 12/13 and slips when
        /// UtcIsSet; otherwise only a lower bound, used to infer the year of a host's date.
        /// </summary>
        public DateTime Utc { get; set; }

        public bool UtcIsSet { get; set; }

        public KeyCode Key { get; set; }

        public CardData Card { get; set; }

        /// <summary>For CardFailed and PrintFailed: the outcome code that explains it.</summary>
        public int OutcomeCode { get; set; }

        public NetStatus Net { get; set; }

        public byte[] Frame { get; set; }

        public int FrameOffset { get; set; }

        public int FrameLength { get; set; }

        public int Timer { get; set; }

        /// <summary>Clears every field and sets the kind and time (the run loop's reuse).</summary>
        public EngineEvent Reset(EventKind kind, long nowMs)
        {
            Kind = kind;
            NowMs = nowMs;
            Key = KeyCode.Digit0;
            Card = null;
            OutcomeCode = 0;
            Net = NetStatus.Ok;
            Frame = null;
            FrameOffset = 0;
            FrameLength = 0;
            Timer = -1;
            return this;
        }
    }
}
