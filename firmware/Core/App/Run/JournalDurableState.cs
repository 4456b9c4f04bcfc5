using PosFirmware.App.Engine;
using PosFirmware.Payments.Journal;
using PosFirmware.Payments.State;

namespace PosFirmware.App.Run
{
    /// <summary>
    /// The engine's durable port over StateJournal. A step the state no longer matches (an attempt
    /// counted for a reversal that is not the pending one, a refund answered that is not pending)
    /// is refused with Mismatch, like a flash error: the engine asked for something that would not
    /// be true, and nothing is written.
    /// </summary>
    public sealed class JournalDurableState : IDurableState
    {
        private readonly StateJournal _journal;

        public JournalDurableState(StateJournal journal)
        {
            _journal = journal;
        }

        public TerminalState State
        {
            get { return _journal.State; }
        }

        public int NextStan
        {
            get { return TerminalState.After(_journal.State.LastStan); }
        }

        public JournalStatus TakeStan(out int stan)
        {
            return _journal.TakeStan(out stan);
        }

        public JournalStatus TakeStanAndArmReversal(PendingReversal r, out int stan)
        {
            JournalStatus s = _journal.TakeStanAndArmReversal(r);
            stan = s == JournalStatus.Ok ? r.Stan : 0;
            return s;
        }

        public JournalStatus TakeStanAndArmRefund(PendingRefund f, LastTransaction last, out int stan)
        {
            JournalStatus s = _journal.TakeStanAndArmRefund(f, last);
            stan = s == JournalStatus.Ok ? f.Stan : 0;
            return s;
        }

        public JournalStatus ArmReversal(PendingReversal r)
        {
            return _journal.ArmReversal(r);
        }

        public JournalStatus CountReversalAttempt(int stan)
        {
            return IsReversal(stan) ? _journal.CountReversalAttempt() : JournalStatus.Mismatch;
        }

        public JournalStatus MarkReversalManual(int stan, LastTransaction last, LoggedEvent e)
        {
            return IsReversal(stan) ? _journal.MarkReversalManual(last, e) : JournalStatus.Mismatch;
        }

        public JournalStatus ConfirmReversal(int stan, ConfirmedReversal c, LastTransaction last, LoggedEvent e)
        {
            return IsReversal(stan) ? _journal.ConfirmReversal(c, last, e) : JournalStatus.Mismatch;
        }

        public JournalStatus NoticeSaid(int[] stans, int count)
        {
            return _journal.NoticeSaid(stans, count);
        }

        public JournalStatus Complete(BatchRecord record, int voidsStan, PendingAdvice advice, LastTransaction last, bool clearReversal, LoggedEvent e)
        {
            return _journal.Complete(record, voidsStan, advice, last, clearReversal, e);
        }

        public JournalStatus CountRefundAttempt(int stan)
        {
            return IsRefund(stan) ? _journal.CountRefundAttempt() : JournalStatus.Mismatch;
        }

        public JournalStatus RefundAnswered(int stan, BatchRecord record, LastTransaction last, LoggedEvent e)
        {
            return IsRefund(stan) ? _journal.RefundAnswered(record, last, e) : JournalStatus.Mismatch;
        }

        public JournalStatus MarkRefundManual(int stan, LastTransaction last, LoggedEvent e)
        {
            return IsRefund(stan) ? _journal.MarkRefundManual(last, e) : JournalStatus.Mismatch;
        }

        public JournalStatus CountAdviceAttempt(int stan)
        {
            return _journal.State.FindAdvice(stan) != null ? _journal.CountAdviceAttempt(stan) : JournalStatus.Mismatch;
        }

        public JournalStatus AdviceDone(int stan)
        {
            return _journal.AdviceDone(stan);
        }

        public JournalStatus AdviceFailed(int stan, LoggedEvent e)
        {
            return _journal.AdviceFailed(stan, e);
        }

        public JournalStatus MarkSettling()
        {
            return _journal.MarkSettling();
        }

        public JournalStatus OpenNextBatch(LoggedEvent e)
        {
            return _journal.OpenNextBatch(e);
        }

        public JournalStatus Log(LoggedEvent e)
        {
            return _journal.Log(e);
        }

        private bool IsReversal(int stan)
        {
            PendingReversal r = _journal.State.Reversal;
            return r != null && r.Stan == stan;
        }

        private bool IsRefund(int stan)
        {
            PendingRefund f = _journal.State.Refund;
            return f != null && f.Stan == stan;
        }
    }
}
