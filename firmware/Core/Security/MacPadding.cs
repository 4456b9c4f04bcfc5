namespace PosFirmware.Security
{
    /// <summary>ISO/IEC 9797-1 padding methods for CBC-MACs.</summary>
    public enum MacPadding
    {
        /// <summary>Method 1: zero bytes up to a whole block (none when already whole, but never empty).</summary>
        Zeros = 1,

        /// <summary>Method 2: one 0x80 byte, then zeros up to a whole block.</summary>
        Bit = 2,
    }
}
