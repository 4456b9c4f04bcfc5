using PosFirmware.Devices;
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

            LinkDue();
        }

        private void OnSignOnAnswer(ResponseStatus status)
        {
            SignOnStatus s = status == ResponseStatus.Ok ? _keys.Accept(_profile, _response) : SignOnStatus.Refused;
            if (s == SignOnStatus.SignedOn)
            {
                _signOnDue = false;
                SetClockFromHost();
                Log(OutcomeCodes.SignedOn, _stan);
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
            if (trusted && !signOnAsked && _response.ResponseCode != ResponseCodes.Duplicate && f != null && f.Stan == _stan)
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
            BatchRecord record = approved ? RecordOf(f, rrn, auth) : null;
            LastTransaction last = LastWithOutcome(f.Stan, code, rrn, auth);
            if (!Wrote(PersistOp.RefundAnswered, f.Stan, _durable.RefundAnswered(f.Stan, record, last, Event(code, f.Stan))))
            {
                // Still pending on flash: resent at the next trigger, and the host answers the same.
                return;
            }

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
            if (status == ResponseStatus.Ok && (_response.ResponseCode == ResponseCodes.Approved || _response.ResponseCode == ResponseCodes.Duplicate))
            {
                Wrote(PersistOp.AdviceDone, _stan, _durable.AdviceDone(_stan));
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
                        int voids = _type == TransactionType.Void || _type == TransactionType.PreAuthVoid || _type == TransactionType.CompletionVoid
                            ? _original.Entry.Stan : -1;
                        _slip = MakeSlip(OutcomeCodes.Approved, rrn, auth);
                        _advicesDue = true;
                        if (!CompleteFlow(record, voids, MakeLast(OutcomeCodes.Approved, ReversalState.None, rrn, auth), reversible, OutcomeCodes.Approved))
                        {
                            ApprovalNotSaved(auth);
                            return;
                        }

                        FinishGoal(OutcomeCodes.Approved);
                        return;
                    }

                case AnswerVerdict.Declined:
                case AnswerVerdict.WrongPin:
                    {
                        int code = OutcomeCatalog.ForResponseCode(_response.ResponseCode).Code;
                        _outcomeRc = _response.ResponseCode;

                        // Refused: the outcome stands all the same (only its record is missing).
                        CompleteFlow(null, -1, MakeLast(code, ReversalState.None, rrn, null), reversible, code);
                        _advicesDue = true;
                        if (v == AnswerVerdict.WrongPin)
                        {
                            _pinTries++;
                            if (_pinTries < _p.MaxPinTries)
                            {
                                // 55: the cardholder tries again, as a new request with a new STAN.
                                _goal = Goal.None;
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
        /// since before its send) RefundAnswered, which clears it in the same commit. True when durable.
        /// </summary>
        private bool CompleteFlow(BatchRecord record, int voids, LastTransaction last, bool clearReversal, int code)
        {
            if (_type != TransactionType.Refund)
            {
                return Complete(record, voids, null, last, clearReversal, code, _stan);
            }

            if (Wrote(PersistOp.RefundAnswered, _stan, _durable.RefundAnswered(_stan, record, last, Event(code, _stan))))
            {
                return true;
            }

            // The refund stays pending on flash: resent at the next trigger, the host answers the same.
            _refundDue = false;
            return false;
        }

        /// <summary>
        /// The host approved but the approval is not durable: never shown or printed as approved (I3).
        /// A refund stays pending (resent, answered the same); anything else is reversed with 96,
        /// naming the auth code the host gave (field 38: what it applied).
        /// </summary>
        private void ApprovalNotSaved(string auth)
        {
            EndGoal();
            if (_type == TransactionType.Refund)
            {
                _slip.OutcomeCode = OutcomeCodes.RefundPending;
                ShowOutcome(OutcomeCodes.RefundPending, true);
                return;
            }

            _slip.OutcomeCode = OutcomeCodes.SaveFailed;
            ShowOutcome(OutcomeCodes.SaveFailed, true);
            PendingReversal r = TransactionRules.IsReversible(_type) ? BuildReversal(ReversalReason.CannotComplete, auth) : null;
            if (r != null)
            {
                // Refused too: the reversal armed before the send (98) stands.
                Wrote(PersistOp.ArmReversal, r.Stan, _durable.ArmReversal(r));
            }

            _reversalDue = true;
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
                _slip = MakeSlip(code, null, null);
                if (!Complete(null, -1, null, MakeLast(code, ReversalState.None, null, null), false, code, _stan))
                {
                    // The outcome stands; only its record is missing: shown, no slip printed.
                    _slip = null;
                }

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
                if (r != null && !Wrote(PersistOp.ArmReversal, r.Stan, _durable.ArmReversal(r)))
                {
                    // The re-arm was refused: the reversal armed before the send (98) stands, and
                    // nothing after a refused write is written. The outcome is shown and printed.
                    _slip = MakeSlip(code, null, null);
                    _reversalDue = true;
                    FinishGoal(code);
                    return;
                }
            }

            _slip = MakeSlip(code, null, null);
            if (!Complete(null, -1, null, MakeLast(code, reversible ? ReversalState.Pending : ReversalState.None, null, null), false, code, _stan))
            {
                // The outcome stands; only its record is missing: shown, no slip printed.
                _slip = null;
            }

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
            _advicesDue = false;
            if (!Wrote(PersistOp.OpenNextBatch, _stan, _durable.OpenNextBatch(Event(code, _stan))))
            {
                // The batch stays open on flash: settled again later (the host agrees, I6).
                FinishGoal(OutcomeCodes.SettlementFailed);
                return;
            }

            FinishGoal(code);
            if (Phase == Phase.Outcome)
            {
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
                    LinkDue();
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

            LinkDue();
        }
    }
}
