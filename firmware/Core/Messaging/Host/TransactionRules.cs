namespace PosFirmware.Messaging.Host
{
    /// <summary>Facts about transaction types that do not depend on the host (PAYMENTS.md sections 2 and 4).</summary>
    public static class TransactionRules
    {
        /// <summary>How many transaction types there are (the size of per-type tables).</summary>
        public const int TypeCount = 8;

        /// <summary>
        /// True for the types a stored reversal protects: sale, void, pre-auth, pre-auth void,
        /// completion, completion void. Refund and balance inquiry are never reversed.
        /// </summary>
        public static bool IsReversible(TransactionType type)
        {
            return type != TransactionType.Balance && type != TransactionType.Refund;
        }

        /// <summary>True for the types that refer to an earlier transaction (field 61, and 37/38 where known).</summary>
        public static bool RefersToOriginal(TransactionType type)
        {
            return type == TransactionType.Void || type == TransactionType.Refund || type == TransactionType.PreAuthVoid
                || type == TransactionType.Completion || type == TransactionType.CompletionVoid;
        }

        /// <summary>True when the transaction moves money out of the cardholder's account (a debit in settlement totals).</summary>
        public static bool IsDebit(TransactionType type)
        {
            return type == TransactionType.Sale || type == TransactionType.Completion;
        }

        /// <summary>True when the transaction gives money back (a credit in settlement totals).</summary>
        public static bool IsCredit(TransactionType type)
        {
            return type == TransactionType.Refund;
        }

        /// <summary>
        /// The EMV transaction type (tag 9C) a card reader is given for the type: goods and services
        /// 00, pre-authorisation 03, refunds and voids 20, balance inquiry 31.
        /// </summary>
        public static byte EmvTransactionType(TransactionType type)
        {
            switch (type)
            {
                case TransactionType.Balance:
                    return 0x31;
                case TransactionType.PreAuth:
                    return 0x03;
                case TransactionType.Refund:
                case TransactionType.Void:
                case TransactionType.PreAuthVoid:
                case TransactionType.CompletionVoid:
                    return 0x20;
                default:
                    return 0x00;
            }
        }
    }
}
