using PosFirmware.Devices;
using PosFirmware.Messaging.Host;
using PosFirmware.Payments.Outcomes;

namespace PosFirmware.App.Engine
{
    /// <summary>
    /// Online: the flow hands the link a goal and waits, the processing screen counting down the
    /// host's answer once a second. The wait has no flow timeout of its own: the link bounds it
    /// (ConnectTimeoutMs, HostResponseTimeoutMs) and always finishes the goal with an outcome.
    /// </summary>
    public sealed partial class TransactionEngine
    {
        private void GoOnline(Goal goal)
        {
            Enter(FlowWait.Host, Prompts.Prompt(ScreenId.Processing, _type, null));
            Submit(goal);
        }

        private void OnCountdown()
        {
            if (Phase != Phase.Online)
            {
                return;
            }

            string seconds = null;
            if (Link == LinkState.Awaiting)
            {
                long left = _hostDeadlineMs - _now;
                seconds = (left <= 0 ? 0 : (left + 999) / 1000).ToString();
            }

            Enter(FlowWait.Host, Prompts.Prompt(ScreenId.Processing, _type, seconds));
        }

        /// <summary>The link finished the flow's goal with an outcome.</summary>
        private void OnGoalFinished(int code)
        {
            if (Phase == Phase.Starting)
            {
                if (code == OutcomeCodes.SignedOn)
                {
                    ShowIdle();
                }
                else
                {
                    ShowOutcome(code, false);
                }

                return;
            }

            if (Phase != Phase.Online)
            {
                return;
            }

            Outcome o = OutcomeCatalog.Get(code);
            bool transaction = _slip != null;
            bool print = transaction && o != null && _type != TransactionType.Balance
                && (o.Kind == OutcomeKind.Approved || o.MoneyMayHaveMoved || code == OutcomeCodes.RefundPending);
            if (code == OutcomeCodes.Approved && _type == TransactionType.Balance)
            {
                ShowBalance();
                return;
            }

            ShowOutcome(code, print);
        }
    }
}
