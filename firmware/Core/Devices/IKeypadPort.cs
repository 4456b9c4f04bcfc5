namespace PosFirmware.Devices
{
    /// <summary>The keypad as the run loop sees it: debounced keys from a bounded queue.</summary>
    public interface IKeypadPort
    {
        /// <summary>Takes the oldest key pressed; false when none is waiting. Never blocks.</summary>
        bool TryTakeKey(out KeyCode key);
    }
}
