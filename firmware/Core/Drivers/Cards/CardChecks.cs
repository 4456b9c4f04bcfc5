using PosFirmware.Devices;

namespace PosFirmware.Drivers.Cards
{
    /// <summary>
    /// Checks on card data that every reader applies before a card reaches the engine (ISO/IEC 7812
    /// PAN with its Luhn check digit, ISO/IEC 7813 expiry and service code). Pure functions on ASCII
    /// bytes; they never throw on what a card or a module sends.
    /// </summary>
    public static class CardChecks
    {
        public const int MinPanDigits = CardData.MinPanDigits;
        public const int MaxPanDigits = CardData.MaxPanDigits;

        /// <summary>12-19 digits whose Luhn (mod 10) check digit is right.</summary>
        public static bool IsValidPan(byte[] text, int offset, int count)
        {
            if (count < MinPanDigits || count > MaxPanDigits || offset < 0 || offset + count > text.Length)
            {
                return false;
            }

            int sum = 0;
            bool twice = false;
            for (int i = offset + count - 1; i >= offset; i--)
            {
                int d = text[i] - '0';
                if (d < 0 || d > 9)
                {
                    return false;
                }

                if (twice)
                {
                    d *= 2;
                    if (d > 9)
                    {
                        d -= 9;
                    }
                }

                sum += d;
                twice = !twice;
            }

            return sum % 10 == 0;
        }

        /// <summary>YYMM with a month 01-12 (whether it has passed is the host's decision).</summary>
        public static bool IsValidExpiry(byte[] text, int offset)
        {
            if (offset < 0 || offset + 4 > text.Length || !AreDigits(text, offset, 4))
            {
                return false;
            }

            int month = (text[offset + 2] - '0') * 10 + (text[offset + 3] - '0');
            return month >= 1 && month <= 12;
        }

        /// <summary>
        /// Three digits as ISO/IEC 7813 allows: first 1, 2, 5, 6, 7 or 9 (interchange and technology),
        /// second 0, 2 or 4 (authorisation), third 0-7 (services and PIN).
        /// </summary>
        public static bool IsValidServiceCode(byte[] text, int offset)
        {
            if (offset < 0 || offset + 3 > text.Length || !AreDigits(text, offset, 3))
            {
                return false;
            }

            int first = text[offset] - '0';
            int second = text[offset + 1] - '0';
            int third = text[offset + 2] - '0';
            bool firstOk = first == 1 || first == 2 || first == 5 || first == 6 || first == 7 || first == 9;
            return firstOk && (second == 0 || second == 2 || second == 4) && third <= 7;
        }

        /// <summary>A service code starting 2 or 6: the card has a chip.</summary>
        public static bool HasChip(byte[] text, int serviceCodeOffset)
        {
            byte first = text[serviceCodeOffset];
            return first == (byte)'2' || first == (byte)'6';
        }

        public static bool AreDigits(byte[] text, int offset, int count)
        {
            for (int i = offset; i < offset + count; i++)
            {
                if (text[i] < (byte)'0' || text[i] > (byte)'9')
                {
                    return false;
                }
            }

            return true;
        }
    }
}
