using PosFirmware.Messaging.Host;
using PosFirmware.Payments.Journal;

namespace PosFirmware.Payments.State.Records
{
    /// <summary>ReversalConfirmed: a reversal the host confirmed, kept for its slip, with its notice due flag.</summary>
    internal sealed class ReversalConfirmedRecord : RecordCodec
    {
        public static bool Add(JournalBatch batch, RecordWriter w, ConfirmedReversal c)
        {
            return batch.Add(RecordType.ReversalConfirmed, w.Reset().I32(c.Stan).I32(c.Batch).U8((int)c.Type).I64(c.AmountMinor).Ascii(c.MaskedPan)
                .Ascii(c.Rrn).Ascii(c.OriginalWhen).Ascii(c.ConfirmedWhen).U8(c.NoticeDue ? 1 : 0));
        }

        public override bool Apply(RecordReader r, TerminalState s)
        {
            ConfirmedReversal c = new ConfirmedReversal();
            c.Stan = r.I32();
            c.Batch = r.I32();
            c.Type = (TransactionType)r.U8();
            c.AmountMinor = r.I64();
            c.MaskedPan = r.Ascii();
            c.Rrn = r.Ascii();
            c.OriginalWhen = r.Ascii();
            c.ConfirmedWhen = r.Ascii();
            c.NoticeDue = r.U8() == 1;
            if (!r.Complete)
            {
                return false;
            }

            s.AddConfirmed(c);
            return true;
        }
    }

    /// <summary>ReversalNoticed: the idle screen said these confirmations (a count, then the STANs).</summary>
    internal sealed class ReversalNoticedRecord : RecordCodec
    {
        private const int StanBytes = 4;

        public static bool Add(JournalBatch batch, RecordWriter w, int[] stans, int count)
        {
            w.Reset().U8(count);
            for (int i = 0; i < count; i++)
            {
                w.I32(stans[i]);
            }

            return batch.Add(RecordType.ReversalNoticed, w);
        }

        public override bool Apply(RecordReader r, TerminalState s)
        {
            // All the STANs first: a record that fails changes nothing. At most 255 turns (a
            // one-byte count); a STAN no longer kept is passed over.
            int count = r.U8();
            if (r.Failed || r.Remaining != count * StanBytes)
            {
                return false;
            }

            for (int i = 0; i < count; i++)
            {
                ConfirmedReversal c = s.FindConfirmed(r.I32());
                if (c != null)
                {
                    c.NoticeDue = false;
                }
            }

            return r.Complete;
        }
    }
}
