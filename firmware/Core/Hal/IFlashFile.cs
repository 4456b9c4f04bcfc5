namespace PosFirmware.Hal
{
    /// <summary>
    /// A file open for writing. Bytes written are NOT durable until Close returns Ok: a power cut
    /// before that loses them all and leaves the file as it was at its last close (LittleFS;
    /// PLATFORM.md "Storage that survives power loss"). There is deliberately no Flush.
    /// </summary>
    public interface IFlashFile
    {
        /// <summary>The file's name.</summary>
        string Name { get; }

        /// <summary>Appends data[offset .. offset+count) to the pending (not yet durable) bytes.</summary>
        FlashStatus Write(byte[] data, int offset, int count);

        /// <summary>Makes every pending byte durable in one atomic step and releases the handle.</summary>
        FlashStatus Close();
    }
}
