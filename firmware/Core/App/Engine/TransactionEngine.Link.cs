using PosFirmware.App.Slips;
using PosFirmware.Devices;
using PosFirmware.Messaging.Host;
using PosFirmware.Messaging.Iso8583;
using PosFirmware.Payments.Outcomes;
using PosFirmware.Payments.Rules;
using PosFirmware.Payments.State;
using PosFirmware.Security;

namespace PosFirmware.App.Engine
{
    /// <summary>
    /// The host link: one connection at a time, one request out at a time, work taken in the
    /// order of PAYMENTS.md section 4: sign-on when the keys are missing or the host asked for it,
    /// the stored reversal, then the flow's goal (before settlement: the offline advices), then
    /// batch upload, then the advices that follow an online transaction. Each kind of work is
    /// "due" once per trigger, so a failing host is tried once per transaction, not in a loop.
    /// </summary>
    public sealed partial class TransactionEngine
    {
        private Goal _goal;
        private bool _goalSent;
        private Exchange _ex;
        private bool _signOnDue;
        private bool _reversalDue;
        private bool _refundDue;
        private bool _advicesDue;
        private int _manualStan = -1;
        private int _manualRefundStan = -1;
        private int _stan;
        private long _hostDeadlineMs;
        private bool _uploading;
        private bool _uploadBalanced;
        private int _uploadIndex;
        private int _uploaded;
        private int _frameLength;
        private bool _linkDue;

        // The write-ahead of the flow's request, made with it (MakeFinancial) and written before it leaves.
        private PendingReversal _armReversal;
        private PendingRefund _armRefund;

        private void ResetLink()
        {
            _goal = Goal.None;
            _goalSent = false;
            _ex = Exchange.None;
            _signOnDue = false;
            _reversalDue = false;
            _refundDue = false;
            _advicesDue = false;
            _manualStan = -1;
            _manualRefundStan = -1;
            _uploading = false;
            _linkDue = false;
            _armReversal = null;
            _armRefund = null;
            Link = LinkState.Closed;
        }

        /// <summary>The flow hands the link a goal; the link finishes it through OnGoalFinished.</summary>
        private void Submit(Goal goal)
        {
            _goal = goal;
            _goalSent = false;
            _uploading = false;
            _uploadIndex = 0;
            _uploaded = 0;
            if (goal == Goal.PowerOn || goal == Goal.SignOn)
            {
                _signOnDue = true;
            }

            // A stored reversal goes before every online message, settlement and sign-off.
            _reversalDue = goal != Goal.Echo;
            // So does a refund still waiting for its answer (resent unchanged, never repeated anew).
            _refundDue = goal != Goal.Echo;
            _advicesDue = goal == Goal.Settlement || (goal == Goal.Financial && OriginalAdvicePending());
            LinkDue();
        }

        /// <summary>The link has work to look at: its next step runs before this step ends (RunLink).</summary>
        private void LinkDue()
        {
            _linkDue = true;
        }

        private void FinishGoal(int code)
        {
            EndGoal();
            OnGoalFinished(code);
        }

        /// <summary>The goal ends without the flow being told (the caller shows the outcome itself).</summary>
        private void EndGoal()
        {
            _goal = Goal.None;
            _goalSent = false;
            _uploading = false;
        }

        /// <summary>The reversal to deliver, or null (none, or its retries ran out).</summary>
        private PendingReversal ActiveReversal()
        {
            PendingReversal r = _state.Reversal;
            return r == null || r.NeedsManualHandling || r.Stan == _manualStan ? null : r;
        }

        /// <summary>The refund to resend, or null (none, or its resends ran out).</summary>
        private PendingRefund ActiveRefund()
        {
            PendingRefund f = _state.Refund;
            return f == null || f.NeedsManualHandling || f.Stan == _manualRefundStan ? null : f;
        }

        // ---- the link's next step --------------------------------------------------------

        private void LinkStep()
        {
            if (Link == LinkState.Connecting || Link == LinkState.Awaiting)
            {
                return;
            }

            Exchange next = NextWork();
            if (next == Exchange.None)
            {
                if (Link == LinkState.Ready)
                {
                    Close();
                }

                return;
            }

            if (Link == LinkState.Closed)
            {
                _a.Add(ActionKind.Connect).TimeoutMs = _p.ConnectTimeoutMs;
                Link = LinkState.Connecting;
                Arm(EngineTimer.Connect, _p.ConnectTimeoutMs);
                return;
            }

            Send(next);
        }

        private Exchange NextWork()
        {
            // Each pass either picks work or finishes the goal; the goal finishes at most once.
            for (int pass = 0; pass < 4; pass++)
            {
                PendingReversal r = ActiveReversal();
                bool reversalWork = _reversalDue && r != null;
                PendingRefund f = ActiveRefund();
                bool refundWork = _refundDue && f != null;
                PendingAdvice advice = _state.NextAdvice();
                bool adviceWork = _advicesDue && advice != null;
                bool goalWork = _goal != Goal.None && !_goalSent;
                if (!goalWork && !reversalWork && !refundWork && !adviceWork && !_signOnDue && !_uploading)
                {
                    return Exchange.None;
                }

                if (goalWork && _goal == Goal.SignOff && !_keys.IsSignedOn && !reversalWork && !refundWork)
                {
                    FinishGoal(OutcomeCodes.SignedOff);
                    continue;
                }

                if (!_keys.IsSignedOn || _signOnDue)
                {
                    return Exchange.SignOn;
                }

                if (reversalWork)
                {
                    return Exchange.Reversal;
                }

                if (refundWork)
                {
                    return Exchange.Refund;
                }

                if (goalWork && (_goal == Goal.PowerOn || _goal == Goal.SignOn))
                {
                    FinishGoal(OutcomeCodes.SignedOn);
                    continue;
                }

                if (goalWork && r != null && _goal != Goal.Echo)
                {
                    // The reversal could not be delivered: nothing new goes before it (I4).
                    FinishGoal(OutcomeCodes.ReversalPending);
                    continue;
                }

                if (goalWork && f != null && _goal != Goal.Echo)
                {
                    // The refund's answer is still unknown: nothing new goes before it, and the
                    // merchant is told not to repeat it.
                    FinishGoal(OutcomeCodes.RefundPending);
                    continue;
                }

                if (goalWork && _goal == Goal.Settlement && advice != null)
                {
                    if (adviceWork)
                    {
                        return Exchange.Advice;
                    }

                    FinishGoal(OutcomeCodes.SettlementFailed);
                    continue;
                }

                if (goalWork && _goal == Goal.Financial && OriginalAdviceFailed())
                {
                    // The sale's advice ran out of retries: the host never heard of it, and a void or
                    // refund naming it would name nothing. Not sent; the acquirer settles it by hand.
                    FinishGoal(OutcomeCodes.AdviceFailed);
                    continue;
                }

                if (goalWork && _goal == Goal.Financial && OriginalAdvicePending())
                {
                    // A void of an offline sale: the host hears of the sale (its advice) first, or
                    // the void would name a transaction the host never saw.
                    if (adviceWork)
                    {
                        return Exchange.Advice;
                    }

                    FinishGoal(OutcomeCodes.HostUnreachable);
                    continue;
                }

                if (goalWork)
                {
                    return Exchange.Goal;
                }

                if (_uploading)
                {
                    return NextUpload() < 0 ? Exchange.BatchEnd : Exchange.BatchUpload;
                }

                return adviceWork ? Exchange.Advice : Exchange.None;
            }

            return Exchange.None;
        }

        /// <summary>The retries ran out: manual handling, a printed slip, and the link moves on (I4).</summary>
        private void MarkManual(PendingReversal r)
        {
            _reversalDue = false;
            LinkDue();
            LastTransaction last = LastWithReversal(r.Stan, ReversalState.ManualHandling);
            if (!Wrote(PersistOp.MarkReversalManual, r.Stan, _durable.MarkReversalManual(r.Stan, last, Event(OutcomeCodes.ReversalFailed, r.Stan))))
            {
                // Still pending on flash: handed over at the next trigger.
                return;
            }

            _manualStan = r.Stan;
            Print(ManualHandlingSlip(r), OwnerBackground);
            Beep(Tone.Failure);
        }

        /// <summary>The resends ran out: the refund's result is unknown; kept, printed and shown as manual handling, never dropped.</summary>
        private void MarkRefundManual(PendingRefund f)
        {
            _refundDue = false;
            LinkDue();
            LastTransaction last = LastWithOutcome(f.Stan, OutcomeCodes.RefundUnknown, null, null);
            if (!Wrote(PersistOp.MarkRefundManual, f.Stan, _durable.MarkRefundManual(f.Stan, last, Event(OutcomeCodes.RefundUnknown, f.Stan))))
            {
                return;
            }

            _manualRefundStan = f.Stan;
            Print(SlipBuilder.Lines(RefundSlip(f, OutcomeCodes.RefundUnknown, null, null), SlipCopy.Merchant), OwnerBackground);
            Beep(Tone.Failure);
        }

        private void AdviceGaveUp(int stan)
        {
            Wrote(PersistOp.AdviceFailed, stan, _durable.AdviceFailed(stan, Event(OutcomeCodes.AdviceFailed, stan)));
            _advicesDue = false;
            LinkDue();
        }

        /// <summary>True when the flow's transaction (a void or refund) refers to an offline sale whose advice has not gone yet.</summary>
        private bool OriginalAdvicePending()
        {
            if (_original == null || !_original.Offline)
            {
                return false;
            }

            PendingAdvice a = _state.FindAdvice(_original.Entry.Stan);
            return a != null && !a.Failed;
        }

        /// <summary>True when the flow's transaction (a void or refund) refers to an offline sale whose advice failed.</summary>
        private bool OriginalAdviceFailed()
        {
            if (_original == null || !_original.Offline)
            {
                return false;
            }

            PendingAdvice a = _state.FindAdvice(_original.Entry.Stan);
            return a != null && a.Failed;
        }

        /// <summary>After the settlement's verdict: the upload (if the profile uploads anything then) and the batch end.</summary>
        private void StartUploading(bool balanced)
        {
            _uploading = true;
            _uploadBalanced = balanced;
            _uploadIndex = 0;
            _uploaded = 0;
        }

        /// <summary>
        /// The totals settlement claims: the batch's, less the offline sales whose advice failed (the
        /// host never heard of them, and an upload, with no PAN, cannot tell it; they stay on the
        /// settlement report for the acquirer). The uploads after an unbalanced verdict add up to these.
        /// </summary>
        private SettlementTotals DeliveredTotals()
        {
            SettlementTotals t = _state.Totals();
            for (int i = 0; i < _state.BatchCount; i++)
            {
                BatchRecord r = _state.BatchAt(i);
                if (!r.Voided && Undelivered(r))
                {
                    t.Remove(r.Entry.Type, r.Entry.AmountMinor);
                }
            }

            return t;
        }

        /// <summary>True for an offline sale whose advice failed (settlement goes only when no other advice is left).</summary>
        private bool Undelivered(BatchRecord r)
        {
            return r.Offline && _state.FindAdvice(r.Entry.Stan) != null;
        }

        /// <summary>
        /// The index of the next batch record to upload (approved, counted in the totals, uploaded after
        /// this verdict, not Undelivered), or -1.
        /// </summary>
        private int NextUpload()
        {
            for (int i = _uploadIndex; i < _state.BatchCount; i++)
            {
                BatchRecord r = _state.BatchAt(i);
                if (!r.Voided && (TransactionRules.IsDebit(r.Entry.Type) || TransactionRules.IsCredit(r.Entry.Type))
                    && !Undelivered(r)
                    && SettlementBuilder.Uploads(_profile, r.Entry, _uploadBalanced))
                {
                    return i;
                }
            }

            return -1;
        }

        // ---- connection events -----------------------------------------------------------

        private void OnConnected()
        {
            if (Link != LinkState.Connecting)
            {
                return;
            }

            Link = LinkState.Ready;
            NetworkDown = false;
            Disarm(EngineTimer.Connect);
            LinkDue();
        }

        private void OnConnectFailed(int code)
        {
            if (Link != LinkState.Connecting)
            {
                return;
            }

            Link = LinkState.Closed;
            Disarm(EngineTimer.Connect);
            FailAll(code);
        }

        /// <summary>Nothing can reach the host now: the goal fails with code, the rest waits for the next trigger.</summary>
        private void FailAll(int code)
        {
            _signOnDue = false;
            _reversalDue = false;
            _refundDue = false;
            _advicesDue = false;
            if (_goal == Goal.None)
            {
                return;
            }

            if (_goal == Goal.Financial && !_goalSent && _type == TransactionType.Sale && _card.Entry == CardEntry.Contactless
                && _profile.AllowsUnableToGoOnlineApproval && !_hasPin
                && OfflinePolicy.Decide(_p, _profile, _state, _type, _amount) == OfflineDecision.Allowed)
            {
                // Unable to go online (Y3 in EMV terms), approved offline where the host profile allows
                // it; the approval is written as every offline one (auth code Y1nnnn, ApproveOffline).
                _goal = Goal.None;
                ApproveOffline();
                return;
            }

            FinishGoal(code);
        }

        private void Close()
        {
            _a.Add(ActionKind.Close);
            Link = LinkState.Closed;
            Disarm(EngineTimer.HostAnswer);
        }

        private void OnConnectionLost()
        {
            if (Link == LinkState.Awaiting)
            {
                OnAnswerLost(false);
                return;
            }

            if (Link == LinkState.Connecting)
            {
                OnConnectFailed(OutcomeCodes.HostUnreachable);
                return;
            }

            if (Link == LinkState.Ready)
            {
                Link = LinkState.Closed;
                LinkDue();
            }
        }
    }
}
