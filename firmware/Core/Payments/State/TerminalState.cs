using PosFirmware.Messaging.Host;

namespace PosFirmware.Payments.State
{
    /// <summary>
    /// What the terminal knows that must survive a power cut, in RAM: trace and batch numbers, the
    /// pending reversal, offline advices, the batch, the last transaction and a bounded event log.
    /// It only ever changes through StateJournal, after the change is durable, so RAM always equals
    /// what recovery would rebuild from flash. Fixed capacities: nothing grows without bound.
    /// </summary>
    public sealed class TerminalState
    {
        /// <summary>The highest STAN (field 11: six digits); the next one is 1.</summary>
        public const int MaxStan = FieldLimits.MaxStan;

        /// <summary>The highest batch number (field 60.2: six digits); the next one is 1.</summary>
        public const int MaxBatch = FieldLimits.MaxBatch;

        private readonly BatchRecord[] _batch;
        private readonly PendingAdvice[] _advices;
        private readonly LoggedEvent[] _events;
        private readonly PendingReversal[] _manual = new PendingReversal[MaxManualReversals];

        /// <summary>Reversals whose retries ran out, kept (without their message) until the batch settles.</summary>
        public const int MaxManualReversals = 16;

        public TerminalState(int maxBatchRecords, int maxAdvices, int maxEvents)
        {
            _batch = new BatchRecord[maxBatchRecords];
            _advices = new PendingAdvice[maxAdvices];
            _events = new LoggedEvent[maxEvents];
            Batch = 1;
        }

        /// <summary>The last STAN handed out (0 before the first).</summary>
        public int LastStan { get; internal set; }

        /// <summary>STANs up to this one are reserved durably: handing them out costs no flash write.</summary>
        public int ReservedStan { get; internal set; }

        /// <summary>The current batch number (1..MaxBatch).</summary>
        public int Batch { get; internal set; }

        /// <summary>
        /// A settlement of the current batch went out and has not finished: the host may have closed
        /// the batch, so nothing new goes into it until a settlement finishes (StateJournal.MarkSettling).
        /// </summary>
        public bool Settling { get; internal set; }

        /// <summary>The reversal waiting to be delivered, or null.</summary>
        public PendingReversal Reversal { get; internal set; }

        /// <summary>The refund sent without a trustworthy answer yet (resent until answered), or null.</summary>
        public PendingRefund Refund { get; internal set; }

        public LastTransaction Last { get; internal set; }

        /// <summary>The last reversal the host confirmed, or null.</summary>
        public ConfirmedReversal LastReversal
        {
            get { return ConfirmedCount == 0 ? null : _confirmed[ConfirmedCount - 1]; }
        }

        /// <summary>
        /// Confirmed reversals kept for their confirmation slips (menu 8) and idle notices: a few, as
        /// two timeouts in a row confirm two before the merchant looks. The oldest makes room; its
        /// confirmation stays in the event log.
        /// </summary>
        public const int MaxConfirmedReversals = 4;

        private readonly ConfirmedReversal[] _confirmed = new ConfirmedReversal[MaxConfirmedReversals];

        public int ConfirmedCount { get; private set; }

        /// <summary>The index-th confirmed reversal, oldest first.</summary>
        public ConfirmedReversal ConfirmedAt(int index)
        {
            return _confirmed[index];
        }

        /// <summary>The confirmed reversal with this STAN, or null.</summary>
        public ConfirmedReversal FindConfirmed(int stan)
        {
            for (int i = 0; i < ConfirmedCount; i++)
            {
                if (_confirmed[i].Stan == stan)
                {
                    return _confirmed[i];
                }
            }

            return null;
        }

        internal void AddConfirmed(ConfirmedReversal c)
        {
            for (int i = 0; i < ConfirmedCount; i++)
            {
                if (_confirmed[i].Stan == c.Stan)
                {
                    // Replayed again (snapshot): the newest form replaces it, at the newest place.
                    System.Array.Copy(_confirmed, i + 1, _confirmed, i, ConfirmedCount - i - 1);
                    ConfirmedCount--;
                    break;
                }
            }

            if (ConfirmedCount == _confirmed.Length)
            {
                System.Array.Copy(_confirmed, 1, _confirmed, 0, ConfirmedCount - 1);
                ConfirmedCount--;
            }

            _confirmed[ConfirmedCount++] = c;
        }

        public int BatchCount { get; private set; }

        public int AdviceCount { get; private set; }

        public int EventCount { get; private set; }

        public int BatchCapacity
        {
            get { return _batch.Length; }
        }

        public int AdviceCapacity
        {
            get { return _advices.Length; }
        }

        public BatchRecord BatchAt(int index)
        {
            return _batch[index];
        }

        public PendingAdvice AdviceAt(int index)
        {
            return _advices[index];
        }

        /// <summary>The index-th event, oldest first.</summary>
        public LoggedEvent EventAt(int index)
        {
            int oldest = EventCount < _events.Length ? 0 : _eventNext;
            return _events[(oldest + index) % _events.Length];
        }

        /// <summary>The STAN after s (1..MaxStan, wrapping).</summary>
        public static int After(int s)
        {
            return s >= MaxStan ? 1 : s + 1;
        }

        /// <summary>The batch number after b (1..MaxBatch, wrapping).</summary>
        public static int BatchAfter(int b)
        {
            return b >= MaxBatch ? 1 : b + 1;
        }

        /// <summary>The batch record with this STAN, or null.</summary>
        public BatchRecord FindInBatch(int stan)
        {
            for (int i = 0; i < BatchCount; i++)
            {
                if (_batch[i].Entry.Stan == stan)
                {
                    return _batch[i];
                }
            }

            return null;
        }

        /// <summary>The pending advice with this STAN, or null.</summary>
        public PendingAdvice FindAdvice(int stan)
        {
            for (int i = 0; i < AdviceCount; i++)
            {
                if (_advices[i].Stan == stan)
                {
                    return _advices[i];
                }
            }

            return null;
        }

        /// <summary>The first advice still to send (not failed), or null.</summary>
        public PendingAdvice NextAdvice()
        {
            for (int i = 0; i < AdviceCount; i++)
            {
                if (!_advices[i].Failed)
                {
                    return _advices[i];
                }
            }

            return null;
        }

        /// <summary>The settlement totals of the batch: approved, not voided.</summary>
        public SettlementTotals Totals()
        {
            SettlementTotals t = new SettlementTotals();
            for (int i = 0; i < BatchCount; i++)
            {
                if (!_batch[i].Voided)
                {
                    t.Add(_batch[i].Entry.Type, _batch[i].Entry.AmountMinor);
                }
            }

            return t;
        }

        internal bool AddToBatch(BatchRecord r)
        {
            BatchRecord existing = FindInBatch(r.Entry.Stan);
            if (existing != null)
            {
                // Replayed twice (a snapshot and its source both read): keep one.
                return true;
            }

            if (BatchCount == _batch.Length)
            {
                return false;
            }

            _batch[BatchCount++] = r;
            return true;
        }

        internal void ClearBatch()
        {
            System.Array.Clear(_batch, 0, BatchCount);
            BatchCount = 0;
        }

        internal bool AddAdvice(PendingAdvice a)
        {
            if (FindAdvice(a.Stan) != null)
            {
                return true;
            }

            if (AdviceCount == _advices.Length)
            {
                return false;
            }

            _advices[AdviceCount++] = a;
            return true;
        }

        internal void RemoveAdvice(int stan)
        {
            for (int i = 0; i < AdviceCount; i++)
            {
                if (_advices[i].Stan == stan)
                {
                    for (int j = i; j < AdviceCount - 1; j++)
                    {
                        _advices[j] = _advices[j + 1];
                    }

                    _advices[--AdviceCount] = null;
                    return;
                }
            }
        }

        /// <summary>Drops the advices whose retries ran out (the batch that held them is settled).</summary>
        internal void ClearFailedAdvices()
        {
            int kept = 0;
            for (int i = 0; i < AdviceCount; i++)
            {
                if (!_advices[i].Failed)
                {
                    _advices[kept++] = _advices[i];
                }
            }

            System.Array.Clear(_advices, kept, AdviceCount - kept);
            AdviceCount = kept;
        }

        /// <summary>How many reversals need manual handling (shown, and printed on the settlement slip).</summary>
        public int ManualCount { get; private set; }

        public PendingReversal ManualAt(int index)
        {
            return _manual[index];
        }

        internal void AddManual(PendingReversal r)
        {
            for (int i = 0; i < ManualCount; i++)
            {
                if (_manual[i].Stan == r.Stan)
                {
                    return;
                }
            }

            if (ManualCount == _manual.Length)
            {
                // The oldest stays in the event log and on its printed slip; the reports count it.
                System.Array.Copy(_manual, 1, _manual, 0, ManualCount - 1);
                ManualCount--;
                ManualOverflow++;
            }

            _manual[ManualCount++] = r;
        }

        internal void ClearManual()
        {
            System.Array.Clear(_manual, 0, ManualCount);
            ManualCount = 0;
            ManualOverflow = 0;
        }

        /// <summary>Manual reversals of this batch no longer listed (the list was full): the reports say how many.</summary>
        public int ManualOverflow { get; internal set; }

        /// <summary>Refunds of unknown result of this batch no longer listed (the list was full): the reports say how many.</summary>
        public int ManualRefundOverflow { get; internal set; }

        private readonly PendingRefund[] _manualRefunds = new PendingRefund[MaxManualReversals];

        /// <summary>Refunds whose resends ran out, result unknown (shown, reported) until the batch settles.</summary>
        public int ManualRefundCount { get; private set; }

        public PendingRefund ManualRefundAt(int index)
        {
            return _manualRefunds[index];
        }

        internal void AddManualRefund(PendingRefund r)
        {
            for (int i = 0; i < ManualRefundCount; i++)
            {
                if (_manualRefunds[i].Stan == r.Stan)
                {
                    return;
                }
            }

            if (ManualRefundCount == _manualRefunds.Length)
            {
                // The oldest stays in the event log and on its printed slip; the reports count it.
                System.Array.Copy(_manualRefunds, 1, _manualRefunds, 0, ManualRefundCount - 1);
                ManualRefundCount--;
                ManualRefundOverflow++;
            }

            _manualRefunds[ManualRefundCount++] = r;
        }

        internal void ClearManualRefunds()
        {
            System.Array.Clear(_manualRefunds, 0, ManualRefundCount);
            ManualRefundCount = 0;
            ManualRefundOverflow = 0;
        }

        private int _eventNext;

        internal void AddEvent(LoggedEvent e)
        {
            _events[_eventNext] = e;
            _eventNext = (_eventNext + 1) % _events.Length;
            if (EventCount < _events.Length)
            {
                EventCount++;
            }
        }
    }
}
