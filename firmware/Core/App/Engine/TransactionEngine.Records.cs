using PosFirmware.Devices;
using PosFirmware.App.Input;
using PosFirmware.App.Slips;
using PosFirmware.Common;
using PosFirmware.Messaging.Emv;
using PosFirmware.Messaging.Host;
using PosFirmware.Messaging.Iso8583;
using PosFirmware.Payments.Outcomes;
using PosFirmware.Payments.State;
using PosFirmware.Security;

namespace PosFirmware.App.Engine
{
    /// <summary>What the engine builds from the flow: requests, reversals, advices, records, slips.</summary>
    public sealed partial class TransactionEngine
    {
        /// <summary>The auth code of an offline approval: this, then the STAN's last four digits.</summary>
        private const string OfflineAuthCode = "Y1";

        // Scratch for what a durable step carries: the journal keeps the bytes it writes, never these
        // objects, so one of each is reused (built just before the call that takes it).
        private readonly BatchRecord _record = new BatchRecord();
        private readonly LastTransaction _last = new LastTransaction();

        private string _requestTime;
        private string _requestDate;

        /// <summary>Fills _fin for the flow's transaction under stan; the PIN block is made here and the PIN wiped.</summary>
        private bool FillRequest(int stan)
        {
            _fin.Clear();
            _fin.Type = _type;
            _fin.AmountMinor = _type == TransactionType.Balance ? 0 : _amount;
            _fin.Stan = stan;
            _fin.Batch = _state.Batch;
            _requestTime = LocalTime();
            _requestDate = LocalDate();
            _fin.LocalTime = _requestTime;
            _fin.LocalDate = _requestDate;
            _fin.Entry = EntryModes.Of(_card.Entry);
            _fin.Pan = _card.Pan;
            _fin.Expiry = _card.Expiry;
            _fin.Track2 = _card.Track2;
            _fin.CardSequence = _card.CardSequence;
            _fin.IccData = _card.IccData;
            if (_original != null)
            {
                BatchEntry o = _original.Entry;
                _fin.OriginalStan = o.Stan;
                _fin.OriginalBatch = o.Batch;
                _fin.OriginalDate = o.LocalDate;
                _fin.OriginalAuthCode = o.AuthCode;
                _fin.OriginalRrn = o.Rrn;
            }
            else if (_type == TransactionType.Refund)
            {
                _fin.OriginalStan = _trace;
                _fin.OriginalBatch = 0;
            }

            if (_hasPin)
            {
                byte[] block = SecretBuffers.New(8);
                byte[] pan = SecretBuffers.Held(Bytes(_card.Pan));
                PinBlockStatus s = PinBlock.Build(PinBlockFormat.Iso0, _pin.Digits, _pin.Length, pan, 0, pan.Length, _random, block, 0);
                _pin.Clear();
                _hasPin = false;
                System.Array.Clear(pan, 0, pan.Length);
                if (s != PinBlockStatus.Ok || _keys.PinKey == null)
                {
                    // A clear PIN block never outlives the step (I7).
                    System.Array.Clear(block, 0, block.Length);
                    return false;
                }

                _keys.PinKey.EncryptBlock(block, 0, block, 0);
                _fin.EncryptedPinBlock = block;
            }

            return true;
        }

        /// <summary>
        /// The request is built (sealed, packed, or refused): the card's secrets go (I7). The PIN
        /// block and the EMV data are zeroed, PAN and track 2 dropped; a new request needs a new
        /// read of the card.
        /// </summary>
        private void ForgetCard()
        {
            _fin.Clear();
            _card.Forget();
        }

        /// <summary>
        /// After the flow's request is sealed into the frame: the message keeps, for the reversals
        /// rebuilt from it later, only the field 55 tags a reversal carries (not the spent
        /// cryptogram), and no track 2 or PIN block.
        /// </summary>
        private void ScrubSealedRequest()
        {
            byte[] icc = _request.GetBytes(55);
            if (icc != null)
            {
                byte[] kept = Field55.Select(icc, Field55.ReversalTags);
                if (kept != null && kept.Length > 0)
                {
                    _request.Set(55, kept);
                }
                else
                {
                    _request.Remove(55);
                }
            }

            _request.Remove(35);
            _request.Remove(36);
            _request.Remove(52);
        }

        private static byte[] Bytes(string ascii)
        {
            byte[] b = new byte[ascii.Length];
            for (int i = 0; i < b.Length; i++)
            {
                b[i] = (byte)ascii[i];
            }

            return b;
        }

        /// <summary>
        /// The reversal of _request (the flow's request as built), packed without MAC; null when it
        /// cannot be built. authCode: the field 38 that came back (reason 96: the approval not saved; A0: the approval whose MAC failed), else null.
        /// </summary>
        private PendingReversal BuildReversal(string reason, string authCode)
        {
            if (RequestBuilder.Reversal(_profile, _type, _request, _state.Batch, reason, authCode, false, _scratch) != BuildStatus.Ok)
            {
                return null;
            }

            byte[] packed = Pack(_scratch);
            if (packed == null)
            {
                return null;
            }

            PendingReversal r = new PendingReversal();
            r.Stan = _stan;
            r.Batch = _state.Batch;
            r.Type = _type;
            r.AmountMinor = _amount;
            r.Message = packed;
            r.When = _requestDate + _requestTime;
            return r;
        }

        /// <summary>
        /// The refund of _request (as sealed and about to be sent) to keep until the host answers:
        /// the request packed without MAC and without track data (35, 36: I7, never on flash; the
        /// request keeps no copy either once it is sent), and what its batch record will need.
        /// </summary>
        private PendingRefund BuildRefund()
        {
            _request.Remove(35);
            _request.Remove(36);
            byte[] packed = Pack(_request);
            if (packed == null)
            {
                return null;
            }

            PendingRefund f = new PendingRefund();
            f.Stan = _stan;
            f.Batch = _state.Batch;
            f.Type = _type;
            f.AmountMinor = _amount;
            f.LocalTime = _requestTime;
            f.LocalDate = _requestDate;
            f.Entry = EntryModes.Of(_card.Entry);
            f.MaskedPan = _card.MaskedPan;
            f.RefersToStan = _original != null ? _original.Entry.Stan : _trace;
            f.Message = packed;
            return f;
        }

        /// <summary>The batch record of a pending refund the host approved (the reused scratch record).</summary>
        private BatchRecord RecordOf(PendingRefund f, string rrn, string authCode)
        {
            BatchRecord r = _record;
            r.Offline = false;
            r.Voided = false;
            BatchEntry e = r.Entry;
            e.Type = f.Type;
            e.AmountMinor = f.AmountMinor;
            e.Stan = f.Stan;
            e.Batch = f.Batch;
            e.LocalTime = f.LocalTime;
            e.LocalDate = f.LocalDate;
            e.Entry = f.Entry;
            e.Rrn = rrn;
            e.AuthCode = authCode;
            r.MaskedPan = f.MaskedPan;
            r.OutcomeCode = OutcomeCodes.Approved;
            r.RefersToStan = f.RefersToStan;
            return r;
        }

        /// <summary>The slip of a pending refund's final (or unknown) result.</summary>
        private SlipData RefundSlip(PendingRefund f, int outcome, string rrn, string authCode)
        {
            SlipData d = NewSlip();
            d.Type = f.Type;
            d.AmountMinor = f.AmountMinor;
            d.MaskedPan = f.MaskedPan;
            d.Entry = f.Entry;
            d.Stan = f.Stan;
            d.Batch = f.Batch;
            d.When = f.LocalDate + f.LocalTime;
            d.Rrn = rrn;
            d.AuthCode = authCode;
            d.OutcomeCode = outcome;
            return d;
        }

        /// <summary>The last transaction with a new outcome (and reference, when given), when it is stan's (else null).</summary>
        private LastTransaction LastWithOutcome(int stan, int outcome, string rrn, string authCode)
        {
            LastTransaction c = LastWithReversal(stan, ReversalState.None);
            if (c != null)
            {
                c.OutcomeCode = outcome;
                c.Rrn = rrn != null ? rrn : c.Rrn;
                c.AuthCode = authCode != null ? authCode : c.AuthCode;
            }

            return c;
        }

        /// <summary>The message packed without MAC (stored reversals and advices are MACed when sent).</summary>
        private byte[] Pack(IsoMessage m)
        {
            int n;
            int failed;
            m.Remove(64);
            if (_profile.Packager.Pack(m, _pack, 0, out n, out failed) != IsoStatus.Ok)
            {
                return null;
            }

            byte[] packed = new byte[n];
            System.Array.Copy(_pack, 0, packed, 0, n);
            System.Array.Clear(_pack, 0, n);
            return packed;
        }

        /// <summary>The flow's batch record (the reused scratch record: taken by the next durable step).</summary>
        private BatchRecord MakeRecord(int outcome, bool offline, string rrn, string authCode)
        {
            BatchRecord r = _record;
            r.Voided = false;
            BatchEntry e = r.Entry;
            e.Type = _type;
            e.AmountMinor = _amount;
            e.Stan = _stan;
            e.Batch = _state.Batch;
            e.LocalTime = _requestTime;
            e.LocalDate = _requestDate;
            e.Entry = EntryModes.Of(_card.Entry);
            e.Rrn = rrn;
            e.AuthCode = authCode;
            r.MaskedPan = _card.MaskedPan;
            r.OutcomeCode = outcome;
            r.Offline = offline;
            r.RefersToStan = _original != null ? _original.Entry.Stan : _type == TransactionType.Refund ? _trace : 0;
            return r;
        }

        /// <summary>The flow's last transaction (the reused scratch: taken by the next durable step).</summary>
        private LastTransaction MakeLast(int outcome, ReversalState reversal, string rrn, string authCode)
        {
            LastTransaction t = _last;
            t.ResponseCode = null;
            t.ReversalWhen = null;
            t.Stan = _stan;
            t.Type = _type;
            t.AmountMinor = _type == TransactionType.Balance ? 0 : _amount;
            t.OutcomeCode = outcome;
            t.MaskedPan = _card.MaskedPan;
            t.Rrn = rrn;
            t.AuthCode = authCode;
            t.When = Stamp(_requestDate, _requestTime);
            t.Reversal = reversal;
            t.Batch = _state.Batch;
            Outcome o = OutcomeCatalog.Get(outcome);
            if (o != null && (o.ResponseCode != null || outcome == OutcomeCodes.HostUnknownCode))
            {
                // The host answered: keep its code as received, for the merchant to quote.
                t.ResponseCode = _response.ResponseCode;
            }

            return t;
        }

        /// <summary>The slip of the flow's transaction (masked PAN only): what its batch record would print.</summary>
        private SlipData MakeSlip(int outcome, string rrn, string authCode)
        {
            SlipData d = NewSlip();
            d.Type = _type;
            d.AmountMinor = _amount;
            d.MaskedPan = _card.MaskedPan;
            d.Entry = EntryModes.Of(_card.Entry);
            d.Stan = _stan;
            d.Batch = _state.Batch;
            d.When = Stamp(_requestDate, _requestTime);
            d.TimeNotSet = d.When == null;
            d.Rrn = rrn;
            d.AuthCode = authCode;
            d.OutcomeCode = outcome;
            return d;
        }

        private SlipData SlipOf(BatchRecord r)
        {
            SlipData d = NewSlip();
            BatchEntry e = r.Entry;
            d.Type = e.Type;
            d.AmountMinor = e.AmountMinor;
            d.MaskedPan = r.MaskedPan;
            d.Entry = e.Entry;
            d.Stan = e.Stan;
            d.Batch = e.Batch;
            d.When = Stamp(e.LocalDate, e.LocalTime);
            d.TimeNotSet = d.When == null;
            d.Rrn = e.Rrn;
            d.AuthCode = e.AuthCode;
            d.OutcomeCode = r.OutcomeCode;
            return d;
        }

        private SlipData SlipOf(LastTransaction t)
        {
            SlipData d = NewSlip();
            d.Type = t.Type;
            d.AmountMinor = t.AmountMinor;
            d.MaskedPan = t.MaskedPan;
            // Not kept with the reversal or the last transaction: the slip leaves the entry line out rather than guess.
            d.Entry = SlipData.EntryNotKnown;
            d.Stan = t.Stan;
            d.Batch = t.Batch > 0 ? t.Batch : _state.Batch;
            d.When = t.When;
            d.TimeNotSet = t.When == null;
            d.Rrn = t.Rrn;
            d.AuthCode = t.AuthCode;
            d.ResponseCode = t.ResponseCode;
            d.OutcomeCode = t.Reversal == ReversalState.ManualHandling ? OutcomeCodes.ReversalFailed : t.OutcomeCode;
            return d;
        }

        private SlipData NewSlip()
        {
            SlipData d = new SlipData();
            d.MerchantName = _setup.MerchantName;
            d.MerchantId = _setup.Identity.MerchantId;
            d.TerminalId = _setup.Identity.TerminalId;
            return d;
        }

        /// <summary>The reversal-failure slip (冲正不成功，请人工处理) of a reversal whose retries ran out.</summary>
        private string[] ManualHandlingSlip(PendingReversal r)
        {
            SlipData d = NewSlip();
            d.Type = r.Type;
            d.AmountMinor = r.AmountMinor;
            d.MaskedPan = null;
            LastTransaction last = _state.Last;
            if (last != null && last.Stan == r.Stan)
            {
                d.MaskedPan = last.MaskedPan;
                d.When = last.When;
                d.TimeNotSet = last.When == null;
            }

            // Not kept with the reversal or the last transaction: the slip leaves the entry line out rather than guess.
            d.Entry = SlipData.EntryNotKnown;
            d.Stan = r.Stan;
            d.Batch = r.Batch;
            d.OutcomeCode = OutcomeCodes.ReversalFailed;
            return SlipBuilder.Lines(d, SlipCopy.Merchant);
        }

        /// <summary>The last transaction with a new reversal state, when it is the one reversed (else null).</summary>
        private LastTransaction LastWithReversal(int stan, ReversalState state)
        {
            LastTransaction t = _state.Last;
            if (t == null || t.Stan != stan)
            {
                return null;
            }

            LastTransaction c = _last;
            c.Stan = t.Stan;
            c.Type = t.Type;
            c.AmountMinor = t.AmountMinor;
            c.OutcomeCode = t.OutcomeCode;
            c.MaskedPan = t.MaskedPan;
            c.Rrn = t.Rrn;
            c.AuthCode = t.AuthCode;
            c.When = t.When;
            c.Reversal = state;
            c.ResponseCode = t.ResponseCode;
            c.Batch = t.Batch;
            c.ReversalWhen = t.ReversalWhen;
            return c;
        }

        /// <summary>
        /// The host confirmed reversal r: cleared, its evidence kept for the confirmation slip, the
        /// last transaction says "reversal confirmed" with the time, and the idle screen says so once.
        /// </summary>
        private void ConfirmReversal(PendingReversal r)
        {
            ConfirmedReversal c = new ConfirmedReversal();
            c.Stan = r.Stan;
            c.Batch = r.Batch;
            c.Type = r.Type;
            c.AmountMinor = r.AmountMinor;
            c.ConfirmedWhen = _utcSet ? When() : null;
            // _request still holds the reversal as sent: its PAN (masked here), time and reference.
            c.MaskedPan = _request.Has(2) ? PanMask.Mask(_request.GetString(2)) : null;
            c.OriginalWhen = r.When;
            c.Rrn = _response.Rrn != null ? _response.Rrn : _request.Has(37) ? _request.GetString(37) : null;
            LastTransaction last = LastWithReversal(r.Stan, ReversalState.Done);
            if (last != null)
            {
                last.ReversalWhen = c.ConfirmedWhen;
                c.MaskedPan = last.MaskedPan;
                c.OriginalWhen = last.When;
                c.Rrn = c.Rrn != null ? c.Rrn : last.Rrn;
            }

            if (!Wrote(PersistOp.ConfirmReversal, r.Stan, _durable.ConfirmReversal(r.Stan, c, last, Event(OutcomeCodes.ReversalConfirmed, r.Stan))))
            {
                // Still pending on flash: nobody is told it was reversed; it is sent again.
                return;
            }

            _reversalNotice = r.Stan;
            if (Phase == Phase.Idle)
            {
                ShowIdle();
            }
        }

        /// <summary>
        /// At idle: names every confirmed reversal whose notice is due (on flash, or confirmed in this
        /// very step) and writes that they were said. The flag is durable, so a power cut before idle
        /// does not lose a notice, and a second confirmation does not hide the first. False: none due.
        /// </summary>
        private bool SayConfirmedReversals()
        {
            int confirmed = _reversalNotice;
            bool fresh = confirmed >= 0 && _state.FindConfirmed(confirmed) == null;
            int n = fresh ? 1 : 0;
            for (int i = 0; i < _state.ConfirmedCount; i++)
            {
                n += _state.ConfirmedAt(i).NoticeDue ? 1 : 0;
            }

            _reversalNotice = -1;
            if (n == 0)
            {
                return false;
            }

            int[] stans = new int[n];
            int k = 0;
            for (int i = 0; i < _state.ConfirmedCount; i++)
            {
                if (_state.ConfirmedAt(i).NoticeDue)
                {
                    stans[k++] = _state.ConfirmedAt(i).Stan;
                }
            }

            if (fresh)
            {
                stans[k] = confirmed;
            }

            Show(Prompts.IdleReversalConfirmed(stans, n));

            // Refused: said again at the next idle (the notices are still due on flash).
            Wrote(PersistOp.NoticeSaid, n, _durable.NoticeSaid(stans, n));
            return true;
        }

        /// <summary>The reversal confirmation slip's data (masked PAN only).</summary>
        private SlipData SlipOf(ConfirmedReversal c)
        {
            SlipData d = NewSlip();
            d.Type = c.Type;
            d.AmountMinor = c.AmountMinor;
            d.MaskedPan = c.MaskedPan;
            // Not kept with the reversal or the last transaction: the slip leaves the entry line out rather than guess.
            d.Entry = SlipData.EntryNotKnown;
            d.Stan = c.Stan;
            d.Batch = c.Batch;
            d.When = c.OriginalWhen;
            d.ConfirmedWhen = c.ConfirmedWhen;
            d.Rrn = c.Rrn;
            d.OutcomeCode = OutcomeCodes.ReversalConfirmed;
            return d;
        }

        /// <summary>
        /// An offline approval: the approval, its batch record and its advice in one commit. Its auth
        /// code is always Y1 and the STAN's last four digits (OfflineAuthCode), also when the host
        /// could not be reached (the unable-to-go-online case, Y3 in EMV terms, FailAll).
        /// </summary>
        private void ApproveOffline()
        {
            _stan = _durable.NextStan;
            if (!FillRequest(_stan))
            {
                ShowOutcome(OutcomeCodes.CardReadError, false);
                return;
            }

            string auth = OfflineAuthCode + Digits.Pad(_stan % 10000, 4);
            BuildStatus b = RequestBuilder.Advice(_profile, _setup.Identity, _fin, auth, false, _scratch);

            // Packed (a copy) before the card data is wiped: the advice carries the card's field 55.
            byte[] packed = b == BuildStatus.Ok ? Pack(_scratch) : null;
            _scratch.Clear();
            ForgetCard();
            if (packed == null)
            {
                ShowOutcome(OutcomeCodes.CardReadError, false);
                return;
            }

            PendingAdvice advice = new PendingAdvice();
            advice.Stan = _stan;
            advice.AmountMinor = _amount;
            advice.Message = packed;
            if (!TakeStan() || !Complete(MakeRecord(OutcomeCodes.ApprovedOffline, true, null, auth), -1, advice,
                MakeLast(OutcomeCodes.ApprovedOffline, ReversalState.None, null, auth), false, OutcomeCodes.ApprovedOffline, _stan))
            {
                // Never shown or printed as approved unless durable (I3).
                ShowOutcome(OutcomeCodes.StorageError, false);
                return;
            }

            _slip = MakeSlip(OutcomeCodes.ApprovedOffline, null, auth);
            ShowOutcome(OutcomeCodes.ApprovedOffline, true);
        }

        private string When()
        {
            return Stamp(LocalDate(), LocalTime());
        }

        private static string TotalsText(SettlementTotals t)
        {
            return "D" + t.DebitCount + " " + AmountEntry.Format(t.DebitAmountMinor) + " C" + t.CreditCount + " " + AmountEntry.Format(t.CreditAmountMinor);
        }

        /// <summary>The balance of field 54 (BalanceAmount) as shown, or "".</summary>
        private static string BalanceText(string additional)
        {
            long amount;
            bool debit;
            if (!BalanceAmount.TryRead(additional, out amount, out debit))
            {
                return "";
            }

            return (debit ? "-" : "") + AmountEntry.Format(amount);
        }
    }
}
