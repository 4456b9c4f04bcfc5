using PosFirmware.Payments.Journal;
using PosFirmware.Payments.State;

namespace PosFirmware.App.Engine
{
    /// <summary>
    /// The terminal's durable state as the engine asks it: one method per durable step, each
    /// answering in the same step with what it did (Ok: durable, and the state shows it; anything
    /// else: nothing was written). The engine handles a refusal where it asked, so nothing that
    /// depends on a write (a send, an "approved") follows a refused one (I3). The STAN is the
    /// journal's alone: NextStan says which one the next take hands out, the takes say which they took.
    /// </summary>
    public interface IDurableState
    {
        /// <summary>The state the writes change (read freely; changed only through this port).</summary>
        TerminalState State { get; }

        /// <summary>The STAN the next take will hand out (a new request is built with it before it is taken).</summary>
        int NextStan { get; }

        /// <summary>Takes the next STAN (writes only when the reserved block is used up).</summary>
        JournalStatus TakeStan(out int stan);

        /// <summary>Takes the next STAN (r.Stan) and makes its reversal durable, in one write, before the request leaves.</summary>
        JournalStatus TakeStanAndArmReversal(PendingReversal r, out int stan);

        /// <summary>Takes the next STAN (f.Stan) and keeps the refund (and last, or null), in one write, before it leaves.</summary>
        JournalStatus TakeStanAndArmRefund(PendingRefund f, LastTransaction last, out int stan);

        /// <summary>Makes a reversal durable (replaces the pending one with the same STAN).</summary>
        JournalStatus ArmReversal(PendingReversal r);

        /// <summary>One more send of the pending reversal, which must be stan's.</summary>
        JournalStatus CountReversalAttempt(int stan);

        /// <summary>The pending reversal (stan's) goes to manual handling.</summary>
        JournalStatus MarkReversalManual(int stan, LastTransaction last, LoggedEvent e);

        /// <summary>The host confirmed the pending reversal (stan's).</summary>
        JournalStatus ConfirmReversal(int stan, ConfirmedReversal c, LastTransaction last, LoggedEvent e);

        /// <summary>The idle screen said these confirmed reversals (count of stans).</summary>
        JournalStatus NoticeSaid(int[] stans, int count);

        /// <summary>The end of a transaction in one commit (see StateJournal.Complete).</summary>
        JournalStatus Complete(BatchRecord record, int voidsStan, PendingAdvice advice, LastTransaction last, bool clearReversal, LoggedEvent e);

        /// <summary>One more send of the pending refund, which must be stan's.</summary>
        JournalStatus CountRefundAttempt(int stan);

        /// <summary>The host answered the pending refund (stan's): record (approved) or null, in one commit with its clearing.</summary>
        JournalStatus RefundAnswered(int stan, BatchRecord record, LastTransaction last, LoggedEvent e);

        /// <summary>The pending refund (stan's) goes to manual handling.</summary>
        JournalStatus MarkRefundManual(int stan, LastTransaction last, LoggedEvent e);

        /// <summary>One more send of stan's advice, which must be queued.</summary>
        JournalStatus CountAdviceAttempt(int stan);

        JournalStatus AdviceDone(int stan);

        JournalStatus AdviceFailed(int stan, LoggedEvent e);

        /// <summary>A settlement of the current batch is about to leave.</summary>
        JournalStatus MarkSettling();

        /// <summary>Settlement succeeded: the next batch opens.</summary>
        JournalStatus OpenNextBatch(LoggedEvent e);

        JournalStatus Log(LoggedEvent e);
    }
}
