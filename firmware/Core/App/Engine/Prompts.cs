using PosFirmware.Messaging.Host;
using PosFirmware.Payments.Outcomes;

namespace PosFirmware.App.Engine
{
    /// <summary>
    /// The texts of the engine's screens in English and 简体中文, each line at most 16 display
    /// columns (a test walks them), and the menus. Outcome screens take theirs from the catalog.
    /// </summary>
    public static class Prompts
    {
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

        /// <summary>The management menu, pages 2 and 3.</summary>
        public static readonly string[] ManagementItems =
        {
            "1 结算 SETTLE", "2 查询 LAST TXN", "3 重打印 REPRINT", "4 统计 TOTALS",
            "5 签到 SIGN ON", "6 签退 SIGN OFF", "7 回响 ECHO TEST",
        };

        public const int Settle = 1;
        public const int LastTransaction = 2;
        public const int Reprint = 3;
        public const int Totals = 4;
        public const int SignOn = 5;
        public const int SignOff = 6;
        public const int Echo = 7;

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
                    Set(s, "Enter PIN", "ENTER: no PIN", "请输入密码", "无密码按确认");
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

        /// <summary>The PIN screen after a wrong PIN (55): the same entry, with the host's words.</summary>
        public static Screen WrongPin(string masked)
        {
            Screen s = Prompt(ScreenId.EnterPin, TransactionType.Sale, masked);
            Outcome o = OutcomeCatalog.Get(155);
            s.English1 = o.English1;
            s.English2 = "Enter PIN again";
            s.Chinese1 = o.Chinese1;
            s.Chinese2 = "请重新输入密码";
            return s;
        }

        public static Screen ForOutcome(int code, string value)
        {
            Outcome o = OutcomeCatalog.Get(code);
            Screen s = new Screen();
            s.Id = ScreenId.Outcome;
            s.OutcomeCode = code;
            s.Value = value;
            if (o != null)
            {
                Set(s, o.English1, o.English2, o.Chinese1, o.Chinese2);
            }

            return s;
        }

        public static Screen Menu(int page)
        {
            Screen s = new Screen();
            s.Id = ScreenId.Menu;
            s.OutcomeCode = -1;
            s.Page = page;
            string[] all = page < 2 ? TransactionItems : ManagementItems;
            int first = (page % 2) * 4;
            int count = all.Length - first < 4 ? all.Length - first : 4;
            s.Items = new string[count];
            System.Array.Copy(all, first, s.Items, 0, count);
            Set(s, page < 2 ? "Transactions" : "Management", "", page < 2 ? "交易" : "管理", "");
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
