using PosFirmware.Devices;
using PosFirmware.App.Input;
using PosFirmware.Common;
using PosFirmware.Messaging.Host;
using PosFirmware.Payments.Outcomes;
using PosFirmware.Payments.Rules;

namespace PosFirmware.App.Engine
{
    /// <summary>
    /// The card (CardWaitTimeoutMs): the reader is turned on when the wait is entered and off on
    /// cancel or timeout; a card read is checked (PAN, same card as the original, batch room, no
    /// settlement under way) and leads to an offline approval, the PIN or the host.
    /// </summary>
    public sealed partial class TransactionEngine
    {
        private void WaitCard()
        {
            Enter(FlowWait.Card, Prompts.Prompt(ScreenId.PresentCard, _type, _type == TransactionType.Balance ? null : AmountEntry.Format(_amount)));
        }

        /// <summary>The card wait's entry: the reader reads for this type and amount.</summary>
        private void StartCardRead()
        {
            EngineAction x = _a.Add(ActionKind.StartCardRead);
            x.TimeoutMs = _p.ContactlessReadTimeoutMs;
            x.AmountMinor = _type == TransactionType.Balance ? 0 : _amount;
            x.CardTransaction = _type;
        }

        private void OnCardWaitKey(KeyCode key)
        {
            if (key == KeyCode.Cancel)
            {
                _a.Add(ActionKind.StopCardRead);
                ShowOutcome(OutcomeCodes.Cancelled, false);
            }
        }

        private void OnCardTimeout()
        {
            _a.Add(ActionKind.StopCardRead);
            ShowOutcome(OutcomeCodes.TimeoutCard, false);
        }

        private void OnCardRead(CardData card)
        {
            if (Phase != Phase.WaitCard || card == null)
            {
                return;
            }

            // Every way on enters the next wait, which replaces or disarms the card's timeout.
            // A copy: the loop wipes its CardData (and a reader may reuse its buffers) as soon as
            // this step returns, while the request is built in a later step.
            if (!_card.CopyFrom(card) || _card.Pan == null || _card.Pan.Length < CardData.MinPanDigits || _card.Pan.Length > CardData.MaxPanDigits || !Digits.AreAll(_card.Pan))
            {
                ShowOutcome(OutcomeCodes.CardReadError, false);
                return;
            }

            if (_original != null && _card.MaskedPan != _original.MaskedPan)
            {
                // A void or completion must be made with the card of the original.
                ShowOutcome(OutcomeCodes.OriginalNotInBatch, false);
                return;
            }

            if (_type != TransactionType.Balance && _state.BatchCount >= _state.BatchCapacity)
            {
                ShowOutcome(OutcomeCodes.BatchFull, false);
                return;
            }

            if (_type != TransactionType.Balance && _state.Settling)
            {
                // A settlement went out and did not finish: the host may have closed this batch, and
                // would never settle what went into it now. Settle again first.
                ShowOutcome(OutcomeCodes.SettlementFailed, false);
                return;
            }

            if (_pinBeforeCard)
            {
                _pinBeforeCard = false;
                GoOnline(Goal.Financial);
                return;
            }

            if (_type == TransactionType.Sale && _card.Entry == CardEntry.Contactless
                && OfflinePolicy.Decide(_p, _profile, _state, _type, _amount) == OfflineDecision.Allowed)
            {
                // Y1: under the floor limit the card and terminal approve without the host.
                ApproveOffline();
                return;
            }

            if (NeedsPin())
            {
                EnterPin(false);
                return;
            }

            GoOnline(Goal.Financial);
        }

        private void OnCardFailed(int code)
        {
            if (Phase != Phase.WaitCard)
            {
                return;
            }

            Outcome o = OutcomeCatalog.Get(code);
            ShowOutcome(o == null || o.Kind == OutcomeKind.Approved ? OutcomeCodes.CardReadError : code, false);
        }

        /// <summary>
        /// Balance always needs the PIN; sales, pre-auths and completions ask for it (the cardholder
        /// may press ENTER for none) except contactless under the CVM limit; voids and refunds are
        /// the merchant's and need none.
        /// </summary>
        private bool NeedsPin()
        {
            switch (_type)
            {
                case TransactionType.Balance:
                    return true;
                case TransactionType.Sale:
                case TransactionType.PreAuth:
                case TransactionType.Completion:
                    return !(_card.Entry == CardEntry.Contactless && _amount <= _p.CvmLimitMinor);
                default:
                    return false;
            }
        }
    }
}
