namespace PosFirmware.Payments.Journal
{
    /// <summary>What compaction writes into the new file: the records that re-create the current state.</summary>
    public interface IJournalSnapshot
    {
        /// <summary>Adds the state's records to the batch; false when they do not fit (compaction is then skipped).</summary>
        bool WriteTo(JournalBatch batch);
    }
}
