namespace PosFirmware.Messaging.Host
{
    /// <summary>
    /// How one transaction type is coded for one host: MTI, processing code (field 3), condition
    /// code (field 25) and, for UnionPay, the type code of field 60.1 (PAYMENTS.md section 2).
    /// </summary>
    public sealed class TransactionCodes
    {
        public TransactionCodes(string mti, string processingCode, string conditionCode, string typeCode)
        {
            Mti = mti;
            ProcessingCode = processingCode;
            ConditionCode = conditionCode;
            TypeCode = typeCode;
        }

        public string Mti { get; private set; }

        public string ProcessingCode { get; private set; }

        public string ConditionCode { get; private set; }

        /// <summary>Field 60.1 (two digits); used by hosts with the UnionPay field 60.</summary>
        public string TypeCode { get; private set; }
    }
}
