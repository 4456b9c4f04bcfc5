using PosFirmware.Devices;
using PosFirmware.App.Input;
using PosFirmware.Messaging.Host;
using PosFirmware.Payments.Outcomes;

namespace PosFirmware.App.Engine
{
    /// <summary>
    /// The PIN (PinEntryTimeoutMs, restarted by every key): 4-12 digits shown as asterisks; ENTER
    /// alone for no PIN except for a balance. After a wrong PIN (55) the same wait with the host's
    /// words; a card already used once is read again after the PIN (a new cryptogram).
    /// </summary>
    public sealed partial class TransactionEngine
    {
        private readonly PinEntry _pin = new PinEntry();
        private int _pinTries;

        /// <summary>Asks for the PIN (again: after a wrong PIN, 55).</summary>
        private void EnterPin(bool again)
        {
            _pin.Clear();
            _hasPin = false;
            _pin.BypassAllowed = _type != TransactionType.Balance;
            Enter(FlowWait.Pin, again ? Prompts.WrongPin("") : Prompts.Prompt(ScreenId.EnterPin, _type, ""));
        }

        private void OnPinKey(KeyCode key)
        {
            EntryResult r = _pin.Key(key);
            switch (r)
            {
                case EntryResult.Cancelled:
                    _pin.Clear();
                    ShowOutcome(OutcomeCodes.Cancelled, false);
                    return;
                case EntryResult.Refused:
                    Beep(Tone.Refused);
                    return;
                case EntryResult.Confirmed:
                case EntryResult.Bypassed:
                    _hasPin = r == EntryResult.Confirmed;
                    if (_card.MaskedPan != null && _card.Pan == null)
                    {
                        // Again after a wrong PIN: the first request took the card data (I7), so
                        // the card is read again (a new cryptogram) and the request goes with this PIN.
                        _pinBeforeCard = true;
                        WaitCard();
                        return;
                    }

                    GoOnline(Goal.Financial);
                    return;
                default:
                    Beep(Tone.Key);
                    Enter(FlowWait.Pin, Prompts.Prompt(ScreenId.EnterPin, _type, _pin.Masked));
                    return;
            }
        }

        private void OnPinTimeout()
        {
            _pin.Clear();
            ShowOutcome(OutcomeCodes.TimeoutPin, false);
        }
    }
}
