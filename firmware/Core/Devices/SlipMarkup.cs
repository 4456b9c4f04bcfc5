namespace PosFirmware.Devices
{
    /// <summary>
    /// How a slip line asks to be printed, as its first character (a control character, which takes no
    /// column): the printer driver lays it out, everything else prints as plain text. Kept to three
    /// styles so any printer can honour them.
    /// </summary>
    public static class SlipMarkup
    {
        /// <summary>The slip's title: centred, as large as fits.</summary>
        public const char Title = '\u0001';

        /// <summary>A line that matters most (the amount): double size where it fits.</summary>
        public const char Emphasis = '\u0002';

        /// <summary>The rest of the line is the payload of a QR code (the transaction reference).</summary>
        public const char Qr = '\u0003';

        /// <summary>The line's style character, or '\0' for plain text.</summary>
        public static char StyleOf(string line)
        {
            return line != null && line.Length > 0 && line[0] >= Title && line[0] <= Qr ? line[0] : '\0';
        }

        /// <summary>The line without its style character.</summary>
        public static string Plain(string line)
        {
            return StyleOf(line) == '\0' ? line : line.Substring(1);
        }
    }
}
