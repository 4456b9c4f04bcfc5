using PosFirmware.Devices;

namespace PosFirmware.Drivers.Keypad
{
    /// <summary>
    /// Which key sits where on the 4x4 matrix, row by row. The usual POS layout: digits as on a
    /// phone, CANCEL (red) top right, ENTER (green) bottom right, FUNC and 00 beside the 0.
    /// A board with another membrane passes its own table.
    /// </summary>
    public static class KeypadLayout
    {
        public const int Rows = 4;
        public const int Columns = 4;

        public static readonly KeyCode[] Standard =
        {
            KeyCode.Digit1, KeyCode.Digit2, KeyCode.Digit3, KeyCode.Cancel,
            KeyCode.Digit4, KeyCode.Digit5, KeyCode.Digit6, KeyCode.Backspace,
            KeyCode.Digit7, KeyCode.Digit8, KeyCode.Digit9, KeyCode.Clear,
            KeyCode.Func, KeyCode.Digit0, KeyCode.DoubleZero, KeyCode.Enter,
        };
    }
}
