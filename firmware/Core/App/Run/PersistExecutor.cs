using PosFirmware.App.Engine;
using PosFirmware.Payments.Journal;
using PosFirmware.Payments.State;

namespace PosFirmware.App.Run
{
    /// <summary>
    /// Carries out one Persist action through StateJournal. A step the state no longer matches
    /// (a reversal counted that is not the pending one, a STAN other than the engine expected) is
    /// refused like a flash error: the engine asked for something that would not be true.
    /// </summary>
    public static class PersistExecutor
    {
        public static bool Run(StateJournal journal, EngineAction x)
        {
            TerminalState s = journal.State;
            switch (x.Persist)
            {
                case PersistOp.TakeStan:
                    {
                        int stan;
                        return journal.TakeStan(out stan) == JournalStatus.Ok && stan == x.Stan;
                    }

                case PersistOp.TakeStanAndArmReversal:
                    return journal.TakeStanAndArmReversal(x.Reversal) == JournalStatus.Ok;
                case PersistOp.ArmReversal:
                    return journal.ArmReversal(x.Reversal) == JournalStatus.Ok;
                case PersistOp.CountReversalAttempt:
                    return s.Reversal != null && s.Reversal.Stan == x.Stan && journal.CountReversalAttempt() == JournalStatus.Ok;
                case PersistOp.MarkReversalManual:
                    return s.Reversal != null && s.Reversal.Stan == x.Stan && journal.MarkReversalManual(x.Last, x.Event) == JournalStatus.Ok;
                case PersistOp.Complete:
                    return journal.Complete(x.Record, x.VoidsStan, x.Advice, x.Last, x.ClearReversal, x.Event) == JournalStatus.Ok;
                case PersistOp.CountAdviceAttempt:
                    return s.FindAdvice(x.Stan) != null && journal.CountAdviceAttempt(x.Stan) == JournalStatus.Ok;
                case PersistOp.AdviceDone:
                    return journal.AdviceDone(x.Stan) == JournalStatus.Ok;
                case PersistOp.AdviceFailed:
                    return journal.AdviceFailed(x.Stan, x.Event) == JournalStatus.Ok;
                case PersistOp.MarkSettling:
                    return journal.MarkSettling() == JournalStatus.Ok;
                case PersistOp.OpenNextBatch:
                    return journal.OpenNextBatch(x.Event) == JournalStatus.Ok;
                case PersistOp.TakeStanAndArmRefund:
                    return journal.TakeStanAndArmRefund(x.Refund, x.Last) == JournalStatus.Ok;
                case PersistOp.CountRefundAttempt:
                    return s.Refund != null && s.Refund.Stan == x.Stan && journal.CountRefundAttempt() == JournalStatus.Ok;
                case PersistOp.RefundAnswered:
                    return s.Refund != null && s.Refund.Stan == x.Stan && journal.RefundAnswered(x.Record, x.Last, x.Event) == JournalStatus.Ok;
                case PersistOp.MarkRefundManual:
                    return s.Refund != null && s.Refund.Stan == x.Stan && journal.MarkRefundManual(x.Last, x.Event) == JournalStatus.Ok;
                case PersistOp.ConfirmReversal:
                    return s.Reversal != null && s.Reversal.Stan == x.Stan && journal.ConfirmReversal(x.Confirmed, x.Last, x.Event) == JournalStatus.Ok;
                case PersistOp.NoticeSaid:
                    return journal.NoticeSaid(x.Notices, x.Stan) == JournalStatus.Ok;
                case PersistOp.Log:
                    return journal.Log(x.Event) == JournalStatus.Ok;
                default:
                    return false;
            }
        }
    }
}
