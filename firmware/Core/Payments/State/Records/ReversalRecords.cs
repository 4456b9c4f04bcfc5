using PosFirmware.Messaging.Host;
using PosFirmware.Payments.Journal;

namespace PosFirmware.Payments.State.Records
{
    /// <summary>
    /// ReversalArmed: the pending reversal, with its packed message. Keeps the layout of the firmware
    /// before issue 12 byte for byte (its reader drops a longer record: a rollback would lose the
    /// pending reversal); what came since rides in a ReversalTime record of the same commit.
    /// </summary>
    internal sealed class ReversalArmedRecord : RecordCodec
    {
        /// <summary>The reversal and, when it has one, its time (ReversalTime).</summary>
        public static bool Add(JournalBatch batch, RecordWriter w, PendingReversal r)
        {
            bool ok = batch.Add(RecordType.ReversalArmed, w.Reset().I32(r.Stan).I32(r.Batch).U8((int)r.Type).I64(r.AmountMinor).U16(r.Attempts)
                .Bytes(r.Message));
            return ok && (r.When == null || ReversalTimeRecord.Add(batch, w, r.Stan, r.When));
        }

        public override bool Apply(RecordReader r, TerminalState s)
        {
            PendingReversal p = new PendingReversal();
            p.Stan = r.I32();
            p.Batch = r.I32();
            p.Type = (TransactionType)r.U8();
            p.AmountMinor = r.I64();
            p.Attempts = r.U16();
            p.Message = r.Bytes();
            if (!r.Complete || p.Message == null)
            {
                return false;
            }

            s.Reversal = p;
            return true;
        }
    }

    /// <summary>ReversalTime: the original request's time of the pending reversal with this STAN.</summary>
    internal sealed class ReversalTimeRecord : RecordCodec
    {
        public static bool Add(JournalBatch batch, RecordWriter w, int stan, string when)
        {
            return batch.Add(RecordType.ReversalTime, w.Reset().I32(stan).Ascii(when));
        }

        public override bool Apply(RecordReader r, TerminalState s)
        {
            int stan = r.I32();
            string when = r.Ascii();
            if (!r.Complete || !ReversalEndRecord.IsPending(s, stan))
            {
                return false;
            }

            s.Reversal.When = when;
            return true;
        }
    }

    /// <summary>ReversalAttempt: the pending reversal's send attempts so far.</summary>
    internal sealed class ReversalAttemptRecord : RecordCodec
    {
        public static bool Add(JournalBatch batch, RecordWriter w, int stan, int attempts)
        {
            return batch.Add(RecordType.ReversalAttempt, w.Reset().I32(stan).U16(attempts));
        }

        public override bool Apply(RecordReader r, TerminalState s)
        {
            int stan = r.I32();
            int attempts = r.U16();
            if (!r.Complete || !ReversalEndRecord.IsPending(s, stan))
            {
                return false;
            }

            s.Reversal.Attempts = attempts;
            return true;
        }
    }

    /// <summary>
    /// ReversalCleared (delivered, or the request it protected completed) and ReversalManual (the
    /// retries ran out: it moves to the manual-handling list without its message, which holds the PAN).
    /// </summary>
    internal sealed class ReversalEndRecord : RecordCodec
    {
        private readonly bool _manual;

        public ReversalEndRecord(bool manual)
        {
            _manual = manual;
        }

        public static bool Add(JournalBatch batch, RecordWriter w, int stan, bool manual)
        {
            return batch.Add(manual ? RecordType.ReversalManual : RecordType.ReversalCleared, w.Reset().I32(stan));
        }

        /// <summary>True when the pending reversal has this STAN.</summary>
        public static bool IsPending(TerminalState s, int stan)
        {
            return s.Reversal != null && s.Reversal.Stan == stan;
        }

        public override bool Apply(RecordReader r, TerminalState s)
        {
            int stan = r.I32();
            if (!r.Complete || !IsPending(s, stan))
            {
                return false;
            }

            PendingReversal p = s.Reversal;
            s.Reversal = null;
            if (_manual)
            {
                p.NeedsManualHandling = true;
                System.Array.Clear(p.Message, 0, p.Message.Length);
                p.Message = null;
                s.AddManual(p);
            }

            return true;
        }
    }

    /// <summary>ManualReversal: the snapshot form of a reversal in the manual-handling list (no message).</summary>
    internal sealed class ManualReversalRecord : RecordCodec
    {
        public static bool Add(JournalBatch batch, RecordWriter w, PendingReversal m)
        {
            return batch.Add(RecordType.ManualReversal, w.Reset().I32(m.Stan).I32(m.Batch).U8((int)m.Type).I64(m.AmountMinor));
        }

        public override bool Apply(RecordReader r, TerminalState s)
        {
            PendingReversal m = new PendingReversal();
            m.Stan = r.I32();
            m.Batch = r.I32();
            m.Type = (TransactionType)r.U8();
            m.AmountMinor = r.I64();
            if (!r.Complete)
            {
                return false;
            }

            m.NeedsManualHandling = true;
            s.AddManual(m);
            return true;
        }
    }
}
