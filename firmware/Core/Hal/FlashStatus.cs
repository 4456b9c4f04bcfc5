namespace PosFirmware.Hal
{
    /// <summary>
    /// Result of a flash store operation. Expected conditions are values; only programming errors
    /// (null arguments, a closed handle used again) throw.
    /// </summary>
    public enum FlashStatus
    {
        Ok = 0,
        NotFound = 1,
        /// <summary>Create or rename onto a name that exists (LittleFS rename never overwrites).</summary>
        AlreadyExists = 2,
        /// <summary>The file is open for writing; it cannot be opened again, renamed or deleted.</summary>
        Busy = 3,
        /// <summary>The partition is full: nothing of the operation took effect.</summary>
        NoSpace = 4,
        /// <summary>A name that is empty, too long or has characters outside [A-Za-z0-9._-].</summary>
        InvalidName = 5,
        /// <summary>Too many files open at once.</summary>
        TooManyOpen = 6,
        /// <summary>The handle was closed already.</summary>
        Closed = 7,
        /// <summary>The file system reported a fault (corrupt block, driver error).</summary>
        IoError = 8,
    }
}
