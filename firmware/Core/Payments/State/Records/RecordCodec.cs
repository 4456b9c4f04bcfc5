using PosFirmware.Payments.Journal;

namespace PosFirmware.Payments.State.Records
{
    /// <summary>
    /// The reading half of one journal record type: reads a payload and applies it to the state,
    /// at recovery and after each commit alike. Each record class keeps its writing half (a static
    /// Add) beside it, so a field added to one is seen in the other. Apply answers false for a
    /// payload of the wrong shape or one that does not fit the state (a stale STAN): the record
    /// changes nothing, and recovery counts it and goes on.
    /// </summary>
    internal abstract class RecordCodec
    {
        public abstract bool Apply(RecordReader r, TerminalState s);
    }
}
