using PosFirmware.Messaging.Host;
using PosFirmware.Payments.Journal;

namespace PosFirmware.Payments.State.Records
{
    /// <summary>
    /// Last: the last transaction's status. Keeps the layout of the firmware before issue 12 byte for
    /// byte (as ReversalArmed); the response code, batch and reversal time ride in a LastDetail record
    /// of the same commit.
    /// </summary>
    internal sealed class LastRecord : RecordCodec
    {
        /// <summary>The last transaction and its detail (LastDetail).</summary>
        public static bool Add(JournalBatch batch, RecordWriter w, LastTransaction t)
        {
            bool ok = batch.Add(RecordType.Last, w.Reset().I32(t.Stan).U8((int)t.Type).I64(t.AmountMinor).U16(t.OutcomeCode).Ascii(t.MaskedPan)
                .Ascii(t.Rrn).Ascii(t.AuthCode).Ascii(t.When).U8((int)t.Reversal));
            return ok && LastDetailRecord.Add(batch, w, t);
        }

        public override bool Apply(RecordReader r, TerminalState s)
        {
            LastTransaction t = new LastTransaction();
            t.Stan = r.I32();
            t.Type = (TransactionType)r.U8();
            t.AmountMinor = r.I64();
            t.OutcomeCode = r.U16();
            t.MaskedPan = r.Ascii();
            t.Rrn = r.Ascii();
            t.AuthCode = r.Ascii();
            t.When = r.Ascii();
            t.Reversal = (ReversalState)r.U8();
            if (!r.Complete)
            {
                return false;
            }

            s.Last = t;
            return true;
        }
    }

    /// <summary>LastDetail: the response code, batch and reversal time of the Last record with this STAN.</summary>
    internal sealed class LastDetailRecord : RecordCodec
    {
        public static bool Add(JournalBatch batch, RecordWriter w, LastTransaction t)
        {
            return batch.Add(RecordType.LastDetail, w.Reset().I32(t.Stan).Ascii(t.ResponseCode).I32(t.Batch).Ascii(t.ReversalWhen));
        }

        public override bool Apply(RecordReader r, TerminalState s)
        {
            int stan = r.I32();
            string responseCode = r.Ascii();
            int batch = r.I32();
            string reversalWhen = r.Ascii();
            LastTransaction t = s.Last;
            if (!r.Complete || t == null || t.Stan != stan)
            {
                return false;
            }

            t.ResponseCode = responseCode;
            t.Batch = batch;
            t.ReversalWhen = reversalWhen;
            return true;
        }
    }
}
