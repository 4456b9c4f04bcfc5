using PosFirmware.Security;

namespace PosFirmware.UnitTests.Support
{
    /// <summary>
    /// What a host sends in 0810 field 62: fixed clear test keys, each encrypted under the test
    /// terminal master key and followed by its KCV (PAYMENTS.md section 7).
    /// </summary>
    public static class SignOnKeys
    {
        public static readonly byte[] Tmk = Hex.Decode("11111111111111112222222222222222");
        public const string ClearPik = "0123456789ABCDEFFEDCBA9876543210";
        public const string ClearSinglePik = "0123456789ABCDEF";
        public const string ClearMak = "0123456789ABCDEF";
        public const string ClearTdk = "89ABCDEF0123456776543210FEDCBA98";

        public static string Wrap(string clearHex)
        {
            byte[] clear = Hex.Decode(clearHex);
            byte[] wrapped = new byte[clear.Length];
            DesModes.EncryptEcb(new DesKey(Tmk), clear, 0, clear.Length, wrapped, 0);
            return Hex.Encode(wrapped);
        }

        public static string Kcv(string clearHex)
        {
            byte[] kcv = new byte[4];
            KeyCheckValue.Compute(new DesKey(Hex.Decode(clearHex)), kcv, 0, 4);
            return Hex.Encode(kcv);
        }

        /// <summary>Field 62 in hex for a key format.</summary>
        public static string Field62(SignOnKeyFormat format)
        {
            if (format == SignOnKeyFormat.SingleLength)
            {
                return Wrap(ClearSinglePik) + Kcv(ClearSinglePik) + Wrap(ClearMak) + Kcv(ClearMak);
            }

            string f = Wrap(ClearPik) + Kcv(ClearPik) + Wrap(ClearMak) + "0000000000000000" + Kcv(ClearMak);
            return format == SignOnKeyFormat.DoubleLength ? f : f + Wrap(ClearTdk) + Kcv(ClearTdk);
        }
    }
}
