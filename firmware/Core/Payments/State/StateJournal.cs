using PosFirmware.Messaging.Host;
using PosFirmware.Payments.Journal;

namespace PosFirmware.Payments.State
{
    /// <summary>
    /// The terminal state's durable side: every change is written as journal records first and
    /// applied to the TerminalState only when the commit returned Ok, through the same code that
    /// replays the records at power-on. So what RAM holds is always what recovery would rebuild,
    /// and a change the flash refused never happened. Changes that belong together (an approval,
    /// its batch record and the clearing of its reversal) are one commit. Compacts the journal
    /// into a snapshot of the state when it grows past its size.
    /// </summary>
    public sealed class StateJournal : IJournalReader, IJournalSnapshot
    {
        /// <summary>STANs reserved per flash write: most transactions take one without writing.</summary>
        public const int StanBlock = 20;

        private readonly Journal.Journal _journal;
        private readonly TerminalState _state;
        private readonly JournalBatch _batch;
        private readonly JournalBatch _scratch;
        private readonly RecordWriter _w;
        private readonly RecordReader _r = new RecordReader();

        public StateJournal(Journal.Journal journal, TerminalState state, int batchBytes)
        {
            _journal = journal;
            _state = state;
            _batch = new JournalBatch(batchBytes);
            _scratch = new JournalBatch(batchBytes);
            _w = new RecordWriter(journal.MaxPayloadBytes);
        }

        public TerminalState State
        {
            get { return _state; }
        }

        public Journal.Journal Journal
        {
            get { return _journal; }
        }

        /// <summary>Records recovery could not decode (a valid CRC but a payload of the wrong shape): ignored.</summary>
        public int IgnoredRecords { get; private set; }

        /// <summary>The status of the last compaction attempt (Ok when none was needed).</summary>
        public JournalStatus LastCompaction { get; private set; }

        /// <summary>Power-on: rebuilds the state from the journal.</summary>
        public JournalStatus Recover()
        {
            IgnoredRecords = 0;
            JournalStatus s = _journal.Open(this);
            if (s == JournalStatus.Ok)
            {
                // Reserved but unused STANs are skipped: a STAN is never used twice.
                _state.LastStan = _state.ReservedStan;
                CompactIfNeeded();
            }

            return s;
        }

        /// <summary>The next STAN; writes a reservation first when the reserved block is used up.</summary>
        public JournalStatus TakeStan(out int stan)
        {
            stan = 0;
            int next = TerminalState.After(_state.LastStan);
            if (next > _state.ReservedStan || next == 1)
            {
                int upTo = next + StanBlock - 1;
                if (upTo > TerminalState.MaxStan)
                {
                    upTo = TerminalState.MaxStan;
                }

                Begin().Add(RecordType.StanReserved, _w.Reset().I32(upTo));
                JournalStatus s = Commit();
                if (s != JournalStatus.Ok)
                {
                    return s;
                }
            }

            _state.LastStan = next;
            stan = next;
            return JournalStatus.Ok;
        }

        /// <summary>
        /// Takes the next STAN for a reversible request and makes its reversal durable in the same
        /// commit (one flash write per request, however the STAN block stands). r.Stan must be the
        /// STAN TakeStan would hand out.
        /// </summary>
        public JournalStatus TakeStanAndArmReversal(PendingReversal r)
        {
            int next = TerminalState.After(_state.LastStan);
            if (r.Stan != next)
            {
                return JournalStatus.Mismatch;
            }

            Begin();
            if (next > _state.ReservedStan || next == 1)
            {
                int upTo = next + StanBlock - 1 > TerminalState.MaxStan ? TerminalState.MaxStan : next + StanBlock - 1;
                _batch.Add(RecordType.StanReserved, _w.Reset().I32(upTo));
            }

            AddReversal(_batch, r);
            JournalStatus s = Commit();
            if (s == JournalStatus.Ok)
            {
                _state.LastStan = next;
            }

            return s;
        }

        /// <summary>
        /// Takes the next STAN for a refund and makes the refund durable in the same commit, before
        /// its request leaves (the write-ahead of a reversal: a refund whose answer is lost is resent,
        /// never forgotten). r.Stan must be the STAN TakeStan would hand out. last (or null) is the
        /// last transaction's status meanwhile (refund pending), so a power cut cannot leave an older one.
        /// </summary>
        public JournalStatus TakeStanAndArmRefund(PendingRefund r, LastTransaction last)
        {
            int next = TerminalState.After(_state.LastStan);
            if (r.Stan != next || _state.Refund != null)
            {
                return JournalStatus.Mismatch;
            }

            Begin();
            if (next > _state.ReservedStan || next == 1)
            {
                int upTo = next + StanBlock - 1 > TerminalState.MaxStan ? TerminalState.MaxStan : next + StanBlock - 1;
                _batch.Add(RecordType.StanReserved, _w.Reset().I32(upTo));
            }

            _batch.Add(RecordType.RefundArmed, WriteRefund(r));
            if (last != null)
            {
                AddLast(_batch, last);
            }

            JournalStatus s = Commit();
            if (s == JournalStatus.Ok)
            {
                _state.LastStan = next;
            }

            return s;
        }

        /// <summary>Counts one more resend of the pending refund (before it is sent).</summary>
        public JournalStatus CountRefundAttempt()
        {
            PendingRefund r = _state.Refund;
            Begin().Add(RecordType.RefundAttempt, _w.Reset().I32(r.Stan).U16(r.Attempts + 1));
            return Commit();
        }

        /// <summary>
        /// The host answered the pending refund: its batch record (approved) or null, the last
        /// transaction's status (or null) and the clearing of the refund, in one commit.
        /// </summary>
        public JournalStatus RefundAnswered(BatchRecord added, LastTransaction last, LoggedEvent e)
        {
            Begin();
            if (added != null)
            {
                _batch.Add(RecordType.BatchAdd, WriteBatchRecord(added));
            }

            if (last != null)
            {
                AddLast(_batch, last);
            }

            _batch.Add(RecordType.RefundCleared, _w.Reset().I32(_state.Refund.Stan));
            AddEvent(e);
            return Commit();
        }

        /// <summary>The resends ran out: the refund moves to the manual-handling list (its message dropped), never silently.</summary>
        public JournalStatus MarkRefundManual(LastTransaction last, LoggedEvent e)
        {
            Begin().Add(RecordType.RefundManual, _w.Reset().I32(_state.Refund.Stan));
            if (last != null)
            {
                AddLast(_batch, last);
            }

            AddEvent(e);
            return Commit();
        }

        /// <summary>Makes a reversal durable (before its request leaves: invariant I3); replaces any with the same STAN.</summary>
        public JournalStatus ArmReversal(PendingReversal r)
        {
            AddReversal(Begin(), r);
            return Commit();
        }

        /// <summary>Counts one more send attempt of the pending reversal (before it is sent).</summary>
        public JournalStatus CountReversalAttempt()
        {
            PendingReversal r = _state.Reversal;
            Begin().Add(RecordType.ReversalAttempt, _w.Reset().I32(r.Stan).U16(r.Attempts + 1));
            return Commit();
        }

        /// <summary>The host confirmed the reversal, or the request it protected completed.</summary>
        public JournalStatus ClearReversal(LoggedEvent e)
        {
            Begin().Add(RecordType.ReversalCleared, _w.Reset().I32(_state.Reversal.Stan));
            AddEvent(e);
            return Commit();
        }

        /// <summary>
        /// The host confirmed the pending reversal, in one commit: it is cleared, the confirmation is
        /// kept (c: the evidence its slip prints), and last (or null) records it on the last transaction.
        /// </summary>
        public JournalStatus ConfirmReversal(ConfirmedReversal c, LastTransaction last, LoggedEvent e)
        {
            // Due until the idle screen said it (NoticeSaid): a power cut before idle does not lose it.
            c.NoticeDue = true;
            Begin().Add(RecordType.ReversalCleared, _w.Reset().I32(_state.Reversal.Stan));
            _batch.Add(RecordType.ReversalConfirmed, WriteConfirmed(c));
            if (last != null)
            {
                AddLast(_batch, last);
            }

            AddEvent(e);
            return Commit();
        }

        /// <summary>The idle screen said these confirmations (count STANs): one write, only when a notice was due.</summary>
        public JournalStatus NoticeSaid(int[] stans, int count)
        {
            _w.Reset().U8(count);
            for (int i = 0; i < count; i++)
            {
                _w.I32(stans[i]);
            }

            Begin().Add(RecordType.ReversalNoticed, _w);
            return Commit();
        }

        /// <summary>
        /// The retries ran out: the reversal moves to the manual-handling list (its message, with the
        /// PAN, is dropped), never dropped silently; last (or null) records it on the last transaction.
        /// </summary>
        public JournalStatus MarkReversalManual(LastTransaction last, LoggedEvent e)
        {
            Begin().Add(RecordType.ReversalManual, _w.Reset().I32(_state.Reversal.Stan));
            if (last != null)
            {
                AddLast(_batch, last);
            }

            AddEvent(e);
            return Commit();
        }

        /// <summary>
        /// The end of a transaction, in one commit: its batch record (approved) or null, the STAN of
        /// the transaction it voids or -1, a queued advice (offline approval) or null, the last
        /// transaction's status, whether its reversal is cleared, and an event.
        /// </summary>
        public JournalStatus Complete(BatchRecord added, int voidsStan, PendingAdvice advice, LastTransaction last, bool clearReversal, LoggedEvent e)
        {
            Begin();
            if (added != null)
            {
                _batch.Add(RecordType.BatchAdd, WriteBatchRecord(added));
            }

            if (voidsStan > 0)
            {
                _batch.Add(RecordType.BatchVoid, _w.Reset().I32(voidsStan));
            }

            if (advice != null)
            {
                _batch.Add(RecordType.AdviceQueued, WriteAdvice(advice));
            }

            if (last != null)
            {
                AddLast(_batch, last);
            }

            if (clearReversal && _state.Reversal != null)
            {
                _batch.Add(RecordType.ReversalCleared, _w.Reset().I32(_state.Reversal.Stan));
            }

            AddEvent(e);
            return Commit();
        }

        public JournalStatus CountAdviceAttempt(int stan)
        {
            PendingAdvice a = _state.FindAdvice(stan);
            Begin().Add(RecordType.AdviceAttempt, _w.Reset().I32(stan).U16(a == null ? 1 : a.Attempts + 1));
            return Commit();
        }

        public JournalStatus AdviceDone(int stan)
        {
            Begin().Add(RecordType.AdviceDone, _w.Reset().I32(stan));
            return Commit();
        }

        public JournalStatus AdviceFailed(int stan, LoggedEvent e)
        {
            Begin().Add(RecordType.AdviceFailed, _w.Reset().I32(stan));
            AddEvent(e);
            return Commit();
        }

        /// <summary>
        /// A settlement of the current batch is about to leave (durable before it does): once the
        /// host may have closed the batch, a lost answer or a power cut must not let new transactions
        /// into it (the host would never settle them); OpenNextBatch clears it.
        /// </summary>
        public JournalStatus MarkSettling()
        {
            Begin().Add(RecordType.SettlementStarted, _w.Reset().I32(_state.Batch));
            return Commit();
        }

        /// <summary>Settlement succeeded: the batch is closed and the next one opened, empty.</summary>
        public JournalStatus OpenNextBatch(LoggedEvent e)
        {
            int next = _state.Batch >= 999999 ? 1 : _state.Batch + 1;
            Begin().Add(RecordType.BatchOpened, _w.Reset().I32(next));
            AddEvent(e);
            return Commit();
        }

        /// <summary>Logs one event on its own (most events ride along with the change they describe).</summary>
        public JournalStatus Log(LoggedEvent e)
        {
            Begin();
            AddEvent(e);
            return Commit();
        }

        // ---- IJournalReader: replay -------------------------------------------------------

        public void OnRecord(byte type, byte[] buffer, int offset, int length)
        {
            _r.Start(buffer, offset, length);
            if (!Apply(type))
            {
                IgnoredRecords++;
            }
        }

        // ---- IJournalSnapshot: compaction -------------------------------------------------

        public bool WriteTo(JournalBatch batch)
        {
            bool ok = _state.ReservedStan == 0 || batch.Add(RecordType.StanReserved, _w.Reset().I32(_state.ReservedStan));
            ok &= batch.Add(RecordType.BatchOpened, _w.Reset().I32(_state.Batch));
            if (_state.Settling)
            {
                ok &= batch.Add(RecordType.SettlementStarted, _w.Reset().I32(_state.Batch));
            }
            for (int i = 0; i < _state.BatchCount; i++)
            {
                ok &= batch.Add(RecordType.BatchAdd, WriteBatchRecord(_state.BatchAt(i)));
            }

            for (int i = 0; i < _state.AdviceCount; i++)
            {
                PendingAdvice a = _state.AdviceAt(i);
                ok &= batch.Add(RecordType.AdviceQueued, WriteAdvice(a));
                if (a.Attempts > 0)
                {
                    ok &= batch.Add(RecordType.AdviceAttempt, _w.Reset().I32(a.Stan).U16(a.Attempts));
                }

                if (a.Failed)
                {
                    ok &= batch.Add(RecordType.AdviceFailed, _w.Reset().I32(a.Stan));
                }
            }

            PendingReversal r = _state.Reversal;
            if (r != null)
            {
                ok &= AddReversal(batch, r);
            }

            for (int i = 0; i < _state.ManualCount; i++)
            {
                PendingReversal m = _state.ManualAt(i);
                ok &= batch.Add(RecordType.ManualReversal, _w.Reset().I32(m.Stan).I32(m.Batch).U8((int)m.Type).I64(m.AmountMinor));
            }

            PendingRefund f = _state.Refund;
            if (f != null)
            {
                ok &= batch.Add(RecordType.RefundArmed, WriteRefund(f));
            }

            for (int i = 0; i < _state.ManualRefundCount; i++)
            {
                ok &= batch.Add(RecordType.ManualRefund, WriteManualRefund(_state.ManualRefundAt(i)));
            }

            if (_state.Last != null)
            {
                ok &= AddLast(batch, _state.Last);
            }

            for (int i = 0; i < _state.ConfirmedCount; i++)
            {
                ok &= batch.Add(RecordType.ReversalConfirmed, WriteConfirmed(_state.ConfirmedAt(i)));
            }

            if (_state.ManualOverflow > 0 || _state.ManualRefundOverflow > 0)
            {
                ok &= batch.Add(RecordType.ManualOverflow, _w.Reset().I32(_state.ManualOverflow).I32(_state.ManualRefundOverflow));
            }

            for (int i = 0; i < _state.EventCount; i++)
            {
                ok &= batch.Add(RecordType.Event, WriteEvent(_state.EventAt(i)));
            }

            return ok;
        }

        // ---- encoding ---------------------------------------------------------------------

        private JournalBatch Begin()
        {
            _batch.Clear();
            return _batch;
        }

        private void AddEvent(LoggedEvent e)
        {
            if (e != null)
            {
                _batch.Add(RecordType.Event, WriteEvent(e));
            }
        }

        private JournalStatus Commit()
        {
            JournalStatus s = _journal.Commit(_batch);
            if (s == JournalStatus.Ok)
            {
                // Apply exactly what was written, through the replay path.
                ApplyBatch(_batch);
                CompactIfNeeded();
            }

            _batch.Clear();
            return s;
        }

        private void ApplyBatch(JournalBatch batch)
        {
            byte[] b = batch.Buffer;
            int p = 0;
            while (p < batch.Length)
            {
                int length = (b[p + 2] << 8) | b[p + 3];
                OnRecord(b[p + 1], b, p + 4, length);
                p += JournalBatch.OverheadBytes + length;
            }
        }

        private void CompactIfNeeded()
        {
            LastCompaction = JournalStatus.Ok;
            if (_journal.NeedsCompaction)
            {
                LastCompaction = _journal.Compact(this, _scratch);
            }
        }

        // ReversalArmed keeps the layout of the firmware before issue 12 byte for byte (its reader
        // drops a longer record: a rollback would lose the pending reversal); what came since rides
        // in a ReversalTime record of the same commit.
        private bool AddReversal(JournalBatch batch, PendingReversal r)
        {
            bool ok = batch.Add(RecordType.ReversalArmed, _w.Reset().I32(r.Stan).I32(r.Batch).U8((int)r.Type).I64(r.AmountMinor).U16(r.Attempts)
                .Bytes(r.Message, 0, r.Message == null ? 0 : r.Message.Length));
            return ok && (r.When == null || batch.Add(RecordType.ReversalTime, _w.Reset().I32(r.Stan).Ascii(r.When)));
        }

        private RecordWriter WriteRefund(PendingRefund r)
        {
            return _w.Reset().I32(r.Stan).I32(r.Batch).U8((int)r.Type).I64(r.AmountMinor).U16(r.Attempts).Ascii(r.LocalTime).Ascii(r.LocalDate)
                .U8((int)r.Entry).Ascii(r.MaskedPan).I32(r.RefersToStan).Bytes(r.Message, 0, r.Message == null ? 0 : r.Message.Length);
        }

        private RecordWriter WriteManualRefund(PendingRefund r)
        {
            return _w.Reset().I32(r.Stan).I32(r.Batch).U8((int)r.Type).I64(r.AmountMinor).Ascii(r.LocalTime).Ascii(r.LocalDate)
                .U8((int)r.Entry).Ascii(r.MaskedPan).I32(r.RefersToStan);
        }

        private RecordWriter WriteAdvice(PendingAdvice a)
        {
            return _w.Reset().I32(a.Stan).I64(a.AmountMinor).Bytes(a.Message, 0, a.Message == null ? 0 : a.Message.Length);
        }

        private RecordWriter WriteBatchRecord(BatchRecord r)
        {
            BatchEntry e = r.Entry;
            return _w.Reset().I32(e.Stan).I32(e.Batch).U8((int)e.Type).I64(e.AmountMinor).Ascii(e.LocalTime).Ascii(e.LocalDate)
                .U8((int)e.Entry).Ascii(e.Rrn).Ascii(e.AuthCode).Ascii(r.MaskedPan).U16(r.OutcomeCode)
                .U8((r.Offline ? 1 : 0) | (r.Voided ? 2 : 0)).I32(r.RefersToStan);
        }

        // Last keeps the layout of the firmware before issue 12 byte for byte (as ReversalArmed);
        // the response code, batch and reversal time ride in a LastDetail record of the same commit.
        private bool AddLast(JournalBatch batch, LastTransaction t)
        {
            bool ok = batch.Add(RecordType.Last, _w.Reset().I32(t.Stan).U8((int)t.Type).I64(t.AmountMinor).U16(t.OutcomeCode).Ascii(t.MaskedPan)
                .Ascii(t.Rrn).Ascii(t.AuthCode).Ascii(t.When).U8((int)t.Reversal));
            return ok && batch.Add(RecordType.LastDetail, _w.Reset().I32(t.Stan).Ascii(t.ResponseCode).I32(t.Batch).Ascii(t.ReversalWhen));
        }

        private RecordWriter WriteConfirmed(ConfirmedReversal c)
        {
            return _w.Reset().I32(c.Stan).I32(c.Batch).U8((int)c.Type).I64(c.AmountMinor).Ascii(c.MaskedPan).Ascii(c.Rrn)
                .Ascii(c.OriginalWhen).Ascii(c.ConfirmedWhen).U8(c.NoticeDue ? 1 : 0);
        }

        private RecordWriter WriteEvent(LoggedEvent e)
        {
            return _w.Reset().I64(e.TimeMs).U16(e.Code).I32(e.Stan);
        }

        // ---- decoding and applying ----------------------------------------------------------

        private bool Apply(byte type)
        {
            switch (type)
            {
                case RecordType.StanReserved:
                    {
                        int upTo = _r.I32();
                        if (!_r.Complete || upTo < 1 || upTo > TerminalState.MaxStan)
                        {
                            return false;
                        }

                        // Normally ascending; after a wrap the new block starts again at 1.
                        _state.ReservedStan = upTo;
                        if (_state.LastStan > upTo)
                        {
                            _state.LastStan = 0;
                        }

                        return true;
                    }

                case RecordType.ReversalArmed:
                    {
                        PendingReversal r = new PendingReversal();
                        r.Stan = _r.I32();
                        r.Batch = _r.I32();
                        r.Type = (TransactionType)_r.U8();
                        r.AmountMinor = _r.I64();
                        r.Attempts = _r.U16();
                        r.Message = _r.Bytes();
                        if (!_r.Complete || r.Message == null)
                        {
                            return false;
                        }

                        _state.Reversal = r;
                        return true;
                    }

                case RecordType.ReversalAttempt:
                    {
                        int stan = _r.I32();
                        int attempts = _r.U16();
                        if (!_r.Complete || _state.Reversal == null || _state.Reversal.Stan != stan)
                        {
                            return false;
                        }

                        _state.Reversal.Attempts = attempts;
                        return true;
                    }

                case RecordType.ReversalCleared:
                case RecordType.ReversalManual:
                    {
                        int stan = _r.I32();
                        if (!_r.Complete || _state.Reversal == null || _state.Reversal.Stan != stan)
                        {
                            return false;
                        }

                        PendingReversal r = _state.Reversal;
                        _state.Reversal = null;
                        if (type == RecordType.ReversalManual)
                        {
                            r.NeedsManualHandling = true;
                            System.Array.Clear(r.Message, 0, r.Message.Length);
                            r.Message = null;
                            _state.AddManual(r);
                        }

                        return true;
                    }

                case RecordType.ManualReversal:
                    {
                        PendingReversal m = new PendingReversal();
                        m.Stan = _r.I32();
                        m.Batch = _r.I32();
                        m.Type = (TransactionType)_r.U8();
                        m.AmountMinor = _r.I64();
                        if (!_r.Complete)
                        {
                            return false;
                        }

                        m.NeedsManualHandling = true;
                        _state.AddManual(m);
                        return true;
                    }

                case RecordType.RefundArmed:
                case RecordType.ManualRefund:
                    return ApplyRefund(type);

                case RecordType.RefundAttempt:
                    {
                        int stan = _r.I32();
                        int attempts = _r.U16();
                        if (!_r.Complete || _state.Refund == null || _state.Refund.Stan != stan)
                        {
                            return false;
                        }

                        _state.Refund.Attempts = attempts;
                        return true;
                    }

                case RecordType.RefundCleared:
                case RecordType.RefundManual:
                    {
                        int stan = _r.I32();
                        PendingRefund r = _state.Refund;
                        if (!_r.Complete || r == null || r.Stan != stan)
                        {
                            return false;
                        }

                        _state.Refund = null;
                        System.Array.Clear(r.Message, 0, r.Message.Length);
                        r.Message = null;
                        if (type == RecordType.RefundManual)
                        {
                            r.NeedsManualHandling = true;
                            _state.AddManualRefund(r);
                        }

                        return true;
                    }

                case RecordType.BatchAdd:
                    {
                        BatchRecord r = new BatchRecord();
                        BatchEntry e = r.Entry;
                        e.Stan = _r.I32();
                        e.Batch = _r.I32();
                        e.Type = (TransactionType)_r.U8();
                        e.AmountMinor = _r.I64();
                        e.LocalTime = _r.Ascii();
                        e.LocalDate = _r.Ascii();
                        e.Entry = (PosEntryMode)_r.U8();
                        e.Rrn = _r.Ascii();
                        e.AuthCode = _r.Ascii();
                        r.MaskedPan = _r.Ascii();
                        r.OutcomeCode = _r.U16();
                        int flags = _r.U8();
                        r.RefersToStan = _r.I32();
                        r.Offline = (flags & 1) != 0;
                        r.Voided = (flags & 2) != 0;
                        return _r.Complete && _state.AddToBatch(r);
                    }

                case RecordType.BatchVoid:
                    {
                        BatchRecord r = _state.FindInBatch(_r.I32());
                        if (!_r.Complete || r == null)
                        {
                            return false;
                        }

                        r.Voided = true;
                        return true;
                    }

                case RecordType.Last:
                    {
                        LastTransaction t = new LastTransaction();
                        t.Stan = _r.I32();
                        t.Type = (TransactionType)_r.U8();
                        t.AmountMinor = _r.I64();
                        t.OutcomeCode = _r.U16();
                        t.MaskedPan = _r.Ascii();
                        t.Rrn = _r.Ascii();
                        t.AuthCode = _r.Ascii();
                        t.When = _r.Ascii();
                        t.Reversal = (ReversalState)_r.U8();
                        if (!_r.Complete)
                        {
                            return false;
                        }

                        _state.Last = t;
                        return true;
                    }

                case RecordType.ReversalConfirmed:
                    {
                        ConfirmedReversal c = new ConfirmedReversal();
                        c.Stan = _r.I32();
                        c.Batch = _r.I32();
                        c.Type = (TransactionType)_r.U8();
                        c.AmountMinor = _r.I64();
                        c.MaskedPan = _r.Ascii();
                        c.Rrn = _r.Ascii();
                        c.OriginalWhen = _r.Ascii();
                        c.ConfirmedWhen = _r.Ascii();
                        c.NoticeDue = _r.U8() == 1;
                        if (!_r.Complete)
                        {
                            return false;
                        }

                        _state.AddConfirmed(c);
                        return true;
                    }

                case RecordType.ReversalNoticed:
                    {
                        int count = _r.U8();
                        for (int i = 0; i < count; i++)
                        {
                            ConfirmedReversal c = _state.FindConfirmed(_r.I32());
                            if (c != null)
                            {
                                c.NoticeDue = false;
                            }
                        }

                        return _r.Complete;
                    }

                case RecordType.ReversalTime:
                    {
                        int stan = _r.I32();
                        string when = _r.Ascii();
                        if (!_r.Complete || _state.Reversal == null || _state.Reversal.Stan != stan)
                        {
                            return false;
                        }

                        _state.Reversal.When = when;
                        return true;
                    }

                case RecordType.LastDetail:
                    {
                        int stan = _r.I32();
                        string rc = _r.Ascii();
                        int batch = _r.I32();
                        string reversalWhen = _r.Ascii();
                        LastTransaction t = _state.Last;
                        if (!_r.Complete || t == null || t.Stan != stan)
                        {
                            return false;
                        }

                        t.ResponseCode = rc;
                        t.Batch = batch;
                        t.ReversalWhen = reversalWhen;
                        return true;
                    }

                case RecordType.ManualOverflow:
                    {
                        int reversals = _r.I32();
                        int refunds = _r.I32();
                        if (!_r.Complete || reversals < 0 || refunds < 0)
                        {
                            return false;
                        }

                        _state.ManualOverflow = reversals;
                        _state.ManualRefundOverflow = refunds;
                        return true;
                    }

                case RecordType.AdviceQueued:
                    {
                        PendingAdvice a = new PendingAdvice();
                        a.Stan = _r.I32();
                        a.AmountMinor = _r.I64();
                        a.Message = _r.Bytes();
                        return _r.Complete && a.Message != null && _state.AddAdvice(a);
                    }

                case RecordType.AdviceAttempt:
                    {
                        PendingAdvice a = _state.FindAdvice(_r.I32());
                        int attempts = _r.U16();
                        if (!_r.Complete || a == null)
                        {
                            return false;
                        }

                        a.Attempts = attempts;
                        return true;
                    }

                case RecordType.AdviceDone:
                case RecordType.AdviceFailed:
                    {
                        int stan = _r.I32();
                        PendingAdvice a = _state.FindAdvice(stan);
                        if (!_r.Complete || a == null)
                        {
                            return false;
                        }

                        if (type == RecordType.AdviceDone)
                        {
                            _state.RemoveAdvice(stan);
                        }
                        else
                        {
                            a.Failed = true;
                        }

                        return true;
                    }

                case RecordType.SettlementStarted:
                    {
                        int batch = _r.I32();
                        if (!_r.Complete || batch != _state.Batch)
                        {
                            return false;
                        }

                        _state.Settling = true;
                        return true;
                    }

                case RecordType.BatchOpened:
                    {
                        int batch = _r.I32();
                        if (!_r.Complete || batch < 1 || batch > 999999)
                        {
                            return false;
                        }

                        _state.Batch = batch;
                        _state.Settling = false;
                        _state.ClearBatch();
                        // Settled: the manual reversals and failed advices were on its settlement slip.
                        _state.ClearManual();
                        _state.ClearManualRefunds();
                        _state.ClearFailedAdvices();
                        return true;
                    }

                case RecordType.Event:
                    {
                        LoggedEvent e = new LoggedEvent();
                        e.TimeMs = _r.I64();
                        e.Code = _r.U16();
                        e.Stan = _r.I32();
                        if (!_r.Complete)
                        {
                            return false;
                        }

                        _state.AddEvent(e);
                        return true;
                    }

                default:
                    return false;
            }
        }

        /// <summary>A pending refund (RefundArmed, with its message and attempts) or one of the manual-handling list.</summary>
        private bool ApplyRefund(byte type)
        {
            PendingRefund r = new PendingRefund();
            r.Stan = _r.I32();
            r.Batch = _r.I32();
            r.Type = (TransactionType)_r.U8();
            r.AmountMinor = _r.I64();
            bool armed = type == RecordType.RefundArmed;
            r.Attempts = armed ? _r.U16() : 0;
            r.LocalTime = _r.Ascii();
            r.LocalDate = _r.Ascii();
            r.Entry = (PosEntryMode)_r.U8();
            r.MaskedPan = _r.Ascii();
            r.RefersToStan = _r.I32();
            r.Message = armed ? _r.Bytes() : null;
            if (!_r.Complete || (armed && r.Message == null))
            {
                return false;
            }

            if (armed)
            {
                _state.Refund = r;
            }
            else
            {
                r.NeedsManualHandling = true;
                _state.AddManualRefund(r);
            }

            return true;
        }
    }
}
