using PosFirmware.Devices;

namespace PosFirmware.App.Input
{
    /// <summary>
    /// Amount entry as a cash register does it: digits shift in from the right in minor units
    /// (1, 2, 3, 4 shows 12.34), 00 adds two zeros, correct removes the last digit, clear empties the
    /// field, cancel abandons, enter confirms a non-zero amount. The amount never exceeds the maximum:
    /// a key that would is refused.
    /// </summary>
    public sealed class AmountEntry
    {
        private readonly long _maxMinor;

        public AmountEntry(long maxMinor)
        {
            _maxMinor = maxMinor;
        }

        public long AmountMinor { get; private set; }

        public void Reset()
        {
            AmountMinor = 0;
        }

        public EntryResult Key(KeyCode key)
        {
            if (key <= KeyCode.Digit9)
            {
                return Shift(1, (int)key);
            }

            switch (key)
            {
                case KeyCode.DoubleZero:
                    return AmountMinor == 0 ? EntryResult.Refused : Shift(2, 0);
                case KeyCode.Backspace:
                    if (AmountMinor == 0)
                    {
                        return EntryResult.Refused;
                    }

                    AmountMinor /= 10;
                    return EntryResult.Changed;
                case KeyCode.Clear:
                    if (AmountMinor == 0)
                    {
                        return EntryResult.Refused;
                    }

                    AmountMinor = 0;
                    return EntryResult.Changed;
                case KeyCode.Cancel:
                    return EntryResult.Cancelled;
                case KeyCode.Enter:
                    return AmountMinor > 0 ? EntryResult.Confirmed : EntryResult.Refused;
                default:
                    return EntryResult.Refused;
            }
        }

        /// <summary>The amount as shown: whole units, a dot, two decimals ("0.00", "12.34").</summary>
        public static string Format(long minor)
        {
            long v = minor < 0 ? -minor : minor;
            string fraction = Common.Digits.Pad(v % 100, 2);
            return (minor < 0 ? "-" : "") + (v / 100).ToString() + "." + fraction;
        }

        private EntryResult Shift(int digits, int digit)
        {
            long next = AmountMinor;
            for (int i = 0; i < digits; i++)
            {
                next = next * 10 + (i == digits - 1 ? digit : 0);
            }

            if (next > _maxMinor || (next == 0 && AmountMinor == 0 && digit == 0))
            {
                return EntryResult.Refused;
            }

            AmountMinor = next;
            return EntryResult.Changed;
        }
    }
}
