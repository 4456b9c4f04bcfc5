using PosFirmware.App.Engine;
using PosFirmware.Payments.Journal;
using PosFirmware.Payments.State;

namespace PosFirmware.Virtual.Terminal;

/// <summary>
/// A durable port that passes every step to Inner: the base of the test seams that watch or
/// break the engine's durable steps (override the ones they change). Inner is settable so one
/// decorator (and what it counted) can follow the terminal across power cuts.
/// </summary>
public class DurableStateDecorator : IDurableState
{
    public DurableStateDecorator(IDurableState? inner = null)
    {
        Inner = inner!;
    }

    public IDurableState Inner { get; set; }

    public TerminalState State => Inner.State;

    public int NextStan => Inner.NextStan;

    public virtual JournalStatus TakeStan(out int stan) => Inner.TakeStan(out stan);

    public virtual JournalStatus TakeStanAndArmReversal(PendingReversal r, out int stan) => Inner.TakeStanAndArmReversal(r, out stan);

    public virtual JournalStatus TakeStanAndArmRefund(PendingRefund f, LastTransaction last, out int stan) => Inner.TakeStanAndArmRefund(f, last, out stan);

    public virtual JournalStatus ArmReversal(PendingReversal r) => Inner.ArmReversal(r);

    public virtual JournalStatus CountReversalAttempt(int stan) => Inner.CountReversalAttempt(stan);

    public virtual JournalStatus MarkReversalManual(int stan, LastTransaction last, LoggedEvent e) => Inner.MarkReversalManual(stan, last, e);

    public virtual JournalStatus ConfirmReversal(int stan, ConfirmedReversal c, LastTransaction last, LoggedEvent e) => Inner.ConfirmReversal(stan, c, last, e);

    public virtual JournalStatus NoticeSaid(int[] stans, int count) => Inner.NoticeSaid(stans, count);

    public virtual JournalStatus Complete(BatchRecord record, int voidsStan, PendingAdvice advice, LastTransaction last, bool clearReversal, LoggedEvent e) =>
        Inner.Complete(record, voidsStan, advice, last, clearReversal, e);

    public virtual JournalStatus CountRefundAttempt(int stan) => Inner.CountRefundAttempt(stan);

    public virtual JournalStatus RefundAnswered(int stan, BatchRecord record, LastTransaction last, LoggedEvent e) => Inner.RefundAnswered(stan, record, last, e);

    public virtual JournalStatus MarkRefundManual(int stan, LastTransaction last, LoggedEvent e) => Inner.MarkRefundManual(stan, last, e);

    public virtual JournalStatus CountAdviceAttempt(int stan) => Inner.CountAdviceAttempt(stan);

    public virtual JournalStatus AdviceDone(int stan) => Inner.AdviceDone(stan);

    public virtual JournalStatus AdviceFailed(int stan, LoggedEvent e) => Inner.AdviceFailed(stan, e);

    public virtual JournalStatus MarkSettling() => Inner.MarkSettling();

    public virtual JournalStatus OpenNextBatch(LoggedEvent e) => Inner.OpenNextBatch(e);

    public virtual JournalStatus Log(LoggedEvent e) => Inner.Log(e);
}
