using PosFirmware.App.Engine;
using PosFirmware.App.Input;
using PosFirmware.Common;
using PosFirmware.Devices;
using PosFirmware.Messaging.Host;
using PosFirmware.Payments.State;

namespace PosFirmware.App.Slips
{
    /// <summary>
    /// The batch totals report and the settlement slip (结算单), each line at most 32 columns. Both
    /// list what the merchant still has to settle by hand: reversals whose retries ran out and
    /// offline advices the host never took, until the batch that holds them is settled.
    /// </summary>
    public static class Reports
    {
        /// <summary>when is MMDDhhmmss local, or null while the wall clock is not set; settled prints the settlement slip's title and verdict line.</summary>
        public static string[] Totals(EngineSetup setup, int batch, SettlementTotals t, string when, bool settled)
        {
            return Totals(setup, batch, t, when, settled, null);
        }

        /// <summary>As above, with the manual reversals, refunds of unknown result and failed advices of state (or none for null).</summary>
        public static string[] Totals(EngineSetup setup, int batch, SettlementTotals t, string when, bool settled, TerminalState state)
        {
            int manual = state == null ? 0 : state.ManualCount;
            int failed = FailedAdvices(state);
            int refunds = state == null ? 0 : state.ManualRefundCount;
            int manualMore = state == null ? 0 : state.ManualOverflow;
            int refundsMore = state == null ? 0 : state.ManualRefundOverflow;
            int extra = (manual > 0 ? manual + 1 : 0) + (failed > 0 ? failed + 1 : 0) + (refunds > 0 ? refunds + 1 : 0)
                + (manualMore > 0 ? 2 : 0) + (refundsMore > 0 ? 2 : 0);
            string[] lines = new string[(settled ? 12 : 11) + extra];
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
            lines[n++] = "  " + Net(-t.CreditAmountMinor);
            lines[n++] = "净额 NET: " + Net(t.DebitAmountMinor - t.CreditAmountMinor);
            if (manual > 0)
            {
                lines[n++] = "冲正失败 MANUAL REVERSALS: " + (manual + manualMore);
                for (int i = 0; i < manual; i++)
                {
                    PendingReversal r = state.ManualAt(i);
                    lines[n++] = "  " + Digits.Pad(r.Stan, 6) + " " + AmountEntry.Format(r.AmountMinor);
                }

                n = More(lines, n, manualMore);
            }

            if (refunds > 0)
            {
                // Refunds whose result the host never gave: the merchant must not redo them blind.
                lines[n++] = "退货结果未知 REFUNDS UNKNOWN: " + (refunds + refundsMore);
                for (int i = 0; i < refunds; i++)
                {
                    PendingRefund r = state.ManualRefundAt(i);
                    lines[n++] = "  " + Digits.Pad(r.Stan, 6) + " -" + AmountEntry.Format(r.AmountMinor);
                }

                n = More(lines, n, refundsMore);
            }

            if (failed > 0)
            {
                lines[n++] = "通知未上送 ADVICES NOT SENT: " + failed;
                for (int i = 0; i < state.AdviceCount; i++)
                {
                    PendingAdvice a = state.AdviceAt(i);
                    if (a.Failed)
                    {
                        lines[n++] = "  " + Digits.Pad(a.Stan, 6) + " " + AmountEntry.Format(a.AmountMinor);
                    }
                }
            }
            if (settled)
            {
                lines[n++] = "结算完成 BATCH CLOSED";
            }

            return lines;
        }

        // The older entries a full list no longer holds: counted, so none leaves the report silently
        // (each is in the event log and on its own slip).
        private static int More(string[] lines, int n, int more)
        {
            if (more > 0)
            {
                lines[n++] = "  +" + more + " more, see log";
                lines[n++] = "  另有" + more + "笔 见日志";
            }

            return n;
        }

        private static int FailedAdvices(TerminalState state)
        {
            int failed = 0;
            for (int i = 0; state != null && i < state.AdviceCount; i++)
            {
                if (state.AdviceAt(i).Failed)
                {
                    failed++;
                }
            }

            return failed;
        }

        // A signed amount: "-" only below zero (credits of zero print "0.00", not "-0.00").
        private static string Net(long minor)
        {
            return minor < 0 ? "-" + AmountEntry.Format(-minor) : AmountEntry.Format(minor);
        }
    }
}
