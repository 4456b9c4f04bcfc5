namespace PosFirmware.Devices
{
    /// <summary>
    /// The 16 keys of the terminal's 4x4 keypad: ten digits, 00, correct (backspace, 更正), clear
    /// (清除), cancel (取消), enter (确认) and function (功能). Digit keys have their digit's value.
    /// </summary>
    public enum KeyCode
    {
        Digit0 = 0,
        Digit1 = 1,
        Digit2 = 2,
        Digit3 = 3,
        Digit4 = 4,
        Digit5 = 5,
        Digit6 = 6,
        Digit7 = 7,
        Digit8 = 8,
        Digit9 = 9,
        DoubleZero = 10,
        Backspace = 11,
        Clear = 12,
        Cancel = 13,
        Enter = 14,
        Func = 15,
    }
}
