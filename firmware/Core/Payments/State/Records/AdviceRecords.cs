using PosFirmware.Payments.Journal;

namespace PosFirmware.Payments.State.Records
{
    /// <summary>AdviceQueued: an offline approval's advice, with its packed message.</summary>
    internal sealed class AdviceQueuedRecord : RecordCodec
    {
        public static bool Add(JournalBatch batch, RecordWriter w, PendingAdvice a)
        {
            return batch.Add(RecordType.AdviceQueued, w.Reset().I32(a.Stan).I64(a.AmountMinor).Bytes(a.Message));
        }

        public override bool Apply(RecordReader r, TerminalState s)
        {
            PendingAdvice a = new PendingAdvice();
            a.Stan = r.I32();
            a.AmountMinor = r.I64();
            a.Message = r.Bytes();
            return r.Complete && a.Message != null && s.AddAdvice(a);
        }
    }

    /// <summary>AdviceAttempt: the send attempts so far of the advice with this STAN.</summary>
    internal sealed class AdviceAttemptRecord : RecordCodec
    {
        public static bool Add(JournalBatch batch, RecordWriter w, int stan, int attempts)
        {
            return batch.Add(RecordType.AdviceAttempt, w.Reset().I32(stan).U16(attempts));
        }

        public override bool Apply(RecordReader r, TerminalState s)
        {
            PendingAdvice a = s.FindAdvice(r.I32());
            int attempts = r.U16();
            if (!r.Complete || a == null)
            {
                return false;
            }

            a.Attempts = attempts;
            return true;
        }
    }

    /// <summary>
    /// AdviceDone (the host took it: it leaves the queue) and AdviceFailed (its retries ran out: it
    /// stays, marked, for the settlement slip).
    /// </summary>
    internal sealed class AdviceEndRecord : RecordCodec
    {
        private readonly bool _failed;

        public AdviceEndRecord(bool failed)
        {
            _failed = failed;
        }

        public static bool Add(JournalBatch batch, RecordWriter w, int stan, bool failed)
        {
            return batch.Add(failed ? RecordType.AdviceFailed : RecordType.AdviceDone, w.Reset().I32(stan));
        }

        public override bool Apply(RecordReader r, TerminalState s)
        {
            int stan = r.I32();
            PendingAdvice a = s.FindAdvice(stan);
            if (!r.Complete || a == null)
            {
                return false;
            }

            if (_failed)
            {
                a.Failed = true;
            }
            else
            {
                s.RemoveAdvice(stan);
            }

            return true;
        }
    }
}
