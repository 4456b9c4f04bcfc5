using PosFirmware.Devices;

namespace PosFirmware.App.Input
{
    /// <summary>
    /// PIN entry: 4 to 12 digits kept in a byte array (never a string, which cannot be wiped),
    /// shown only as asterisks; correct removes the last digit, clear empties, cancel abandons, enter
    /// confirms 4-12 digits or, with none, bypasses where the transaction allows it. Clear() zeroes the
    /// digits as soon as the PIN block is built (invariant I7).
    /// </summary>
    public sealed class PinEntry
    {
        public const int MinDigits = Security.PinBlock.MinPinLength;
        public const int MaxDigits = Security.PinBlock.MaxPinLength;

        private readonly byte[] _digits = new byte[MaxDigits];

        /// <summary>Digits entered so far.</summary>
        public int Length { get; private set; }

        /// <summary>True when Enter with no digits may skip the PIN (below the CVM limit, host allows).</summary>
        public bool BypassAllowed { get; set; }

        /// <summary>The digit values (0-9) in [0, Length); valid until Clear().</summary>
        public byte[] Digits
        {
            get { return _digits; }
        }

        /// <summary>What the screen shows: one asterisk per digit.</summary>
        public string Masked
        {
            get { return new string('*', Length); }
        }

        public EntryResult Key(KeyCode key)
        {
            if (key <= KeyCode.Digit9)
            {
                if (Length == MaxDigits)
                {
                    return EntryResult.Refused;
                }

                _digits[Length++] = (byte)key;
                return EntryResult.Changed;
            }

            switch (key)
            {
                case KeyCode.Backspace:
                    if (Length == 0)
                    {
                        return EntryResult.Refused;
                    }

                    _digits[--Length] = 0;
                    return EntryResult.Changed;
                case KeyCode.Clear:
                    if (Length == 0)
                    {
                        return EntryResult.Refused;
                    }

                    Clear();
                    return EntryResult.Changed;
                case KeyCode.Cancel:
                    Clear();
                    return EntryResult.Cancelled;
                case KeyCode.Enter:
                    if (Length == 0 && BypassAllowed)
                    {
                        return EntryResult.Bypassed;
                    }

                    return Length >= MinDigits ? EntryResult.Confirmed : EntryResult.Refused;
                default:
                    // 00 is refused on purpose: a PIN is typed one digit at a time.
                    return EntryResult.Refused;
            }
        }

        /// <summary>Zeroes the digits.</summary>
        public void Clear()
        {
            System.Array.Clear(_digits, 0, _digits.Length);
            Length = 0;
        }
    }
}
