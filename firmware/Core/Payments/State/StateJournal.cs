using PosFirmware.Payments.Journal;
using PosFirmware.Payments.State.Records;

namespace PosFirmware.Payments.State
{
    /// <summary>
    /// The terminal state's durable side: every change is written as journal records first and
    /// applied to the TerminalState only when the commit returned Ok, through the same code that
    /// replays the records at power-on. So what RAM holds is always what recovery would rebuild,
    /// and a change the flash refused never happened. Changes that belong together (an approval,
    /// its batch record and the clearing of its reversal) are one commit. Compacts the journal
    /// into a snapshot of the state when it grows past its size. Each record type's layout lives in
    /// its codec (Records/): this class says which records a change writes together.
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
            if (NeedsReservation(next))
            {
                AddReservation(Begin(), next);
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
            if (NeedsReservation(next))
            {
                AddReservation(_batch, next);
            }

            ReversalArmedRecord.Add(_batch, _w, r);
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
            if (NeedsReservation(next))
            {
                AddReservation(_batch, next);
            }

            RefundRecord.AddArmed(_batch, _w, r);
            if (last != null)
            {
                LastRecord.Add(_batch, _w, last);
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
            RefundAttemptRecord.Add(Begin(), _w, r.Stan, r.Attempts + 1);
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
                BatchAddRecord.Add(_batch, _w, added);
            }

            if (last != null)
            {
                LastRecord.Add(_batch, _w, last);
            }

            RefundEndRecord.Add(_batch, _w, _state.Refund.Stan, false);
            AddEvent(e);
            return Commit();
        }

        /// <summary>The resends ran out: the refund moves to the manual-handling list (its message dropped), never silently.</summary>
        public JournalStatus MarkRefundManual(LastTransaction last, LoggedEvent e)
        {
            RefundEndRecord.Add(Begin(), _w, _state.Refund.Stan, true);
            if (last != null)
            {
                LastRecord.Add(_batch, _w, last);
            }

            AddEvent(e);
            return Commit();
        }

        /// <summary>Makes a reversal durable (before its request leaves: invariant I3); replaces any with the same STAN.</summary>
        public JournalStatus ArmReversal(PendingReversal r)
        {
            ReversalArmedRecord.Add(Begin(), _w, r);
            return Commit();
        }

        /// <summary>Counts one more send attempt of the pending reversal (before it is sent).</summary>
        public JournalStatus CountReversalAttempt()
        {
            PendingReversal r = _state.Reversal;
            ReversalAttemptRecord.Add(Begin(), _w, r.Stan, r.Attempts + 1);
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
            ReversalEndRecord.Add(Begin(), _w, _state.Reversal.Stan, false);
            ReversalConfirmedRecord.Add(_batch, _w, c);
            if (last != null)
            {
                LastRecord.Add(_batch, _w, last);
            }

            AddEvent(e);
            return Commit();
        }

        /// <summary>The idle screen said these confirmations (count STANs): one write, only when a notice was due.</summary>
        public JournalStatus NoticeSaid(int[] stans, int count)
        {
            ReversalNoticedRecord.Add(Begin(), _w, stans, count);
            return Commit();
        }

        /// <summary>
        /// The retries ran out: the reversal moves to the manual-handling list (its message, with the
        /// PAN, is dropped), never dropped silently; last (or null) records it on the last transaction.
        /// </summary>
        public JournalStatus MarkReversalManual(LastTransaction last, LoggedEvent e)
        {
            ReversalEndRecord.Add(Begin(), _w, _state.Reversal.Stan, true);
            if (last != null)
            {
                LastRecord.Add(_batch, _w, last);
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
                BatchAddRecord.Add(_batch, _w, added);
            }

            if (voidsStan > 0)
            {
                BatchVoidRecord.Add(_batch, _w, voidsStan);
            }

            if (advice != null)
            {
                AdviceQueuedRecord.Add(_batch, _w, advice);
            }

            if (last != null)
            {
                LastRecord.Add(_batch, _w, last);
            }

            if (clearReversal && _state.Reversal != null)
            {
                ReversalEndRecord.Add(_batch, _w, _state.Reversal.Stan, false);
            }

            AddEvent(e);
            return Commit();
        }

        public JournalStatus CountAdviceAttempt(int stan)
        {
            PendingAdvice a = _state.FindAdvice(stan);
            AdviceAttemptRecord.Add(Begin(), _w, stan, a == null ? 1 : a.Attempts + 1);
            return Commit();
        }

        public JournalStatus AdviceDone(int stan)
        {
            AdviceEndRecord.Add(Begin(), _w, stan, false);
            return Commit();
        }

        public JournalStatus AdviceFailed(int stan, LoggedEvent e)
        {
            AdviceEndRecord.Add(Begin(), _w, stan, true);
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
            SettlementStartedRecord.Add(Begin(), _w, _state.Batch);
            return Commit();
        }

        /// <summary>Settlement succeeded: the batch is closed and the next one opened, empty.</summary>
        public JournalStatus OpenNextBatch(LoggedEvent e)
        {
            BatchOpenedRecord.Add(Begin(), _w, TerminalState.BatchAfter(_state.Batch));
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
            if (!RecordCodecs.Apply(type, _r, _state))
            {
                IgnoredRecords++;
            }
        }

        // ---- IJournalSnapshot: compaction -------------------------------------------------

        public bool WriteTo(JournalBatch batch)
        {
            bool ok = _state.ReservedStan == 0 || StanReservedRecord.Add(batch, _w, _state.ReservedStan);
            ok &= BatchOpenedRecord.Add(batch, _w, _state.Batch);
            if (_state.Settling)
            {
                ok &= SettlementStartedRecord.Add(batch, _w, _state.Batch);
            }

            for (int i = 0; i < _state.BatchCount; i++)
            {
                ok &= BatchAddRecord.Add(batch, _w, _state.BatchAt(i));
            }

            for (int i = 0; i < _state.AdviceCount; i++)
            {
                PendingAdvice a = _state.AdviceAt(i);
                ok &= AdviceQueuedRecord.Add(batch, _w, a);
                if (a.Attempts > 0)
                {
                    ok &= AdviceAttemptRecord.Add(batch, _w, a.Stan, a.Attempts);
                }

                if (a.Failed)
                {
                    ok &= AdviceEndRecord.Add(batch, _w, a.Stan, true);
                }
            }

            if (_state.Reversal != null)
            {
                ok &= ReversalArmedRecord.Add(batch, _w, _state.Reversal);
            }

            for (int i = 0; i < _state.ManualCount; i++)
            {
                ok &= ManualReversalRecord.Add(batch, _w, _state.ManualAt(i));
            }

            if (_state.Refund != null)
            {
                ok &= RefundRecord.AddArmed(batch, _w, _state.Refund);
            }

            for (int i = 0; i < _state.ManualRefundCount; i++)
            {
                ok &= RefundRecord.AddManual(batch, _w, _state.ManualRefundAt(i));
            }

            if (_state.Last != null)
            {
                ok &= LastRecord.Add(batch, _w, _state.Last);
            }

            for (int i = 0; i < _state.ConfirmedCount; i++)
            {
                ok &= ReversalConfirmedRecord.Add(batch, _w, _state.ConfirmedAt(i));
            }

            if (_state.ManualOverflow > 0 || _state.ManualRefundOverflow > 0)
            {
                ok &= ManualOverflowRecord.Add(batch, _w, _state.ManualOverflow, _state.ManualRefundOverflow);
            }

            for (int i = 0; i < _state.EventCount; i++)
            {
                ok &= EventRecord.Add(batch, _w, _state.EventAt(i));
            }

            return ok;
        }

        // ---- writing ----------------------------------------------------------------------

        private JournalBatch Begin()
        {
            _batch.Clear();
            return _batch;
        }

        // The reserved block is used up, or the STANs wrapped to 1 (a new block from there).
        private bool NeedsReservation(int next)
        {
            return next > _state.ReservedStan || next == 1;
        }

        private void AddReservation(JournalBatch batch, int next)
        {
            int upTo = next + StanBlock - 1;
            StanReservedRecord.Add(batch, _w, upTo > TerminalState.MaxStan ? TerminalState.MaxStan : upTo);
        }

        private void AddEvent(LoggedEvent e)
        {
            if (e != null)
            {
                EventRecord.Add(_batch, _w, e);
            }
        }

        private JournalStatus Commit()
        {
            JournalStatus s = _journal.Commit(_batch);
            if (s == JournalStatus.Ok)
            {
                // Apply exactly what was written, through the replay path.
                _batch.ReadTo(this);
                CompactIfNeeded();
            }

            _batch.Clear();
            return s;
        }

        private void CompactIfNeeded()
        {
            LastCompaction = JournalStatus.Ok;
            if (_journal.NeedsCompaction)
            {
                LastCompaction = _journal.Compact(this, _scratch);
            }
        }
    }
}
