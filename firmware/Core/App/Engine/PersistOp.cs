namespace PosFirmware.App.Engine
{
    /// <summary>
    /// The durable steps of IDurableState, by name: what a Durable note action says the engine
    /// wrote (and the trace shows as "persist X" before the send that depends on it).
    /// </summary>
    public enum PersistOp
    {
        None = 0,
        /// <summary>IDurableState.TakeStan (writes only when the reserved block is used up).</summary>
        TakeStan = 1,
        /// <summary>IDurableState.ArmReversal(Reversal).</summary>
        ArmReversal = 2,
        /// <summary>IDurableState.CountReversalAttempt.</summary>
        CountReversalAttempt = 3,
        /// <summary>IDurableState.MarkReversalManual(Last, Event).</summary>
        MarkReversalManual = 4,
        /// <summary>IDurableState.Complete(Record, VoidsStan, Advice, Last, ClearReversal, Event).</summary>
        Complete = 5,
        /// <summary>IDurableState.CountAdviceAttempt(Stan).</summary>
        CountAdviceAttempt = 6,
        /// <summary>IDurableState.AdviceDone(Stan).</summary>
        AdviceDone = 7,
        /// <summary>IDurableState.AdviceFailed(Stan, Event).</summary>
        AdviceFailed = 8,
        /// <summary>IDurableState.OpenNextBatch(Event).</summary>
        OpenNextBatch = 9,
        /// <summary>IDurableState.Log(Event).</summary>
        Log = 10,
        /// <summary>IDurableState.TakeStanAndArmReversal(Reversal): the STAN and the reversal in one write.</summary>
        TakeStanAndArmReversal = 11,
        /// <summary>IDurableState.TakeStanAndArmRefund(Refund, Last): the STAN, the pending refund and the last transaction (refund pending) in one write, before the refund leaves.</summary>
        TakeStanAndArmRefund = 21,
        /// <summary>IDurableState.CountRefundAttempt (Stan: the pending refund's).</summary>
        CountRefundAttempt = 22,
        /// <summary>IDurableState.RefundAnswered(Record, Last, Event) (Stan: the pending refund's).</summary>
        RefundAnswered = 23,
        /// <summary>IDurableState.MarkRefundManual(Last, Event) (Stan: the pending refund's).</summary>
        MarkRefundManual = 24,
        /// <summary>IDurableState.ConfirmReversal(Confirmed, Last, Event): the host confirmed the pending reversal.</summary>
        ConfirmReversal = 25,
        /// <summary>IDurableState.NoticeSaid(Notices, Stan): the idle screen said these confirmed reversals (Stan: how many).</summary>
        NoticeSaid = 26,
        /// <summary>IDurableState.MarkSettling: a settlement of the current batch is about to leave.</summary>
        MarkSettling = 27,
    }
}
