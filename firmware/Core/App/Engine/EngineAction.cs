using PosFirmware.Devices;
using PosFirmware.Payments.Journal;

namespace PosFirmware.App.Engine
{
    /// <summary>
    /// One thing for the run loop to do. Slots are reused by ActionList: only the fields of the
    /// action's kind are meaningful.
    /// </summary>
    public sealed class EngineAction
    {
        public ActionKind Kind { get; internal set; }

        /// <summary>Show.</summary>
        public Screen Screen { get; internal set; }

        /// <summary>Beep.</summary>
        public Tone Tone { get; internal set; }

        /// <summary>Arm, Disarm.</summary>
        public int Timer { get; internal set; }

        /// <summary>Arm: the monotonic time it expires.</summary>
        public long AtMs { get; internal set; }

        /// <summary>Connect, StartCardRead: how long the operation may take.</summary>
        public int TimeoutMs { get; internal set; }

        /// <summary>StartCardRead: the amount the card is asked to approve (contactless GPO, 9F02).</summary>
        public long AmountMinor { get; internal set; }

        /// <summary>StartCardRead: the transaction type (contactless GPO, 9C).</summary>
        public Messaging.Host.TransactionType CardTransaction { get; internal set; }

        /// <summary>Send: the frame (owned by the engine; sent before the next step).</summary>
        public byte[] Frame { get; internal set; }

        public int FrameLength { get; internal set; }

        /// <summary>Print: the lines of one slip or report.</summary>
        public string[] Lines { get; internal set; }

        // ---- Durable (a note of a write the engine made) ----

        public PersistOp Persist { get; internal set; }

        /// <summary>Durable: what the journal answered (anything but Ok: nothing was written).</summary>
        public JournalStatus Status { get; internal set; }

        /// <summary>Durable: the STAN the write was about (0: none).</summary>
        public int Stan { get; internal set; }

        /// <summary>SetClock: the UTC time to set the wall clock to (from the host's sign-on answer).</summary>
        public System.DateTime Utc { get; internal set; }

        internal void Reset(ActionKind kind)
        {
            Kind = kind;
            Screen = null;
            Tone = Tone.Key;
            Timer = -1;
            AtMs = 0;
            TimeoutMs = 0;
            Frame = null;
            FrameLength = 0;
            Lines = null;
            Persist = PersistOp.None;
            Status = JournalStatus.Ok;
            Stan = 0;
        }
    }
}
