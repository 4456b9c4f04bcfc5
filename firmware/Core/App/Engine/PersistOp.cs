namespace PosFirmware.App.Engine
{
    /// <summary>
    /// A durable step the engine asks for, as data: the run loop carries it out through
    /// StateJournal. When it fails, the run loop skips every later action of the same list and feeds
    /// PersistFailed back, so a send listed after "arm reversal" never leaves without it (I3).
    /// </summary>
    public enum PersistOp
    {
        None = 0,
        /// <summary>StateJournal.TakeStan (writes only when the reserved block is used up).</summary>
        TakeStan = 1,
        /// <summary>StateJournal.ArmReversal(Reversal).</summary>
        ArmReversal = 2,
        /// <summary>StateJournal.CountReversalAttempt.</summary>
        CountReversalAttempt = 3,
        /// <summary>StateJournal.MarkReversalManual(Last, Event).</summary>
        MarkReversalManual = 4,
        /// <summary>StateJournal.Complete(Record, VoidsStan, Advice, Last, ClearReversal, Event).</summary>
        Complete = 5,
        /// <summary>StateJournal.CountAdviceAttempt(Stan).</summary>
        CountAdviceAttempt = 6,
        /// <summary>StateJournal.AdviceDone(Stan).</summary>
        AdviceDone = 7,
        /// <summary>StateJournal.AdviceFailed(Stan, Event).</summary>
        AdviceFailed = 8,
        /// <summary>StateJournal.OpenNextBatch(Event).</summary>
        OpenNextBatch = 9,
        /// <summary>StateJournal.Log(Event).</summary>
        Log = 10,
        /// <summary>StateJournal.TakeStanAndArmReversal(Reversal): the STAN and the reversal in one write.</summary>
        TakeStanAndArmReversal = 11,
        /// <summary>StateJournal.TakeStanAndArmRefund(Refund, Last): the STAN, the pending refund and the last transaction (refund pending) in one write, before the refund leaves.</summary>
        TakeStanAndArmRefund = 21,
        /// <summary>StateJournal.CountRefundAttempt (Stan: the pending refund's).</summary>
        CountRefundAttempt = 22,
        /// <summary>StateJournal.RefundAnswered(Record, Last, Event) (Stan: the pending refund's).</summary>
        RefundAnswered = 23,
        /// <summary>StateJournal.MarkRefundManual(Last, Event) (Stan: the pending refund's).</summary>
        MarkRefundManual = 24,
        /// <summary>StateJournal.ConfirmReversal(Confirmed, Last, Event): the host confirmed the pending reversal.</summary>
        ConfirmReversal = 25,
        /// <summary>StateJournal.NoticeSaid(Notices, Stan): the idle screen said these confirmed reversals (Stan: how many).</summary>
        NoticeSaid = 26,
        /// <summary>StateJournal.MarkSettling: a settlement of the current batch is about to leave.</summary>
        MarkSettling = 27,
    }
}
