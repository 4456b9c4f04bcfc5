namespace PosFirmware.Messaging.Host
{
    /// <summary>
    /// How one network-management or reconciliation message is coded for one host: MTI,
    /// processing code (null when the host sends none) and management code, which UnionPay carries
    /// in field 60.3 and international hosts in field 70.
    /// </summary>
    public sealed class NetworkCodes
    {
        public NetworkCodes(string mti, string processingCode, string managementCode)
        {
            Mti = mti;
            ProcessingCode = processingCode;
            ManagementCode = managementCode;
        }

        public string Mti { get; private set; }

        public string ProcessingCode { get; private set; }

        public string ManagementCode { get; private set; }
    }
}
