namespace PosFirmware.Payments.Journal
{
    /// <summary>Receives the journal's valid records, oldest first, when it is opened (recovery).</summary>
    public interface IJournalReader
    {
        /// <summary>One record: its type and payload in buffer[offset .. offset+length) (valid only during the call).</summary>
        void OnRecord(byte type, byte[] buffer, int offset, int length);
    }
}
