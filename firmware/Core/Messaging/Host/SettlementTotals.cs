using PosFirmware.Common;

namespace PosFirmware.Messaging.Host
{
    /// <summary>
    /// The batch totals settlement compares (PAYMENTS.md section 5): count and amount of debits
    /// (sales, completions) and of credits (refunds). Voided transactions leave the totals.
    /// </summary>
    public sealed class SettlementTotals
    {
        /// <summary>Digits of one totals block: a count n3 and an amount n12, for debits then for credits.</summary>
        public const int BlockDigits = 30;

        public int DebitCount { get; set; }

        public long DebitAmountMinor { get; set; }

        public int CreditCount { get; set; }

        public long CreditAmountMinor { get; set; }

        /// <summary>Counts one approved transaction (balance inquiries, pre-auths and voids add nothing).</summary>
        public void Add(TransactionType type, long amountMinor)
        {
            if (TransactionRules.IsDebit(type))
            {
                DebitCount++;
                DebitAmountMinor += amountMinor;
            }
            else if (TransactionRules.IsCredit(type))
            {
                CreditCount++;
                CreditAmountMinor += amountMinor;
            }
        }

        /// <summary>Takes one back out (the transaction was voided or reversed).</summary>
        public void Remove(TransactionType type, long amountMinor)
        {
            if (TransactionRules.IsDebit(type))
            {
                DebitCount--;
                DebitAmountMinor -= amountMinor;
            }
            else if (TransactionRules.IsCredit(type))
            {
                CreditCount--;
                CreditAmountMinor -= amountMinor;
            }
        }

        public void Reset()
        {
            DebitCount = 0;
            DebitAmountMinor = 0;
            CreditCount = 0;
            CreditAmountMinor = 0;
        }

        public bool SameAs(SettlementTotals other)
        {
            return other != null && DebitCount == other.DebitCount && DebitAmountMinor == other.DebitAmountMinor
                && CreditCount == other.CreditCount && CreditAmountMinor == other.CreditAmountMinor;
        }

        /// <summary>
        /// The 30-digit block in the layout of style. UnionPay field 48 (PAYMENTS.md section 5): debit
        /// amount n12, debit count n3, credit amount n12, credit count n3, amount before count.
        /// International field 63: debit count n3, debit amount n12, credit count n3, credit amount n12.
        /// </summary>
        public string Encode(SettlementStyle style)
        {
            if (style == SettlementStyle.UnionPay)
            {
                return Digits.Pad(DebitAmountMinor, 12) + Digits.Pad(DebitCount, 3) + Digits.Pad(CreditAmountMinor, 12) + Digits.Pad(CreditCount, 3);
            }

            return Digits.Pad(DebitCount, 3) + Digits.Pad(DebitAmountMinor, 12) + Digits.Pad(CreditCount, 3) + Digits.Pad(CreditAmountMinor, 12);
        }

        /// <summary>Reads a 30-digit block of style at text[offset]; false (totals unchanged) when it is not one.</summary>
        public bool TryDecode(string text, int offset, SettlementStyle style)
        {
            // Where each part starts: amount first (UnionPay) or count first (international).
            bool amountFirst = style == SettlementStyle.UnionPay;
            long dc = Digits.Parse(text, offset + (amountFirst ? 12 : 0), 3);
            long da = Digits.Parse(text, offset + (amountFirst ? 0 : 3), 12);
            long cc = Digits.Parse(text, offset + (amountFirst ? 27 : 15), 3);
            long ca = Digits.Parse(text, offset + (amountFirst ? 15 : 18), 12);
            if (dc < 0 || da < 0 || cc < 0 || ca < 0)
            {
                return false;
            }

            DebitCount = (int)dc;
            DebitAmountMinor = da;
            CreditCount = (int)cc;
            CreditAmountMinor = ca;
            return true;
        }
    }
}
