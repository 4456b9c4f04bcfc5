using PosFirmware.Devices;
using PosFirmware.App.Input;
using PosFirmware.Messaging.Host;

namespace PosFirmware.App.Engine
{
    /// <summary>
    /// Idle: the ready screen (or the notice of reversals the host confirmed), no timeout. ENTER
    /// starts a sale, FUNC opens the menu, a digit starts a sale with that digit typed.
    /// </summary>
    public sealed partial class TransactionEngine
    {
        // The STAN of a reversal the host just confirmed, until its notice is on flash (-1: none):
        // the idle screen of the same step says it; later ones find it due in the state.
        private int _reversalNotice = -1;

        private void ShowIdle()
        {
            // The transaction is over: nothing of the card or PIN outlives it (I7).
            ResetFlow();
            Enter(FlowWait.Idle, null);
            if (SayConfirmedReversals())
            {
                return;
            }

            Show(Prompts.Prompt(ScreenId.Idle, TransactionType.Sale, null));
        }

        private void OnIdleKey(KeyCode key)
        {
            if (key == KeyCode.Enter)
            {
                StartTransaction(TransactionType.Sale);
            }
            else if (key == KeyCode.Func)
            {
                ShowMenu(0);
            }
            else if (key >= KeyCode.Digit1 && key <= KeyCode.Digit9)
            {
                // Cash-register style: typing an amount at idle starts a sale with it.
                StartTransaction(TransactionType.Sale);
                OnAmountKey(key);
            }
        }
    }
}
