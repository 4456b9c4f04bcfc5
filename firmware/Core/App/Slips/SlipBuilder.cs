using PosFirmware.App.Input;
using PosFirmware.Common;
using PosFirmware.Devices;
using PosFirmware.Messaging.Host;
using PosFirmware.Payments.Outcomes;

namespace PosFirmware.App.Slips
{
    /// <summary>
    /// The lines of a transaction slip (签购单) in English and 简体中文, each at most 32 columns (a
    /// 58 mm printer): header, copy, merchant and terminal, card (masked), type, trace, batch, time,
    /// reference, auth code, amount, the outcome line (with the host's raw response code beside it)
    /// and the next step from the outcome catalog, and the signature line on the merchant copy of an
    /// approval. A reversal confirmation (ReversalConfirmed) is titled so and gives the original's
    /// time and the confirmation's. The printer driver lays them out.
    /// </summary>
    public static class SlipBuilder
    {
        /// <summary>What slips and reports print for the time while the wall clock is not set.</summary>
        public const string TimeNotSet = "未设置 NOT SET";

        public static string[] Lines(SlipData d, SlipCopy copy)
        {
            Outcome outcome = OutcomeCatalog.Get(d.OutcomeCode);
            if (outcome == null)
            {
                outcome = OutcomeCatalog.Get(OutcomeCodes.HostUnknownCode);
            }

            bool approved = outcome.Kind == OutcomeKind.Approved;
            bool reversal = outcome.Code == OutcomeCodes.ReversalConfirmed;
            string[] lines = new string[26];
            int n = 0;
            lines[n++] = SlipMarkup.Title + (reversal ? "冲正凭证 REVERSAL CONFIRMATION" : "银联POS签购单 POS SALES SLIP");
            lines[n++] = copy == SlipCopy.Merchant ? "商户存根 MERCHANT COPY" : "持卡人存根 CARDHOLDER COPY";
            if (d.Reprint)
            {
                lines[n++] = "重打印 REPRINT";
            }

            // Merchant names come from configuration: cut to the line rather than overflow it.
            lines[n++] = TextColumns.Cut(d.MerchantName, TextColumns.SlipLine);
            lines[n++] = "商户号 MID:" + Text(d.MerchantId);
            lines[n++] = "终端号 TID:" + Text(d.TerminalId);
            lines[n++] = "卡号 CARD:" + Text(d.MaskedPan);
            if (!reversal && d.Entry != SlipData.EntryNotKnown)
            {
                lines[n++] = "方式 ENTRY:" + EntryName(d.Entry);
            }

            lines[n++] = TypeName(d.Type);
            lines[n++] = "凭证号 TRACE:" + Digits.Pad(d.Stan, 6);
            lines[n++] = "批次号 BATCH:" + Digits.Pad(d.Batch, 6);
            if (reversal)
            {
                // Both times: when the money was taken, and when the host confirmed it went back.
                lines[n++] = "原时间 ORIG TIME:" + TimeText(d.When);
                lines[n++] = "冲正时间 REV TIME:" + TimeText(d.ConfirmedWhen);
            }
            else if (d.When != null && d.When.Length == 10)
            {
                lines[n++] = "时间 TIME:" + d.When.Substring(0, 2) + "/" + d.When.Substring(2, 2) + " " + d.When.Substring(4, 2) + ":" + d.When.Substring(6, 2) + ":" + d.When.Substring(8, 2);
            }
            else if (d.TimeNotSet)
            {
                lines[n++] = "时间 TIME:" + TimeNotSet;
            }

            if (d.Rrn != null)
            {
                lines[n++] = "参考号 REF:" + d.Rrn;
            }

            if (d.AuthCode != null)
            {
                lines[n++] = "授权码 AUTH:" + d.AuthCode;
            }

            if (d.Type != TransactionType.Balance)
            {
                bool credit = !reversal && d.Type == TransactionType.Refund || d.Type == TransactionType.Void || d.Type == TransactionType.CompletionVoid || d.Type == TransactionType.PreAuthVoid;
                lines[n++] = SlipMarkup.Emphasis + "金额 AMT:RMB " + (credit ? "-" : "") + AmountEntry.Format(d.AmountMinor);
            }

            lines[n++] = WithCode(outcome.ChineseSlip, approved ? null : d.ResponseCode);
            lines[n++] = WithCode(outcome.EnglishSlip, approved ? null : d.ResponseCode);
            lines[n++] = outcome.ChineseNext;
            lines[n++] = outcome.EnglishNext;
            lines[n++] = "NO." + outcome.Code;
            if (d.Rrn != null)
            {
                // The reference as a QR code: the acquirer's help desk scans it instead of typing.
                lines[n++] = SlipMarkup.Qr + "TID:" + Text(d.TerminalId) + " BATCH:" + Digits.Pad(d.Batch, 6) + " TRACE:" + Digits.Pad(d.Stan, 6) + " REF:" + d.Rrn;
            }
            if (approved && copy == SlipCopy.Merchant && d.Type != TransactionType.Balance)
            {
                lines[n++] = "持卡人签名 CARDHOLDER SIGNATURE";
                lines[n++] = "";
                lines[n++] = "本人确认以上交易 I AGREE";
            }

            string[] result = new string[n];
            System.Array.Copy(lines, result, n);
            return result;
        }

        /// <summary>The slip line with "(code)" after it, unless it names the code already (the catalog's own).</summary>
        private static string WithCode(string line, string rc)
        {
            if (rc == null || line.IndexOf("(" + rc + ")") >= 0)
            {
                return line;
            }

            return TextColumns.Cut(line, TextColumns.SlipLine - rc.Length - 3) + " (" + rc + ")";
        }

        /// <summary>MMDDhhmmss as "MM/DD hh:mm:ss", or "-" when not known.</summary>
        private static string TimeText(string when)
        {
            if (when == null || when.Length != 10)
            {
                return "-";
            }

            return when.Substring(0, 2) + "/" + when.Substring(2, 2) + " " + when.Substring(4, 2) + ":" + when.Substring(6, 2) + ":" + when.Substring(8, 2);
        }

        private static string Text(string s)
        {
            return s == null ? "" : s;
        }

        private static string EntryName(PosEntryMode entry)
        {
            switch (entry)
            {
                case PosEntryMode.Contactless:
                    return "挥卡 TAP";
                case PosEntryMode.Swipe:
                    return "刷卡 SWIPE";
                case PosEntryMode.Chip:
                    return "插卡 CHIP";
                case PosEntryMode.Manual:
                    return "手输 MANUAL";
                default:
                    // A mode this slip has no words for: its ISO 8583 number (field 22), never a guess.
                    return ((int)entry).ToString();
            }
        }

        private static string TypeName(TransactionType type)
        {
            switch (type)
            {
                case TransactionType.Balance:
                    return "余额查询 BALANCE";
                case TransactionType.Sale:
                    return "消费 SALE";
                case TransactionType.Void:
                    return "消费撤销 VOID";
                case TransactionType.Refund:
                    return "退货 REFUND";
                case TransactionType.PreAuth:
                    return "预授权 PRE-AUTH";
                case TransactionType.PreAuthVoid:
                    return "预授权撤销 PRE-AUTH VOID";
                case TransactionType.Completion:
                    return "预授权完成 COMPLETION";
                default:
                    return "完成撤销 COMPLETION VOID";
            }
        }
    }
}
