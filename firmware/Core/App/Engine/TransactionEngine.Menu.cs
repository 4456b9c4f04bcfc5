using PosFirmware.Devices;
using PosFirmware.App.Input;
using PosFirmware.Messaging.Host;
using PosFirmware.Payments.Rules;

namespace PosFirmware.App.Engine
{
    /// <summary>
    /// The menus (MenuTimeoutMs): the transaction pages, FUNC turning to the management pages and
    /// back; a digit starts a transaction or a management item. Settlement asks first (ConfirmSettle,
    /// a menu's question with the menu's timeout).
    /// </summary>
    public sealed partial class TransactionEngine
    {
        private int _menuPage;

        private void ShowMenu(int page)
        {
            _menuPage = page;
            Enter(FlowWait.Menu, Prompts.Menu(page));
        }

        private void OnMenuKey(KeyCode key)
        {
            if (key == KeyCode.Cancel)
            {
                ShowIdle();
                return;
            }

            if (key == KeyCode.Func)
            {
                ShowMenu(Prompts.NextMenuPage(_menuPage));
                return;
            }

            int n = (int)key;
            if (key > KeyCode.Digit9 || n < 1)
            {
                Beep(Tone.Refused);
                return;
            }

            if (Prompts.IsTransactionPage(_menuPage))
            {
                if (n <= Prompts.TransactionTypes.Length)
                {
                    StartTransaction(Prompts.TransactionTypes[n - 1]);
                    return;
                }
            }
            else if (n <= Prompts.ManagementItems.Length)
            {
                StartManagement(n);
                return;
            }

            Beep(Tone.Refused);
        }

        private void StartManagement(int item)
        {
            ResetFlow();
            switch (item)
            {
                case Prompts.Settle:
                    Enter(FlowWait.ConfirmSettle, Prompts.Prompt(ScreenId.ConfirmSettle, TransactionType.Sale, TotalsText(_state.Totals())));
                    break;
                case Prompts.LastTransaction:
                    ShowLast();
                    break;
                case Prompts.Reprint:
                    _reprint = true;
                    EnterTrace();
                    break;
                case Prompts.Totals:
                    ShowTotals();
                    break;
                case Prompts.SignOn:
                    GoOnline(Goal.SignOn);
                    break;
                case Prompts.SignOff:
                    GoOnline(Goal.SignOff);
                    break;
                case Prompts.ReversalSlip:
                    _reversalSlip = true;
                    EnterTrace();
                    break;
                default:
                    GoOnline(Goal.Echo);
                    break;
            }
        }

        private void OnConfirmSettleKey(KeyCode key)
        {
            if (key == KeyCode.Enter)
            {
                GoOnline(Goal.Settlement);
            }
            else if (key == KeyCode.Cancel)
            {
                ShowIdle();
            }
        }

        private void StartTransaction(TransactionType type)
        {
            ResetFlow();
            _type = type;
            if (TransactionRules.RefersToOriginal(type))
            {
                EnterTrace();
            }
            else if (type == TransactionType.Balance)
            {
                WaitCard();
            }
            else
            {
                EnterAmount();
            }
        }
    }
}
