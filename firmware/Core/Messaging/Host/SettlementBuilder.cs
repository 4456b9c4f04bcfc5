using PosFirmware.Common;
using PosFirmware.Messaging.Iso8583;

namespace PosFirmware.Messaging.Host
{
    /// <summary>
    /// Builds the reconciliation messages of PAYMENTS.md section 5 and of "UnionPay settlement rules"
    /// in Messaging/Host/README.md: settlement (0500), one batch upload message per transaction (0320)
    /// and the batch end. UnionPay: totals in field 48 (the 30-digit domestic block, amount before
    /// count, its answer digit, then the foreign block and its digit), 60.3 = 201; uploads 201 (203 /
    /// 205 for contact chip); batch end 0320 with 60.3 = 207 after a balanced settlement or 202 after
    /// an unbalanced one, the count of uploaded transactions in 48. International: totals in 63, batch
    /// in 60, settlement 920000 and, after an upload, 960000 as the batch end.
    /// </summary>
    public static class SettlementBuilder
    {
        /// <summary>Digits of UnionPay's settlement field 48: two totals blocks, each with its answer digit.</summary>
        public const int UnionPayField48Digits = 2 * (SettlementTotals.BlockDigits + 1);

        public static BuildStatus Settlement(HostProfile profile, TerminalIdentity identity, int stan, int batch, SettlementTotals totals, IsoMessage message)
        {
            BuildStatus s = NetworkBuilder.Build(profile, profile.SettlementRequest, identity, stan, batch, message);
            if (s != BuildStatus.Ok)
            {
                return s;
            }

            SetTotals(profile, batch, totals, message);
            return BuildStatus.Ok;
        }

        /// <summary>True when entry is uploaded after a settlement that was balanced or not (HostProfile.UploadCodes).</summary>
        public static bool Uploads(HostProfile profile, BatchEntry entry, bool balanced)
        {
            return entry != null && profile.UploadCodes(entry.Entry, balanced) != null;
        }

        /// <summary>
        /// One approved transaction of the batch, for the host to rebuild its side when the totals
        /// differed (or, UnionPay, a chip transaction's upload after a balanced settlement). Its own
        /// STAN; the original's trace in 61 (UnionPay: batch + STAN + date) or 60 (international:
        /// original MTI + STAN + RRN, as NLD sends it). No PAN and no field 55: the batch keeps
        /// neither (I7; see the README's rules for what published terminals send).
        /// </summary>
        public static BuildStatus BatchUpload(HostProfile profile, TerminalIdentity identity, int stan, int batch, BatchEntry entry, bool balanced, IsoMessage message)
        {
            message.Clear();
            NetworkCodes codes = entry == null ? null : profile.UploadCodes(entry.Entry, balanced);
            if (codes == null)
            {
                return BuildStatus.NotUploaded;
            }

            BuildStatus s = NetworkBuilder.Build(profile, codes, identity, stan, batch, message);
            if (s != BuildStatus.Ok)
            {
                return s;
            }

            if (!RequestBuilder.TraceIsValid(entry.Stan, entry.Batch) || entry.AmountMinor <= 0 || entry.AmountMinor > FieldLimits.MaxAmountMinor)
            {
                return BuildStatus.BadTrace;
            }

            TransactionCodes original = profile.Codes(entry.Type);
            message.Set(3, original.ProcessingCode);
            message.Set(4, Digits.Pad(entry.AmountMinor, 12));
            RequestBuilder.SetLocalTime(profile, entry.LocalTime, entry.LocalDate, message);
            message.Set(22, Digits.Pad((int)entry.Entry, 2) + "0");
            message.Set(25, original.ConditionCode);
            if (entry.Rrn != null)
            {
                message.Set(37, entry.Rrn);
            }

            if (entry.AuthCode != null)
            {
                message.Set(38, entry.AuthCode);
            }

            message.Set(49, profile.CurrencyCode);
            if (profile.UnionPayFields)
            {
                // 60.1 carries the original's type so the host knows what it is reading.
                message.Set(60, original.TypeCode + Digits.Pad(batch, 6) + codes.ManagementCode);
                string date = entry.LocalDate != null && entry.LocalDate.Length == 4 ? entry.LocalDate : "";
                message.Set(61, Digits.Pad(entry.Batch, 6) + Digits.Pad(entry.Stan, 6) + date);
            }
            else
            {
                string rrn = entry.Rrn != null && entry.Rrn.Length == 12 ? entry.Rrn : "            ";
                message.Set(60, original.Mti + Digits.Pad(entry.Stan, 6) + rrn);
            }

            return BuildStatus.Ok;
        }

        /// <summary>
        /// The end of a batch upload: UnionPay 0320 with 60.3 = 207 (balanced) or 202 (unbalanced)
        /// and the uploaded count in 48; international the closing settlement (960000) with the
        /// totals again, after an unbalanced settlement only.
        /// </summary>
        public static BuildStatus BatchEnd(HostProfile profile, TerminalIdentity identity, int stan, int batch, int uploadedCount, bool balanced, SettlementTotals totals, IsoMessage message)
        {
            message.Clear();
            NetworkCodes codes = profile.BatchEndCodes(balanced);
            if (codes == null)
            {
                return BuildStatus.NotUploaded;
            }

            if (uploadedCount < 0 || uploadedCount > 9999)
            {
                return BuildStatus.BadTrace;
            }

            BuildStatus s = NetworkBuilder.Build(profile, codes, identity, stan, batch, message);
            if (s != BuildStatus.Ok)
            {
                return s;
            }

            if (profile.Settlement == SettlementStyle.UnionPay)
            {
                message.Set(48, Digits.Pad(uploadedCount, 4));
            }
            else
            {
                SetTotals(profile, batch, totals, message);
            }

            return BuildStatus.Ok;
        }

        private static void SetTotals(HostProfile profile, int batch, SettlementTotals totals, IsoMessage message)
        {
            if (profile.Settlement == SettlementStyle.UnionPay)
            {
                // Domestic totals, answer digit 0 (the host fills it), no foreign-card totals: the
                // terminal takes only CNY, so every card counts as domestic.
                message.Set(48, totals.Encode(SettlementStyle.UnionPay) + "0" + Digits.Pad(0, SettlementTotals.BlockDigits) + "0");
                message.Set(49, profile.CurrencyCode);
            }
            else
            {
                message.Set(60, Digits.Pad(batch, 6));
                message.Set(63, totals.Encode(SettlementStyle.International));
            }
        }
    }
}
