using PosFirmware.App.Engine;
using PosFirmware.App.Input;
using PosFirmware.Common;
using PosFirmware.Messaging.Host;

namespace PosFirmware.App.Slips
{
    /// <summary>The batch totals report and the settlement slip (结算单), each line at most 32 columns.</summary>
    public static class Reports
    {
        /// <summary>when is MMDDhhmmss local, or null while the wall clock is not set; settled prints the settlement slip's title and verdict line.</summary>
        public static string[] Totals(EngineSetup setup, int batch, SettlementTotals t, string when, bool settled)
        {
            string[] lines = new string[settled ? 12 : 11];
            int n = 0;
            lines[n++] = SlipMarkup.Title + (settled ? "结算单 SETTLEMENT" : "交易统计 BATCH TOTALS");
            lines[n++] = TextColumns.Cut(setup.MerchantName, TextColumns.SlipLine);
            lines[n++] = "商户号 MID:" + setup.Identity.MerchantId;
            lines[n++] = "终端号 TID:" + setup.Identity.TerminalId;
            lines[n++] = "批次号 BATCH:" + Digits.Pad(batch, 6);
            lines[n++] = "时间 TIME:" + (when == null || when.Length != 10 ? SlipBuilder.TimeNotSet : when.Substring(0, 2) + "/" + when.Substring(2, 2) + " " + when.Substring(4, 2) + ":" + when.Substring(6, 2));
            lines[n++] = "借记 DEBITS:  " + t.DebitCount;
            lines[n++] = "  " + AmountEntry.Format(t.DebitAmountMinor);
            lines[n++] = "贷记 CREDITS: " + t.CreditCount;
            lines[n++] = "  -" + AmountEntry.Format(t.CreditAmountMinor);
            lines[n++] = "净额 NET: " + Net(t.DebitAmountMinor - t.CreditAmountMinor);
            if (settled)
            {
                lines[n++] = "结算完成 BATCH CLOSED";
            }

            return lines;
        }

        private static string Net(long minor)
        {
            return minor < 0 ? "-" + AmountEntry.Format(-minor) : AmountEntry.Format(minor);
        }
    }
}
