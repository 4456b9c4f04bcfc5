using PosFirmware.App.Slips;
using PosFirmware.Messaging.Host;
using PosFirmware.Payments.Outcomes;
using PosFirmware.Payments.Rules;
using PosFirmware.Payments.State;

namespace PosFirmware.App.Engine
{
    /// <summary>What each answer (or its absence) means, for every kind of exchange.</summary>
    public sealed partial class TransactionEngine
    {
        private void OnHostFrame(byte[] frame, int offset, int length)
        {
            if (Link != LinkState.Awaiting || frame == null)
            {
                // An answer after its deadline: its request is already being reversed. Ignored.
                return;
            }

            ResponseStatus status = _reader.Read(_profile, _ex == Exchange.SignOn ? null : _keys.MacKey, _request, frame, offset, length, _response);
            if (status == ResponseStatus.NotTheAnswer || status == ResponseStatus.WrongStan || status == ResponseStatus.WrongTerminal)
            {
                // Meant for an older request (a late or duplicated answer): keep waiting for ours.
                return;
            }

            Disarm(EngineTimer.HostAnswer);
            Link = LinkState.Ready;
            Exchange ex = _ex;
            _ex = Exchange.None;
            bool signOnAsked = status == ResponseStatus.Ok && _keys.Observe(_response);
            if (signOnAsked)
            {
                // 77, 99 or A0: the host wants a new sign-on; the link does it next.
                _signOnDue = true;
            }

            switch (ex)
            {
                case Exchange.SignOn:
                    OnSignOnAnswer(status);
                    break;
                case Exchange.Reversal:
                    OnReversalAnswer(status, signOnAsked);
                    break;
                case Exchange.Refund:
                    OnRefundAnswer(status, signOnAsked);
                    break;
                case Exchange.Advice:
                    OnAdviceAnswer(status);
                    break;
                case Exchange.BatchUpload:
                case Exchange.BatchEnd:
                    OnUploadAnswer(ex, status);
                    break;
                default:
                    OnGoalAnswer(status);
                    break;
            }

            ArmPump();
        }

        private void OnSignOnAnswer(ResponseStatus status)
        {
            SignOnStatus s = status == ResponseStatus.Ok ? _keys.Accept(_profile, _response) : SignOnStatus.Refused;
            if (s == SignOnStatus.SignedOn)
            {
                _signOnDue = false;
                SetClockFromHost();
                Persist(PersistOp.Log).Event = Event(OutcomeCodes.SignedOn, _stan);
                return;
            }

            // Refused with a code (e.g. 97 terminal not registered) says why; bad keys say sign-on failed.
            int code = OutcomeCodes.SignOnRequired;
            if (status == ResponseStatus.Ok && !_response.IsApproved)
            {
                _outcomeRc = _response.ResponseCode;
                code = OutcomeCatalog.ForResponseCode(_response.ResponseCode).Code;
            }

            Close();
            FailAll(code);
        }

        private void OnReversalAnswer(ResponseStatus status, bool signOnAsked)
        {
            PendingReversal r = _state.Reversal;
            if (status == ResponseStatus.Ok && _profile.IsReversalDone(_response.ResponseCode) && r != null)
            {
                ConfirmReversal(r);
                _reversalDue = false;
                return;
            }

            ReversalAttemptFailed(signOnAsked);
        }

        /// <summary>
        /// An attempt that did not end the reversal: handed to manual handling when its attempts ran
        /// out; else retried at the next trigger, or in this one when the host refused it for want of
        /// keys (77, 99, A0): the sign-on the link does next makes the retry meaningful.
        /// </summary>
        private void ReversalAttemptFailed(bool retryAfterSignOn)
        {
            _reversalDue = false;
            PendingReversal r = ActiveReversal();
            if (r != null && r.Attempts >= _p.ReversalMaxAttempts)
            {
                MarkManual(r);
                return;
            }

            _reversalDue = retryAfterSignOn && r != null;
        }

        /// <summary>
        /// The answer to a resent refund. The host answers a repeated STAN as it answered the
        /// original, so a valid answer is the refund's final result, except the ones that say the
        /// host did not look at it (77, 99, A0: retried after the new sign-on, in this trigger) or
        /// only that it has it (94). A decline counts only with a valid MAC: the host leaves its
        /// 77 / 99 / A0 unMACed, and one garbled on the way reads like a decline of the original.
        /// </summary>
        private void OnRefundAnswer(ResponseStatus status, bool signOnAsked)
        {
            PendingRefund f = _state.Refund;
            bool trusted = status == ResponseStatus.Ok && (_response.IsApproved || _reader.Message.Has(64));
            if (trusted && !signOnAsked && _response.ResponseCode != "94" && f != null && f.Stan == _stan)
            {
                _refundDue = false;
                RefundFinal(f);
                return;
            }

            RefundAttemptFailed(signOnAsked);
        }

        /// <summary>The final result of a refund that was pending: into the batch and the last transaction, one commit, then its slips.</summary>
        private void RefundFinal(PendingRefund f)
        {
            bool approved = _response.IsApproved;
            int code = approved ? OutcomeCodes.Approved : OutcomeCatalog.ForResponseCode(_response.ResponseCode).Code;
            string rrn = _response.Rrn;
            string auth = approved ? _response.AuthCode : null;
            _commit = CommitNone;
            EngineAction x = Persist(PersistOp.RefundAnswered);
            x.Stan = f.Stan;
            x.Record = approved ? RecordOf(f, rrn, auth) : null;
            x.Last = LastWithOutcome(f.Stan, code, rrn, auth);
            x.Event = Event(code, f.Stan);
            SlipData d = RefundSlip(f, code, rrn, auth);
            Print(SlipBuilder.Lines(d, SlipCopy.Merchant), OwnerBackground);
            if (approved)
            {
                Print(SlipBuilder.Lines(d, SlipCopy.Cardholder), OwnerBackground);
            }
        }

        /// <summary>A resend that did not settle the refund: manual handling when the resends ran out, else retried (see ReversalAttemptFailed).</summary>
        private void RefundAttemptFailed(bool retryAfterSignOn)
        {
            _refundDue = false;
            PendingRefund f = ActiveRefund();
            if (f != null && f.Attempts >= _p.ReversalMaxAttempts)
            {
                MarkRefundManual(f);
                return;
            }

            _refundDue = retryAfterSignOn && f != null;
        }

        private void OnAdviceAnswer(ResponseStatus status)
        {
            // 00 or 94 (duplicate: the host has it already) marks the advice sent.
            if (status == ResponseStatus.Ok && (_response.ResponseCode == "00" || _response.ResponseCode == "94"))
            {
                Persist(PersistOp.AdviceDone).Stan = _stan;
                return;
            }

            AdviceAttemptFailed();
        }

        private void AdviceAttemptFailed()
        {
            _advicesDue = false;
            PendingAdvice a = _state.FindAdvice(_stan);
            if (a != null && a.Attempts >= _p.AdviceMaxAttempts)
            {
                AdviceGaveUp(a.Stan);
            }
        }

        private void OnGoalAnswer(ResponseStatus status)
        {
            switch (_goal)
            {
                case Goal.Financial:
                    OnFinancialAnswer(status);
                    break;
                case Goal.Settlement:
                    OnSettlementAnswer(status);
                    break;
                case Goal.SignOff:
                    _keys.Drop();
                    FinishGoal(status == ResponseStatus.Ok && _response.IsApproved ? OutcomeCodes.SignedOff : CodeOf(status));
                    break;
                case Goal.Echo:
                    FinishGoal(status == ResponseStatus.Ok && _response.IsApproved ? OutcomeCodes.HostAnswered : CodeOf(status));
                    break;
            }
        }

        /// <summary>The outcome of a non-financial answer that is not a success.</summary>
        private int CodeOf(ResponseStatus status)
        {
            if (status == ResponseStatus.MacMismatch || status == ResponseStatus.MacMissing)
            {
                return OutcomeCodes.MacError;
            }

            if (status != ResponseStatus.Ok)
            {
                return OutcomeCodes.NoValidReply;
            }

            _outcomeRc = _response.ResponseCode;
            return OutcomeCatalog.ForResponseCode(_response.ResponseCode).Code;
        }

        private void OnFinancialAnswer(ResponseStatus status)
        {
            string reason;
            AnswerVerdict v = AnswerRules.Judge(status, _response, out reason);
            bool reversible = TransactionRules.IsReversible(_type);
            string rrn = _response.Rrn;
            string auth = _response.AuthCode;
            switch (v)
            {
                case AnswerVerdict.Approved:
                    {
                        BatchRecord record = _type == TransactionType.Balance ? null : MakeRecord(OutcomeCodes.Approved, false, rrn, auth);
                        _approvedAuthCode = auth;
                        int voids = _type == TransactionType.Void || _type == TransactionType.PreAuthVoid || _type == TransactionType.CompletionVoid
                            ? _original.Entry.Stan : -1;
                        _commit = CommitApproval;
                        CompleteFlow(record, voids, MakeLast(OutcomeCodes.Approved, ReversalState.None, rrn, auth), reversible, OutcomeCodes.Approved);
                        _slip = MakeSlip(OutcomeCodes.Approved, rrn, auth);
                        _advicesDue = true;
                        FinishGoal(OutcomeCodes.Approved);
                        return;
                    }

                case AnswerVerdict.Declined:
                case AnswerVerdict.WrongPin:
                    {
                        int code = OutcomeCatalog.ForResponseCode(_response.ResponseCode).Code;
                        _outcomeRc = _response.ResponseCode;
                        _commit = CommitOutcome;
                        CompleteFlow(null, -1, MakeLast(code, ReversalState.None, rrn, null), reversible, code);
                        _advicesDue = true;
                        if (v == AnswerVerdict.WrongPin)
                        {
                            _pinTries++;
                            if (_pinTries < _p.MaxPinTries)
                            {
                                // 55: the cardholder tries again, as a new request with a new STAN.
                                _goal = Goal.None;
                                Disarm(EngineTimer.Countdown);
                                EnterPin(true);
                                return;
                            }

                            code = OutcomeCodes.PinTriesExceeded;
                        }

                        FinishGoal(code);
                        return;
                    }

                default:
                    {
                        // The host may have applied it but the answer cannot be trusted: reverse (A0 or 98).
                        int code = reason == ReversalReason.MacFailed ? OutcomeCodes.MacError : OutcomeCodes.HostAnswerInvalid;
                        if (reason == ReversalReason.MacFailed)
                        {
                            // Our keys and the host's may be out of step: sign on before anything else.
                            _keys.Drop();
                            _signOnDue = true;
                        }

                        Unanswered(reversible ? code : OutcomeCodes.NoValidReply, reason);
                        Close();
                        return;
                    }
            }
        }

        /// <summary>
        /// The end of the flow's transaction on a definite answer: Complete, or for a refund (kept
        /// since before its send) RefundAnswered, which clears it in the same commit.
        /// </summary>
        private void CompleteFlow(BatchRecord record, int voids, LastTransaction last, bool clearReversal, int code)
        {
            if (_type != TransactionType.Refund)
            {
                Complete(record, voids, null, last, clearReversal, code, _stan);
                return;
            }

            EngineAction x = Persist(PersistOp.RefundAnswered);
            x.Stan = _stan;
            x.Record = record;
            x.Last = last;
            x.Event = Event(code, _stan);
        }

        /// <summary>
        /// The request left but no trustworthy answer came: the reversal (armed before the send,
        /// reason 98) is re-armed with reason, the last transaction says it is being reversed,
        /// and the link tries to deliver the reversal straight away.
        /// </summary>
        private void Unanswered(int code, string reason)
        {
            if (_type == TransactionType.Refund)
            {
                // Not reversible, and maybe applied: kept (since before the send) and resent
                // unchanged until answered; the merchant is told not to repeat it.
                code = OutcomeCodes.RefundPending;
                _commit = CommitOutcome;
                Complete(null, -1, null, MakeLast(code, ReversalState.None, null, null), false, code, _stan);
                _slip = MakeSlip(code, null, null);
                _refundDue = true;
                FinishGoal(code);
                return;
            }

            bool reversible = TransactionRules.IsReversible(_type);
            if (reversible && reason != ReversalReason.NoResponse)
            {
                // An approval whose MAC failed still names the auth code the host gave: the reversal
                // carries it in 38 so the host finds what to undo ([LY] trancomm.c UpdateReversalFile).
                string auth = reason == ReversalReason.MacFailed && _response.IsApproved ? _response.AuthCode : null;
                PendingReversal r = BuildReversal(reason, auth);
                if (r != null)
                {
                    Persist(PersistOp.ArmReversal).Reversal = r;
                }
            }

            _commit = CommitOutcome;
            Complete(null, -1, null, MakeLast(code, reversible ? ReversalState.Pending : ReversalState.None, null, null), false, code, _stan);
            _slip = MakeSlip(code, null, null);
            _reversalDue = reversible;
            FinishGoal(code);
        }

        private void OnSettlementAnswer(ResponseStatus status)
        {
            if (status != ResponseStatus.Ok)
            {
                FinishGoal(OutcomeCodes.SettlementFailed);
                return;
            }

            SettlementResult verdict = _response.Settlement;
            if (verdict == SettlementResult.Balanced && _response.HasHostTotals && !_response.HostTotals.SameAs(DeliveredTotals()))
            {
                // The answer has no MAC: one flipped bit turns a "2" or "3" into "1". A balanced verdict
                // beside totals other than ours is not believed: upload, and end as not balanced.
                verdict = SettlementResult.Unbalanced;
            }

            switch (verdict)
            {
                case SettlementResult.Balanced:
                    if (_profile.EndsBalancedBatch)
                    {
                        // UnionPay: the batch closes on the batch end (207), after the chip uploads.
                        StartUploading(true);
                        return;
                    }

                    Settled(OutcomeCodes.Settled);
                    return;
                case SettlementResult.Unbalanced:
                    // I6: upload every transaction, then end the batch (UnionPay 202).
                    StartUploading(false);
                    return;
                default:
                    FinishGoal(_response.IsApproved ? OutcomeCodes.SettlementFailed : CodeOf(status));
                    return;
            }
        }

        private void OnUploadAnswer(Exchange ex, ResponseStatus status)
        {
            if (status != ResponseStatus.Ok || !_response.IsApproved)
            {
                FinishGoal(OutcomeCodes.SettlementFailed);
                return;
            }

            if (ex == Exchange.BatchUpload)
            {
                _uploaded++;
                return;
            }

            Settled(_uploadBalanced ? OutcomeCodes.Settled : OutcomeCodes.SettledAfterUpload);
        }

        /// <summary>The batch is closed: the settlement slip is printed after the new batch is durable.</summary>
        private void Settled(int code)
        {
            string[] report = Slips.Reports.Totals(_setup, _state.Batch, _state.Totals(), When(), true, _state);
            _commit = CommitOutcome;
            Persist(PersistOp.OpenNextBatch).Event = Event(code, _stan);
            _advicesDue = false;
            FinishGoal(code);
            if (Phase == Phase.Outcome)
            {
                Disarm(EngineTimer.Flow);
                _nextCopy = null;
                PrintForFlow(report);
            }
        }

        /// <summary>No answer by the deadline, the connection dropped, or the stream was garbled.</summary>
        private void OnAnswerLost(bool garbled)
        {
            if (Link != LinkState.Awaiting)
            {
                if (garbled && Link != LinkState.Closed)
                {
                    Close();
                    ArmPump();
                }

                return;
            }

            Exchange ex = _ex;
            _ex = Exchange.None;
            Close();
            switch (ex)
            {
                case Exchange.SignOn:
                    FailAll(OutcomeCodes.HostUnreachable);
                    break;
                case Exchange.Reversal:
                    ReversalAttemptFailed(false);
                    break;
                case Exchange.Refund:
                    RefundAttemptFailed(false);
                    break;
                case Exchange.Advice:
                    AdviceAttemptFailed();
                    break;
                case Exchange.BatchUpload:
                case Exchange.BatchEnd:
                    FinishGoal(OutcomeCodes.SettlementFailed);
                    break;
                default:
                    if (_goal == Goal.Financial)
                    {
                        bool reversible = TransactionRules.IsReversible(_type);
                        int code = garbled ? OutcomeCodes.HostAnswerInvalid : OutcomeCodes.TimeoutHost;
                        Unanswered(reversible ? code : OutcomeCodes.NoValidReply, ReversalReason.NoResponse);
                    }
                    else
                    {
                        FinishGoal(_goal == Goal.Settlement ? OutcomeCodes.SettlementFailed : OutcomeCodes.HostUnreachable);
                    }

                    break;
            }

            ArmPump();
        }

        /// <summary>The flash refused a step: nothing after it in that list happened.</summary>
        private void OnPersistFailed(PersistOp op)
        {
            switch (op)
            {
                case PersistOp.ArmReversal:
                    // A re-arm after the answer (reason A0 or 96): the reversal armed before the
                    // send (98) stands. After an untrusted answer the outcome, listed after the
                    // re-arm, was not shown: show it now. After a refused approval it already was.
                    if (_commit != CommitRearm && Phase == Phase.Outcome)
                    {
                        ShowOutcome(_outcome, _slip != null);
                    }

                    break;
                case PersistOp.TakeStan:
                case PersistOp.TakeStanAndArmReversal:
                case PersistOp.TakeStanAndArmRefund:
                case PersistOp.CountReversalAttempt:
                case PersistOp.CountRefundAttempt:
                case PersistOp.CountAdviceAttempt:
                case PersistOp.MarkSettling:
                    if (_commit == CommitOffline)
                    {
                        _commit = CommitNone;
                        ShowOutcome(OutcomeCodes.StorageError, false);
                        break;
                    }

                    // The send listed after it never happened.
                    Link = LinkState.Ready;
                    _ex = Exchange.None;
                    _signOnDue = false;
                    _reversalDue = false;
                    _refundDue = false;
                    _advicesDue = false;
                    if (_goal != Goal.None)
                    {
                        FinishGoal(OutcomeCodes.StorageError);
                    }

                    break;
                case PersistOp.RefundAnswered:
                    // The refund stays pending on flash: resent at the next trigger, the host answers the same.
                    _refundDue = false;
                    if (_commit == CommitApproval)
                    {
                        // Never shown or printed as approved unless durable (I3).
                        _commit = CommitNone;
                        _slip.OutcomeCode = OutcomeCodes.RefundPending;
                        ShowOutcome(OutcomeCodes.RefundPending, true);
                    }
                    else if (_commit == CommitOutcome && Phase == Phase.Outcome)
                    {
                        ShowOutcome(_outcome, false);
                    }

                    break;
                case PersistOp.MarkRefundManual:
                    _manualRefundStan = -1;
                    break;
                case PersistOp.Complete:
                    if (_commit == CommitApproval)
                    {
                        // Approved but not durable: never shown or printed as approved (I3); reverse with 96.
                        _commit = CommitRearm;
                        _slip.OutcomeCode = OutcomeCodes.SaveFailed;
                        ShowOutcome(OutcomeCodes.SaveFailed, true);
                        // The host approved it: its auth code names what it applied (field 38).
                        PendingReversal r = TransactionRules.IsReversible(_type) ? BuildReversal(ReversalReason.CannotComplete, _approvedAuthCode) : null;
                        if (r != null)
                        {
                            Persist(PersistOp.ArmReversal).Reversal = r;
                        }

                        _reversalDue = true;
                    }
                    else if (_commit == CommitOffline)
                    {
                        _commit = CommitNone;
                        ShowOutcome(OutcomeCodes.StorageError, false);
                    }
                    else if (Phase == Phase.Outcome)
                    {
                        // The outcome stands; only its record is missing. Show it again.
                        ShowOutcome(_outcome, false);
                    }

                    break;
                case PersistOp.MarkReversalManual:
                    _manualStan = -1;
                    break;
                case PersistOp.ConfirmReversal:
                    // Still pending on flash: nobody is told it was reversed.
                    _reversalNotice = -1;
                    break;
                case PersistOp.OpenNextBatch:
                    if (Phase == Phase.Outcome)
                    {
                        ShowOutcome(OutcomeCodes.SettlementFailed, false);
                    }

                    break;
            }

            ArmPump();
        }
    }
}
