using PosFirmware.Common;

namespace PosFirmware.Messaging.Host
{
    /// <summary>
    /// The balance in field 54 (additional amounts): blocks of 20 characters, account type (2),
    /// amount type (2), currency (3), sign (C or D), amount (12 digits, minor units). The first
    /// block is the balance.
    /// </summary>
    public static class BalanceAmount
    {
        public const int BlockLength = 20;
        private const int SignOffset = 7;
        private const int AmountOffset = 8;
        private const int AmountDigits = 12;

        /// <summary>The first block's amount and whether it is a debit balance (D); false when field 54 has no readable block.</summary>
        public static bool TryRead(string additional, out long amountMinor, out bool debit)
        {
            amountMinor = 0;
            debit = false;
            if (additional == null || additional.Length < BlockLength)
            {
                return false;
            }

            long amount = Digits.Parse(additional, AmountOffset, AmountDigits);
            if (amount < 0)
            {
                return false;
            }

            amountMinor = amount;
            debit = additional[SignOffset] == 'D';
            return true;
        }
    }
}
