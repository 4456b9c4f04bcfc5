using PosFirmware.Payments.Journal;

namespace PosFirmware.Payments.State.Records
{
    /// <summary>StanReserved: STANs up to upTo may be handed out without another write.</summary>
    internal sealed class StanReservedRecord : RecordCodec
    {
        public static bool Add(JournalBatch batch, RecordWriter w, int upTo)
        {
            return batch.Add(RecordType.StanReserved, w.Reset().I32(upTo));
        }

        public override bool Apply(RecordReader r, TerminalState s)
        {
            int upTo = r.I32();
            if (!r.Complete || upTo < 1 || upTo > TerminalState.MaxStan)
            {
                return false;
            }

            // Normally ascending; after a wrap the new block starts again at 1.
            s.ReservedStan = upTo;
            if (s.LastStan > upTo)
            {
                s.LastStan = 0;
            }

            return true;
        }
    }
}
