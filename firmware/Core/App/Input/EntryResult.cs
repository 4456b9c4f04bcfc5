namespace PosFirmware.App.Input
{
    /// <summary>What one key did to an entry field.</summary>
    public enum EntryResult
    {
        /// <summary>The field changed (redraw it, key beep).</summary>
        Changed = 0,
        /// <summary>The key does nothing here (field full, nothing to delete, Enter too early): error beep.</summary>
        Refused = 1,
        /// <summary>Enter with a valid value: the field is done.</summary>
        Confirmed = 2,
        /// <summary>Cancel: the operator abandons the transaction.</summary>
        Cancelled = 3,
        /// <summary>Enter with no PIN where bypass is allowed.</summary>
        Bypassed = 4,
    }
}
