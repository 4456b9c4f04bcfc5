using PosFirmware.Common;
using PosFirmware.Messaging.Iso8583;

namespace PosFirmware.Messaging.Host
{
    /// <summary>
    /// A host answer in typed form: response code, auth code, RRN, the host's date and time,
    /// working keys (raw field 62, loaded with WorkingKeys.Load), issuer data, and for settlement the
    /// host's verdict and totals. Filled by ResponseReader; reused between exchanges.
    /// </summary>
    public sealed class HostResponse
    {
        public HostResponse()
        {
            HostTotals = new SettlementTotals();
        }

        public string Mti { get; private set; }

        /// <summary>Field 39, e.g. "00", "51", "A0".</summary>
        public string ResponseCode { get; private set; }

        /// <summary>Field 38 or null.</summary>
        public string AuthCode { get; private set; }

        /// <summary>Field 37 or null.</summary>
        public string Rrn { get; private set; }

        public string Stan { get; private set; }

        /// <summary>Field 4 in minor units, or -1 when absent (balance answers carry the balance in 54).</summary>
        public long AmountMinor { get; private set; }

        /// <summary>Field 54 (balances) or null.</summary>
        public string AdditionalAmounts { get; private set; }

        /// <summary>Fields 12 and 13 (hhmmss, MMDD) or null.</summary>
        public string HostTime { get; private set; }

        public string HostDate { get; private set; }

        /// <summary>Field 62 as bytes (the sign-on keys), or null.</summary>
        public byte[] KeyData { get; private set; }

        /// <summary>Field 55 (issuer authentication data, scripts) or null.</summary>
        public byte[] IssuerData { get; private set; }

        /// <summary>The verdict of a settlement answer; Unknown for anything else.</summary>
        public SettlementResult Settlement { get; private set; }

        /// <summary>The host's totals when the settlement answer carries them.</summary>
        public SettlementTotals HostTotals { get; private set; }

        /// <summary>True when HostTotals were read from this answer (UnionPay 48, international 63).</summary>
        public bool HasHostTotals { get; private set; }

        /// <summary>True for "00".</summary>
        public bool IsApproved
        {
            get { return ResponseCode == ResponseCodes.Approved; }
        }

        /// <summary>True for the codes after which the terminal must sign on again: 77, 99, A0.</summary>
        public bool RequiresSignOn
        {
            get { return ResponseCodes.AsksForSignOn(ResponseCode); }
        }

        internal void Fill(HostProfile profile, IsoMessage m)
        {
            Mti = m.Mti;
            ResponseCode = m.GetString(39);
            AuthCode = Trimmed(m.GetString(38));
            Rrn = Trimmed(m.GetString(37));
            Stan = m.GetString(11);
            string amount = m.GetString(4);
            AmountMinor = amount == null ? -1 : Digits.Parse(amount, 0, amount.Length);
            AdditionalAmounts = m.GetString(54);
            HostTime = m.GetString(12);
            HostDate = m.GetString(13);
            KeyData = m.GetBytes(62);
            IssuerData = m.GetBytes(55);
            HostTotals.Reset();
            HasHostTotals = false;
            Settlement = ReadSettlement(profile, m);
        }

        private SettlementResult ReadSettlement(HostProfile profile, IsoMessage m)
        {
            if (Mti != "0510")
            {
                return SettlementResult.Unknown;
            }

            if (profile.Settlement == SettlementStyle.UnionPay)
            {
                // Field 48: per block (domestic, then foreign) the host's totals, amount before count,
                // then its answer digit: 1 balanced, 2 not, 3 error. The foreign block counts too:
                // if the host says it is out of balance, the batch is.
                string f48 = m.GetString(48);
                if (f48 == null || f48.Length < SettlementTotals.BlockDigits + 1)
                {
                    return SettlementResult.Unknown;
                }

                if (!HostTotals.TryDecode(f48, 0, SettlementStyle.UnionPay))
                {
                    return SettlementResult.Unknown;
                }

                HasHostTotals = true;

                SettlementResult verdict = Verdict(f48[SettlementTotals.BlockDigits]);
                int foreignDigit = (2 * SettlementTotals.BlockDigits) + 1;
                if (verdict == SettlementResult.Balanced && f48.Length > foreignDigit)
                {
                    SettlementResult foreign = Verdict(f48[foreignDigit]);
                    if (foreign == SettlementResult.Unbalanced || foreign == SettlementResult.Error)
                    {
                        return foreign;
                    }
                }

                return verdict;
            }

            string f63 = m.GetString(63);
            if (f63 != null && f63.Length >= SettlementTotals.BlockDigits)
            {
                HasHostTotals = HostTotals.TryDecode(f63, 0, SettlementStyle.International);
            }

            return ResponseCode == ResponseCodes.Approved ? SettlementResult.Balanced : ResponseCode == ResponseCodes.NotBalanced ? SettlementResult.Unbalanced : SettlementResult.Error;
        }

        private static SettlementResult Verdict(char digit)
        {
            return digit == '1' ? SettlementResult.Balanced : digit == '2' ? SettlementResult.Unbalanced
                : digit == '3' ? SettlementResult.Error : SettlementResult.Unknown;
        }

        // Hosts pad RRN and auth code with spaces; the terminal keeps what they mean.
        private static string Trimmed(string s)
        {
            if (s == null)
            {
                return null;
            }

            int end = s.Length;
            while (end > 0 && s[end - 1] == ' ')
            {
                end--;
            }

            return end == s.Length ? s : s.Substring(0, end);
        }
    }
}
