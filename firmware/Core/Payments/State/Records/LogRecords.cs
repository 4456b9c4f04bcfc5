using PosFirmware.Payments.Journal;

namespace PosFirmware.Payments.State.Records
{
    /// <summary>Event: one entry of the bounded event log.</summary>
    internal sealed class EventRecord : RecordCodec
    {
        public static bool Add(JournalBatch batch, RecordWriter w, LoggedEvent e)
        {
            return batch.Add(RecordType.Event, w.Reset().I64(e.TimeMs).U16(e.Code).I32(e.Stan));
        }

        public override bool Apply(RecordReader r, TerminalState s)
        {
            LoggedEvent e = new LoggedEvent();
            e.TimeMs = r.I64();
            e.Code = r.U16();
            e.Stan = r.I32();
            if (!r.Complete)
            {
                return false;
            }

            s.AddEvent(e);
            return true;
        }
    }

    /// <summary>ManualOverflow (snapshot): how many manual reversals and unknown refunds no longer fit their lists.</summary>
    internal sealed class ManualOverflowRecord : RecordCodec
    {
        public static bool Add(JournalBatch batch, RecordWriter w, int reversals, int refunds)
        {
            return batch.Add(RecordType.ManualOverflow, w.Reset().I32(reversals).I32(refunds));
        }

        public override bool Apply(RecordReader r, TerminalState s)
        {
            int reversals = r.I32();
            int refunds = r.I32();
            if (!r.Complete || reversals < 0 || refunds < 0)
            {
                return false;
            }

            s.ManualOverflow = reversals;
            s.ManualRefundOverflow = refunds;
            return true;
        }
    }
}
