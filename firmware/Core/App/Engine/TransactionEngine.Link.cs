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
        private const int CommitNone = 0;
        private const int CommitApproval = 1;
        private const int CommitOffline = 2;
        private const int CommitOutcome = 3;
        private const int CommitRearm = 4;

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
        private int _commit;
        private int _frameLength;

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
            _commit = CommitNone;
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
            ArmPump();
        }

        private void ArmPump()
        {
            Arm(EngineTimer.Pump, 0);
        }

        private void FinishGoal(int code)
        {
            _goal = Goal.None;
            _goalSent = false;
            _uploading = false;
            OnGoalFinished(code);
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

        private void Pump()
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

            Start(next);
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

        private void Start(Exchange next)
        {
            switch (next)
            {
                case Exchange.SignOn:
                    StartNetwork(Exchange.SignOn);
                    break;
                case Exchange.Reversal:
                    StartReversal();
                    break;
                case Exchange.Refund:
                    StartRefund();
                    break;
                case Exchange.Advice:
                    StartAdvice();
                    break;
                case Exchange.BatchUpload:
                    StartUpload();
                    break;
                case Exchange.BatchEnd:
                    StartBatchEnd();
                    break;
                default:
                    if (_goal == Goal.Financial)
                    {
                        StartFinancial();
                    }
                    else if (_goal == Goal.Settlement)
                    {
                        StartSettlement();
                    }
                    else
                    {
                        StartNetwork(Exchange.Goal);
                    }

                    break;
            }
        }

        // ---- starting each exchange ---------------------------------------------------------

        /// <summary>Seals _request into _frame; false when it cannot be (nothing is sent).</summary>
        private bool Seal(DesKey mak, out int length)
        {
            return _sealer.Seal(_profile, mak, _request, _frame, 0, out length) == SealStatus.Ok;
        }

        /// <summary>The Send action, after the persists it depends on, and the answer's timer.</summary>
        private void SendFrame(Exchange ex, int length)
        {
            EngineAction x = _a.Add(ActionKind.Send);
            x.Frame = _frame;
            x.FrameLength = length;
            _frameLength = length;
            Link = LinkState.Awaiting;
            _ex = ex;
            _hostDeadlineMs = _now + _p.HostResponseTimeoutMs;
            Arm(EngineTimer.HostAnswer, _p.HostResponseTimeoutMs);
        }

        private void StartNetwork(Exchange ex)
        {
            int stan = TerminalState.After(_state.LastStan);
            BuildStatus b;
            Goal kind = ex == Exchange.SignOn ? Goal.SignOn : _goal;
            if (kind == Goal.SignOn)
            {
                b = NetworkBuilder.SignOn(_profile, _setup.Identity, stan, _state.Batch, _request);
            }
            else if (kind == Goal.SignOff)
            {
                b = NetworkBuilder.SignOff(_profile, _setup.Identity, stan, _state.Batch, _request);
            }
            else
            {
                b = NetworkBuilder.Echo(_profile, _setup.Identity, stan, _state.Batch, _request);
            }

            int length;
            if (b != BuildStatus.Ok || !Seal(kind == Goal.SignOn ? null : _keys.MacKey, out length))
            {
                FailAll(OutcomeCodes.SignOnRequired);
                return;
            }

            _stan = stan;
            TakeStan();
            SendFrame(ex, length);
            if (ex == Exchange.Goal)
            {
                _goalSent = true;
            }
        }

        private void StartReversal()
        {
            PendingReversal r = ActiveReversal();
            int failed;
            if (r.Attempts >= _p.ReversalMaxAttempts
                || _profile.Packager.Unpack(r.Message, 0, r.Message.Length, _request, out failed) != IsoStatus.Ok)
            {
                MarkManual(r);
                return;
            }

            if (r.Attempts > 0 && _profile.RepeatMtiOnRetry)
            {
                _request.Mti = "0401";
            }

            int length;
            if (!Seal(_keys.MacKey, out length))
            {
                _reversalDue = false;
                ArmPump();
                return;
            }

            _stan = r.Stan;
            Persist(PersistOp.CountReversalAttempt).Stan = r.Stan;
            SendFrame(Exchange.Reversal, length);
        }

        /// <summary>The retries ran out: manual handling, a printed slip, and the link moves on (I4).</summary>
        private void MarkManual(PendingReversal r)
        {
            _manualStan = r.Stan;
            _reversalDue = false;
            EngineAction x = Persist(PersistOp.MarkReversalManual);
            x.Stan = r.Stan;
            x.Last = LastWithReversal(r.Stan, ReversalState.ManualHandling);
            x.Event = Event(OutcomeCodes.ReversalFailed, r.Stan);
            Print(ManualHandlingSlip(r), OwnerBackground);
            Beep(Tone.Failure);
            ArmPump();
        }

        /// <summary>Resends the pending refund as it was stored (same STAN and fields; the MAC of the moment).</summary>
        private void StartRefund()
        {
            PendingRefund f = ActiveRefund();
            int failed;
            if (f.Attempts >= _p.ReversalMaxAttempts
                || _profile.Packager.Unpack(f.Message, 0, f.Message.Length, _request, out failed) != IsoStatus.Ok)
            {
                MarkRefundManual(f);
                return;
            }

            int length;
            if (!Seal(_keys.MacKey, out length))
            {
                _refundDue = false;
                ArmPump();
                return;
            }

            _stan = f.Stan;
            Persist(PersistOp.CountRefundAttempt).Stan = f.Stan;
            SendFrame(Exchange.Refund, length);
        }

        /// <summary>The resends ran out: the refund's result is unknown; kept, printed and shown as manual handling, never dropped.</summary>
        private void MarkRefundManual(PendingRefund f)
        {
            _manualRefundStan = f.Stan;
            _refundDue = false;
            EngineAction x = Persist(PersistOp.MarkRefundManual);
            x.Stan = f.Stan;
            x.Last = LastWithOutcome(f.Stan, OutcomeCodes.RefundUnknown, null, null);
            x.Event = Event(OutcomeCodes.RefundUnknown, f.Stan);
            Print(SlipBuilder.Lines(RefundSlip(f, OutcomeCodes.RefundUnknown, null, null), SlipCopy.Merchant), OwnerBackground);
            Beep(Tone.Failure);
            ArmPump();
        }

        private void StartAdvice()
        {
            PendingAdvice a = _state.NextAdvice();
            int failed;
            if (a.Attempts >= _p.AdviceMaxAttempts
                || _profile.Packager.Unpack(a.Message, 0, a.Message.Length, _request, out failed) != IsoStatus.Ok)
            {
                AdviceGaveUp(a.Stan);
                return;
            }

            if (a.Attempts > 0 && _profile.RepeatMtiOnRetry)
            {
                _request.Mti = "0221";
            }

            int length;
            if (!Seal(_keys.MacKey, out length))
            {
                _advicesDue = false;
                ArmPump();
                return;
            }

            _stan = a.Stan;
            Persist(PersistOp.CountAdviceAttempt).Stan = a.Stan;
            SendFrame(Exchange.Advice, length);
        }

        private void AdviceGaveUp(int stan)
        {
            EngineAction x = Persist(PersistOp.AdviceFailed);
            x.Stan = stan;
            x.Event = Event(OutcomeCodes.AdviceFailed, stan);
            _advicesDue = false;
            ArmPump();
        }

        private void StartFinancial()
        {
            _stan = TerminalState.After(_state.LastStan);
            if (!FillRequest(_stan))
            {
                FinishGoal(OutcomeCodes.CardReadError);
                return;
            }

            BuildStatus b = RequestBuilder.Financial(_profile, _setup.Identity, _fin, _request);
            int length = 0;
            bool sealedOk = b == BuildStatus.Ok && Seal(_keys.MacKey, out length);

            // The reversal (or the refund kept for resending) is packed from the request while the
            // request still holds the card's field 55; then the card data goes (I7).
            PendingReversal reversal = null;
            PendingRefund refund = null;
            if (sealedOk && TransactionRules.IsReversible(_type))
            {
                reversal = BuildReversal(ReversalReason.NoResponse, null);
            }
            else if (sealedOk && _type == TransactionType.Refund)
            {
                refund = BuildRefund();
            }

            ScrubSealedRequest();
            ForgetCard();
            if (!sealedOk)
            {
                FinishGoal(b == BuildStatus.BadAmount ? OutcomeCodes.InvalidAmount : OutcomeCodes.CardReadError);
                return;
            }

            if ((TransactionRules.IsReversible(_type) && reversal == null) || (_type == TransactionType.Refund && refund == null))
            {
                FinishGoal(OutcomeCodes.CardReadError);
                return;
            }

            // Write-ahead (I3): the STAN and the reversal are durable, in one write, before the request leaves.
            if (reversal != null)
            {
                EngineAction x = Persist(PersistOp.TakeStanAndArmReversal);
                x.Reversal = reversal;
                x.Stan = _stan;
            }
            else if (refund != null)
            {
                // A refund cannot be reversed: it is kept the same way, to be resent until answered.
                EngineAction x = Persist(PersistOp.TakeStanAndArmRefund);
                x.Refund = refund;
                x.Stan = _stan;
                x.Last = MakeLast(OutcomeCodes.RefundPending, ReversalState.None, null, null);
            }
            else
            {
                TakeStan();
            }

            SendFrame(Exchange.Goal, length);
            _goalSent = true;
        }

        private void StartSettlement()
        {
            int stan = TerminalState.After(_state.LastStan);
            int length = 0;
            if (SettlementBuilder.Settlement(_profile, _setup.Identity, stan, _state.Batch, DeliveredTotals(), _request) != BuildStatus.Ok
                || !Seal(_keys.MacKey, out length))
            {
                FinishGoal(OutcomeCodes.SettlementFailed);
                return;
            }

            _stan = stan;
            TakeStan();
            if (!_state.Settling)
            {
                // Write-ahead: from here the host may close the batch; until a settlement finishes nothing new goes into it.
                Persist(PersistOp.MarkSettling);
            }

            SendFrame(Exchange.Goal, length);
            _goalSent = true;
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

        private void StartUpload()
        {
            int i = NextUpload();
            int stan = TerminalState.After(_state.LastStan);
            int length = 0;
            if (SettlementBuilder.BatchUpload(_profile, _setup.Identity, stan, _state.Batch, _state.BatchAt(i).Entry, _uploadBalanced, _request) != BuildStatus.Ok
                || !Seal(_keys.MacKey, out length))
            {
                FinishGoal(OutcomeCodes.SettlementFailed);
                return;
            }

            _uploadIndex = i + 1;
            _stan = stan;
            TakeStan();
            SendFrame(Exchange.BatchUpload, length);
        }

        private void StartBatchEnd()
        {
            int stan = TerminalState.After(_state.LastStan);
            int length = 0;
            if (SettlementBuilder.BatchEnd(_profile, _setup.Identity, stan, _state.Batch, _uploaded, _uploadBalanced, DeliveredTotals(), _request) != BuildStatus.Ok
                || !Seal(_keys.MacKey, out length))
            {
                FinishGoal(OutcomeCodes.SettlementFailed);
                return;
            }

            _stan = stan;
            _uploadIndex = -1;
            TakeStan();
            SendFrame(Exchange.BatchEnd, length);
        }

        // ---- connection events -----------------------------------------------------------

        private void OnConnected()
        {
            if (Link != LinkState.Connecting)
            {
                return;
            }

            Link = LinkState.Ready;
            Disarm(EngineTimer.Connect);
            Pump();
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
                // Y3: unable to go online, approved offline (only where the host profile allows it).
                _goal = Goal.None;
                Disarm(EngineTimer.Countdown);
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
                ArmPump();
            }
        }
    }
}
