using PosFirmware.Common;
using PosFirmware.Devices;
using PosFirmware.Messaging.Host;
using PosFirmware.Payments.Outcomes;
using PosFirmware.Payments.State;

namespace PosFirmware.App.Engine
{
    /// <summary>
    /// The texts of the engine's screens in English and 简体中文, each line at most 16 display
    /// columns (a test walks them), and the menus. Outcome screens take theirs from the catalog and
    /// add the code the merchant quotes to the bank on the fourth row.
    /// </summary>
    public static class Prompts
    {
        /// <summary>Items on one menu page: the display's four item rows.</summary>
        public const int MenuItemsPerPage = 4;

        /// <summary>The transaction menu's pages (0 and 1); the management menu's follow them.</summary>
        public const int TransactionMenuPages = 2;

        /// <summary>Every page of both menus: FUNC turns to the next, after the last back to the first.</summary>
        public const int MenuPages = 4;

        /// <summary>The transaction menu, pages 0 and 1: key n picks TransactionItems[n-1].</summary>
        public static readonly string[] TransactionItems =
        {
            "1 消费 SALE", "2 撤销 VOID", "3 退货 REFUND", "4 查余额 BALANCE",
            "5 预授权 PREAUTH", "6授权撤销 PAVOID", "7授权完成 PACOMP", "8完成撤销 CPVOID",
        };

        /// <summary>The types behind TransactionItems, in order.</summary>
        public static readonly TransactionType[] TransactionTypes =
        {
            TransactionType.Sale, TransactionType.Void, TransactionType.Refund, TransactionType.Balance,
            TransactionType.PreAuth, TransactionType.PreAuthVoid, TransactionType.Completion, TransactionType.CompletionVoid,
        };

        /// <summary>The management menu, pages 2 and 3: key n picks ManagementItems[n-1].</summary>
        public static readonly string[] ManagementItems =
        {
            "1 结算 SETTLE", "2 查询 LAST TXN", "3 重打印 REPRINT", "4 统计 TOTALS",
            "5 签到 SIGN ON", "6 签退 SIGN OFF", "7 回响 ECHO TEST", "8冲正单 REV SLIP",
        };

        public const int Settle = 1;
        public const int LastTransaction = 2;
        public const int Reprint = 3;
        public const int Totals = 4;
        public const int SignOn = 5;
        public const int SignOff = 6;
        public const int Echo = 7;
        /// <summary>Prints the confirmation slip of the last reversal the host confirmed.</summary>
        public const int ReversalSlip = 8;

        public static Screen Prompt(ScreenId id, TransactionType type, string value)
        {
            Screen s = new Screen();
            s.Id = id;
            s.Value = value;
            s.OutcomeCode = -1;
            switch (id)
            {
                case ScreenId.Starting:
                    Set(s, "Signing on", "Please wait", "签到中", "请稍候");
                    break;
                case ScreenId.Idle:
                    Set(s, "READY", "ENTER sale/FUNC", "欢迎使用", "确认键 消费");
                    break;
                case ScreenId.EnterTrace:
                    Set(s, Title(type), "Trace number?", TitleZh(type), "请输入原凭证号");
                    break;
                case ScreenId.EnterAmount:
                    Set(s, Title(type), "Amount?", TitleZh(type), "请输入金额");
                    break;
                case ScreenId.PresentCard:
                    Set(s, Title(type), "Tap or swipe", TitleZh(type), "请挥卡或刷卡");
                    break;
                case ScreenId.EnterPin:
                    if (type == TransactionType.Balance)
                    {
                        // A balance is never made without the PIN: ENTER alone is refused, so not offered.
                        Set(s, "Enter PIN", "PIN required", "请输入密码", "需要输入密码");
                    }
                    else
                    {
                        Set(s, "Enter PIN", "ENTER: no PIN", "请输入密码", "无密码按确认");
                    }

                    break;
                case ScreenId.Processing:
                    Set(s, "Processing", "Please wait", "处理中", "请稍候");
                    break;
                case ScreenId.ConfirmSettle:
                    Set(s, "Settle batch?", "ENTER to settle", "结算", "按确认键结算");
                    break;
                case ScreenId.Totals:
                    Set(s, "Batch totals", "ENTER to print", "交易统计", "按确认键打印");
                    break;
                case ScreenId.Balance:
                    Set(s, "Balance", "", "余额", "");
                    break;
                default:
                    Set(s, "Last txn", "ENTER reprint", "最后一笔", "按确认键重打");
                    break;
            }

            return s;
        }

        /// <summary>
        /// The last-transaction screen's title with the transaction's local time (when: MMDDhhmmss),
        /// "Last 12/31 23:59" in 16 columns, or that the time was not set (when null).
        /// </summary>
        public static void LastTitle(Screen s, string when)
        {
            if (when == null || when.Length != 10)
            {
                s.English1 = "Last: time unset";
                s.Chinese1 = "末笔 时间未设置";
                return;
            }

            string t = when.Substring(0, 2) + "/" + when.Substring(2, 2) + " " + when.Substring(4, 2) + ":" + when.Substring(6, 2);
            s.English1 = "Last " + t;
            s.Chinese1 = "末笔 " + t;
        }

        /// <summary>The PIN screen after a wrong PIN (55): the same entry, with the host's words and code.</summary>
        public static Screen WrongPin(string masked)
        {
            Screen s = Prompt(ScreenId.EnterPin, TransactionType.Sale, masked);
            Outcome o = OutcomeCatalog.Get(155);
            // The code goes in the title: the last row is the PIN's, which must never be hidden.
            s.English1 = WithCode(o.English2, o.ResponseCode);
            s.English2 = "Enter PIN again";
            s.Chinese1 = WithCode(o.Chinese2, o.ResponseCode);
            s.Chinese2 = "请重新输入密码";
            s.ResponseCode = o.ResponseCode;
            return s;
        }

        public static Screen ForOutcome(int code, string value)
        {
            return ForOutcome(code, null, value);
        }

        /// <summary>
        /// An outcome on all four rows: what happened, why, what to do next, and the code: the host's
        /// raw response code (responseCode, or the catalog's; a code the catalog does not know shows
        /// as received) or, for a local outcome, its number. Approvals show the amount instead.
        /// </summary>
        public static Screen ForOutcome(int code, string responseCode, string value)
        {
            Outcome o = OutcomeCatalog.Get(code);
            Screen s = new Screen();
            s.Id = ScreenId.Outcome;
            s.OutcomeCode = code;
            s.Value = value;
            if (o != null)
            {
                Set(s, o.English1, o.English2, o.Chinese1, o.Chinese2);
                s.English3 = o.English3;
                s.Chinese3 = o.Chinese3;
                SetCode(s, o, responseCode);
            }

            return s;
        }

        private static void SetCode(Screen s, Outcome o, string responseCode)
        {
            if (o.Kind == OutcomeKind.Approved)
            {
                return;
            }

            string rc = responseCode != null ? responseCode : o.ResponseCode;
            if (rc != null || o.Code == OutcomeCodes.HostUnknownCode)
            {
                s.ResponseCode = rc;
                s.English4 = "Code " + (rc == null ? "?" : rc);
                s.Chinese4 = "应答码 " + (rc == null ? "?" : rc);
                return;
            }

            s.English4 = "NO." + o.Code;
            s.Chinese4 = s.English4;
        }

        /// <summary>
        /// The last-transaction lookup: what happened with its code, why (or where its reversal
        /// stands: pending, confirmed with the confirmation time, manual handling), then trace and amount.
        /// </summary>
        public static Screen Last(LastTransaction t, string value)
        {
            Screen s = Prompt(ScreenId.LastTransaction, t.Type, value);
            s.OutcomeCode = t.OutcomeCode;
            s.ResponseCode = t.ResponseCode;
            Outcome o = OutcomeCatalog.Get(t.OutcomeCode);
            if (o == null)
            {
                o = OutcomeCatalog.Get(OutcomeCodes.HostUnknownCode);
            }

            string rc = o.Kind == OutcomeKind.Declined ? t.ResponseCode : null;
            s.English2 = WithCode(o.English1, rc);
            s.Chinese2 = WithCode(o.Chinese1, rc);
            s.English3 = o.English2 == null || o.English2.Length == 0 ? "ENTER reprint" : o.English2;
            s.Chinese3 = o.Chinese2 == null || o.Chinese2.Length == 0 ? "按确认键重打" : o.Chinese2;
            switch (t.Reversal)
            {
                case ReversalState.Pending:
                    s.English3 = "Reversal pending";
                    s.Chinese3 = "冲正处理中";
                    break;
                case ReversalState.Done:
                    s.English2 = "Rev. confirmed";
                    s.Chinese2 = "冲正已确认";
                    s.English3 = WhenText(t.ReversalWhen);
                    s.Chinese3 = s.English3;
                    break;
                case ReversalState.ManualHandling:
                    s.English3 = "Manual handling";
                    s.Chinese3 = "冲正失败 需人工";
                    break;
            }

            return s;
        }

        /// <summary>The idle screen right after the host confirmed a pending reversal (shown once).</summary>
        /// <summary>
        /// The idle screen naming the count confirmed reversals of stans (oldest first): one with its
        /// trace and where its slip is; several by their traces, two a line (the last four when more).
        /// </summary>
        public static Screen IdleReversalConfirmed(int[] stans, int count)
        {
            Screen s = Prompt(ScreenId.Idle, TransactionType.Sale, null);
            s.English2 = "Rev. confirmed";
            s.Chinese2 = "冲正已确认";
            s.English4 = "Slip: menu 8";
            s.Chinese4 = "凭条:管理菜单8";
            s.OutcomeCode = OutcomeCodes.ReversalConfirmed;
            if (count == 1)
            {
                s.English3 = "Trace " + Digits.Pad(stans[0], 6);
                s.Chinese3 = "凭证号 " + Digits.Pad(stans[0], 6);
                return s;
            }

            int first = count > 4 ? count - 4 : 0;
            s.English3 = Traces(stans, first, count > first + 2 ? first + 2 : count);
            s.Chinese3 = s.English3;
            if (count > first + 2)
            {
                s.English4 = Traces(stans, first + 2, count);
                s.Chinese4 = s.English4;
            }

            return s;
        }

        // The traces of stans[from..to) with a space between (16 columns hold two).
        private static string Traces(int[] stans, int from, int to)
        {
            string t = Digits.Pad(stans[from], 6);
            for (int i = from + 1; i < to; i++)
            {
                t += " " + Digits.Pad(stans[i], 6);
            }

            return t;
        }

        /// <summary>text with " (code)" after it where the row has room, else "(code)", else text alone.</summary>
        private static string WithCode(string text, string rc)
        {
            if (rc == null)
            {
                return text;
            }

            if (TextColumns.Of(text) + rc.Length + 3 <= TextColumns.DisplayLine)
            {
                return text + " (" + rc + ")";
            }

            return TextColumns.Of(text) + rc.Length + 2 <= TextColumns.DisplayLine ? text + "(" + rc + ")" : text;
        }

        /// <summary>MMDDhhmmss as "MM/DD hh:mm:ss" ("" when unknown).</summary>
        private static string WhenText(string when)
        {
            if (when == null || when.Length != 10)
            {
                return "";
            }

            return when.Substring(0, 2) + "/" + when.Substring(2, 2) + " " + when.Substring(4, 2) + ":" + when.Substring(6, 2) + ":" + when.Substring(8, 2);
        }

        /// <summary>True for a page of the transaction menu, false for one of the management menu.</summary>
        public static bool IsTransactionPage(int page)
        {
            return page < TransactionMenuPages;
        }

        /// <summary>The page FUNC turns to: the next, after the management menu's last the first.</summary>
        public static int NextMenuPage(int page)
        {
            return (page + 1) % MenuPages;
        }

        /// <summary>Page page of the menus (0 to MenuPages - 1): its title and up to MenuItemsPerPage items.</summary>
        public static Screen Menu(int page)
        {
            Screen s = new Screen();
            s.Id = ScreenId.Menu;
            s.OutcomeCode = -1;
            s.Page = page;
            bool transactions = IsTransactionPage(page);
            string[] all = transactions ? TransactionItems : ManagementItems;
            int first = (transactions ? page : page - TransactionMenuPages) * MenuItemsPerPage;
            int count = all.Length - first < MenuItemsPerPage ? all.Length - first : MenuItemsPerPage;
            s.Items = new string[count];
            System.Array.Copy(all, first, s.Items, 0, count);
            Set(s, transactions ? "Transactions" : "Management", "", transactions ? "交易" : "管理", "");
            return s;
        }

        public static string Title(TransactionType type)
        {
            switch (type)
            {
                case TransactionType.Balance:
                    return "BALANCE";
                case TransactionType.Sale:
                    return "SALE";
                case TransactionType.Void:
                    return "VOID";
                case TransactionType.Refund:
                    return "REFUND";
                case TransactionType.PreAuth:
                    return "PRE-AUTH";
                case TransactionType.PreAuthVoid:
                    return "PRE-AUTH VOID";
                case TransactionType.Completion:
                    return "COMPLETION";
                default:
                    return "COMPLETION VOID";
            }
        }

        public static string TitleZh(TransactionType type)
        {
            switch (type)
            {
                case TransactionType.Balance:
                    return "余额查询";
                case TransactionType.Sale:
                    return "消费";
                case TransactionType.Void:
                    return "消费撤销";
                case TransactionType.Refund:
                    return "退货";
                case TransactionType.PreAuth:
                    return "预授权";
                case TransactionType.PreAuthVoid:
                    return "预授权撤销";
                case TransactionType.Completion:
                    return "预授权完成";
                default:
                    return "完成撤销";
            }
        }

        private static void Set(Screen s, string english1, string english2, string chinese1, string chinese2)
        {
            s.English1 = english1;
            s.English2 = english2;
            s.Chinese1 = chinese1;
            s.Chinese2 = chinese2;
        }
    }
}
