using PosFirmware.Devices;
using PosFirmware.Messaging.Host;
using PosFirmware.Messaging.Iso8583;
using PosFirmware.Payments.Journal;
using PosFirmware.Payments.Outcomes;
using PosFirmware.Payments.Rules;
using PosFirmware.Payments.State;
using PosFirmware.Security;

namespace PosFirmware.App.Engine
{
    /// <summary>
    /// The one send path of the host link: every request (sign-on, sign-off, echo, financial,
    /// settlement, batch upload and end under the next STAN; the stored reversal, refund and
    /// advices resent) is made and sealed, its write-ahead made durable, and only then sent.
    /// </summary>
    public sealed partial class TransactionEngine
    {
        /// <summary>
        /// Every request leaves this way: its message is made (a new one under the STAN the journal
        /// hands out next, or a stored one resent) and sealed, its write-ahead is made durable, and
        /// only then is the Send appended, so nothing leaves after a refused write (I3). What fails
        /// is handled here, in this step.
        /// </summary>
        private void Send(Exchange ex)
        {
            int length;
            if (!Make(ex, out length))
            {
                return;
            }

            if (!WriteAhead(ex))
            {
                NothingSent();
                return;
            }

            SendFrame(ex, length);
            if (ex == Exchange.Goal)
            {
                _goalSent = true;
            }
        }

        /// <summary>Makes and seals the message of ex into _frame (length); false when there is none to send (handled).</summary>
        private bool Make(Exchange ex, out int length)
        {
            switch (ex)
            {
                case Exchange.SignOn:
                    return MakeNetwork(Goal.SignOn, out length);
                case Exchange.Reversal:
                    return MakeReversal(out length);
                case Exchange.Refund:
                    return MakeRefund(out length);
                case Exchange.Advice:
                    return MakeAdvice(out length);
                case Exchange.BatchUpload:
                case Exchange.BatchEnd:
                    return MakeReconciliation(ex, out length);
                default:
                    // The flow's own message.
                    if (_goal == Goal.Financial)
                    {
                        return MakeFinancial(out length);
                    }

                    return _goal == Goal.Settlement ? MakeReconciliation(Exchange.Goal, out length) : MakeNetwork(_goal, out length);
            }
        }

        /// <summary>A sign-on (sealed without a MAC: the keys come with its answer), sign-off or echo under the next STAN.</summary>
        private bool MakeNetwork(Goal kind, out int length)
        {
            length = 0;
            int stan = _durable.NextStan;
            BuildStatus b = kind == Goal.SignOn ? NetworkBuilder.SignOn(_profile, _setup.Identity, stan, _state.Batch, _request)
                : kind == Goal.SignOff ? NetworkBuilder.SignOff(_profile, _setup.Identity, stan, _state.Batch, _request)
                : NetworkBuilder.Echo(_profile, _setup.Identity, stan, _state.Batch, _request);
            if (b != BuildStatus.Ok || !Seal(kind == Goal.SignOn ? null : _keys.MacKey, out length))
            {
                FailAll(OutcomeCodes.SignOnRequired);
                return false;
            }

            _stan = stan;
            return true;
        }

        /// <summary>The settlement (Exchange.Goal), the next batch upload or the batch end, under the next STAN.</summary>
        private bool MakeReconciliation(Exchange ex, out int length)
        {
            length = 0;
            int stan = _durable.NextStan;
            int upload = ex == Exchange.BatchUpload ? NextUpload() : -1;
            BuildStatus b = ex == Exchange.BatchUpload
                ? SettlementBuilder.BatchUpload(_profile, _setup.Identity, stan, _state.Batch, _state.BatchAt(upload).Entry, _uploadBalanced, _request)
                : ex == Exchange.BatchEnd
                ? SettlementBuilder.BatchEnd(_profile, _setup.Identity, stan, _state.Batch, _uploaded, _uploadBalanced, DeliveredTotals(), _request)
                : SettlementBuilder.Settlement(_profile, _setup.Identity, stan, _state.Batch, DeliveredTotals(), _request);
            if (b != BuildStatus.Ok || !Seal(_keys.MacKey, out length))
            {
                FinishGoal(OutcomeCodes.SettlementFailed);
                return false;
            }

            if (ex == Exchange.BatchUpload)
            {
                _uploadIndex = upload + 1;
            }
            else if (ex == Exchange.BatchEnd)
            {
                _uploadIndex = -1;
            }

            _stan = stan;
            return true;
        }

        /// <summary>
        /// The flow's request under the next STAN, and its write-ahead: the reversal (or the refund
        /// kept for resending), packed from the request while it still holds the card's field 55
        /// (a reversal's tags of it); then the card data goes (I7).
        /// </summary>
        private bool MakeFinancial(out int length)
        {
            length = 0;
            _stan = _durable.NextStan;
            if (!FillRequest(_stan))
            {
                FinishGoal(OutcomeCodes.CardReadError);
                return false;
            }

            BuildStatus b = RequestBuilder.Financial(_profile, _setup.Identity, _fin, _request);
            bool sealedOk = b == BuildStatus.Ok && Seal(_keys.MacKey, out length);
            _armReversal = null;
            _armRefund = null;
            if (sealedOk && _type == TransactionType.Refund)
            {
                // Kept as sent (its field 55 whole: a resend is the same request).
                _armRefund = BuildRefund();
            }

            // The request keeps only what a reversal carries; the reversal is built from it (the same
            // fields: RequestBuilder.Reversal keeps the same field 55 tags, drops 35, 36 and 52).
            ScrubSealedRequest();
            if (sealedOk && TransactionRules.IsReversible(_type))
            {
                _armReversal = BuildReversal(ReversalReason.NoResponse, null);
            }

            ForgetCard();
            if (!sealedOk)
            {
                FinishGoal(b == BuildStatus.BadAmount ? OutcomeCodes.InvalidAmount : OutcomeCodes.CardReadError);
                return false;
            }

            if ((TransactionRules.IsReversible(_type) && _armReversal == null) || (_type == TransactionType.Refund && _armRefund == null))
            {
                FinishGoal(OutcomeCodes.CardReadError);
                return false;
            }

            return true;
        }

        /// <summary>The stored reversal, unchanged but for the repeat MTI, sealed with the MAC of the moment.</summary>
        private bool MakeReversal(out int length)
        {
            length = 0;
            PendingReversal r = ActiveReversal();
            int failed;
            if (r.Attempts >= _p.ReversalMaxAttempts
                || _profile.Packager.Unpack(r.Message, 0, r.Message.Length, _request, out failed) != IsoStatus.Ok)
            {
                MarkManual(r);
                return false;
            }

            if (r.Attempts > 0 && _profile.RepeatMtiOnRetry)
            {
                _request.Mti = Mtis.ReversalRepeat;
            }

            if (!Seal(_keys.MacKey, out length))
            {
                _reversalDue = false;
                LinkDue();
                return false;
            }

            _stan = r.Stan;
            return true;
        }

        /// <summary>The pending refund as it was stored (same STAN and fields; the MAC of the moment).</summary>
        private bool MakeRefund(out int length)
        {
            length = 0;
            PendingRefund f = ActiveRefund();
            int failed;
            if (f.Attempts >= _p.ReversalMaxAttempts
                || _profile.Packager.Unpack(f.Message, 0, f.Message.Length, _request, out failed) != IsoStatus.Ok)
            {
                MarkRefundManual(f);
                return false;
            }

            if (!Seal(_keys.MacKey, out length))
            {
                _refundDue = false;
                LinkDue();
                return false;
            }

            _stan = f.Stan;
            return true;
        }

        /// <summary>The next queued advice, unchanged but for the repeat MTI.</summary>
        private bool MakeAdvice(out int length)
        {
            length = 0;
            PendingAdvice a = _state.NextAdvice();
            int failed;
            if (a.Attempts >= _p.AdviceMaxAttempts
                || _profile.Packager.Unpack(a.Message, 0, a.Message.Length, _request, out failed) != IsoStatus.Ok)
            {
                AdviceGaveUp(a.Stan);
                return false;
            }

            if (a.Attempts > 0 && _profile.RepeatMtiOnRetry)
            {
                _request.Mti = Mtis.AdviceRepeat;
            }

            if (!Seal(_keys.MacKey, out length))
            {
                _advicesDue = false;
                LinkDue();
                return false;
            }

            _stan = a.Stan;
            return true;
        }

        /// <summary>
        /// What must be durable before ex leaves: the STAN (and with the flow's request its reversal
        /// or refund, in the same write; with a settlement the settling mark), or a resend's count.
        /// </summary>
        private bool WriteAhead(Exchange ex)
        {
            switch (ex)
            {
                case Exchange.Reversal:
                    return Wrote(PersistOp.CountReversalAttempt, _stan, _durable.CountReversalAttempt(_stan));
                case Exchange.Refund:
                    return Wrote(PersistOp.CountRefundAttempt, _stan, _durable.CountRefundAttempt(_stan));
                case Exchange.Advice:
                    return Wrote(PersistOp.CountAdviceAttempt, _stan, _durable.CountAdviceAttempt(_stan));
                case Exchange.Goal:
                    if (_goal == Goal.Financial)
                    {
                        return WriteAheadFinancial();
                    }

                    if (_goal == Goal.Settlement)
                    {
                        // From here the host may close the batch; until a settlement finishes nothing new goes into it.
                        return TakeStan() && (_state.Settling || Wrote(PersistOp.MarkSettling, _stan, _durable.MarkSettling()));
                    }

                    return TakeStan();
                default:
                    return TakeStan();
            }
        }

        private bool WriteAheadFinancial()
        {
            PendingReversal r = _armReversal;
            PendingRefund f = _armRefund;
            _armReversal = null;
            _armRefund = null;
            int stan;
            if (r != null)
            {
                // I3: the STAN and the reversal are durable, in one write, before the request leaves.
                return Wrote(PersistOp.TakeStanAndArmReversal, r.Stan, _durable.TakeStanAndArmReversal(r, out stan));
            }

            if (f != null)
            {
                // A refund cannot be reversed: it is kept the same way, to be resent until answered.
                LastTransaction last = MakeLast(OutcomeCodes.RefundPending, ReversalState.None, null, null);
                return Wrote(PersistOp.TakeStanAndArmRefund, f.Stan, _durable.TakeStanAndArmRefund(f, last, out stan));
            }

            return TakeStan();
        }

        /// <summary>A write-ahead was refused: the request did not leave. The link stops for this trigger; the goal ends with a storage error.</summary>
        private void NothingSent()
        {
            _signOnDue = false;
            _reversalDue = false;
            _refundDue = false;
            _advicesDue = false;
            if (_goal != Goal.None)
            {
                FinishGoal(OutcomeCodes.StorageError);
            }

            LinkDue();
        }

        /// <summary>Seals _request into _frame; false when it cannot be (nothing is sent).</summary>
        private bool Seal(DesKey mak, out int length)
        {
            return _sealer.Seal(_profile, mak, _request, _frame, 0, out length) == SealStatus.Ok;
        }

        /// <summary>The Send action, after the writes it depends on, and the answer's timer.</summary>
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
    }
}
