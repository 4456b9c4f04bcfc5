namespace PosFirmware.Hal
{
    /// <summary>
    /// The terminal's non-volatile store, with exactly the semantics of LittleFS on the ESP32
    /// (PLATFORM.md "Storage that survives power loss"):
    /// - new bytes are durable only when their file is closed; a power cut loses what was not
    ///   closed and leaves the last closed state, never a partial write;
    /// - creating a file makes it exist (empty) at once, as LittleFS commits a new entry on open;
    /// - rename is atomic and never overwrites: it fails when the target exists;
    /// - one writer per file; a file open for writing cannot be renamed or deleted.
    /// Names are flat (no folders), 1..MaxNameLength characters of [A-Za-z0-9._-].
    /// Every operation returns a FlashStatus; none throws on an expected condition.
    /// </summary>
    public interface IFlashStore
    {
        /// <summary>Opens a file for appending, creating it (empty) when missing.</summary>
        FlashStatus OpenAppend(string name, out IFlashFile file);

        /// <summary>Creates a new empty file and opens it for writing; AlreadyExists when it exists.</summary>
        FlashStatus Create(string name, out IFlashFile file);

        /// <summary>The durable length of a file in bytes.</summary>
        FlashStatus GetLength(string name, out int length);

        /// <summary>
        /// Reads up to count durable bytes starting at position into buffer[offset ..]; bytesRead is
        /// 0 at or past the end. Pending bytes of an open writer are not visible.
        /// </summary>
        FlashStatus ReadAt(string name, int position, byte[] buffer, int offset, int count, out int bytesRead);

        /// <summary>Renames atomically; AlreadyExists when newName exists (nothing changes then).</summary>
        FlashStatus Rename(string oldName, string newName);

        /// <summary>Deletes a file.</summary>
        FlashStatus Delete(string name);

        /// <summary>True when the file exists (durably).</summary>
        bool Exists(string name);

        /// <summary>The names of all files, in ordinal order.</summary>
        string[] List();
    }
}
