using PosFirmware.Devices;
using PosFirmware.App.Input;
using PosFirmware.Payments.Outcomes;

namespace PosFirmware.App.Engine
{
    /// <summary>The amount, cash-register style (AmountEntryTimeoutMs, restarted by every key).</summary>
    public sealed partial class TransactionEngine
    {
        private readonly AmountEntry _amountEntry;

        private void EnterAmount()
        {
            _amountEntry.Reset();
            Enter(FlowWait.Amount, Prompts.Prompt(ScreenId.EnterAmount, _type, AmountEntry.Format(0)));
        }

        private void OnAmountKey(KeyCode key)
        {
            EntryResult r = _amountEntry.Key(key);
            switch (r)
            {
                case EntryResult.Cancelled:
                    ShowOutcome(OutcomeCodes.Cancelled, false);
                    return;
                case EntryResult.Refused:
                    Beep(Tone.Refused);
                    return;
                case EntryResult.Confirmed:
                    _amount = _amountEntry.AmountMinor;
                    WaitCard();
                    return;
                default:
                    Beep(Tone.Key);
                    Enter(FlowWait.Amount, Prompts.Prompt(ScreenId.EnterAmount, _type, AmountEntry.Format(_amountEntry.AmountMinor)));
                    return;
            }
        }
    }
}
