using System.Collections.Generic;
using PosFirmware.App.Engine;
using PosFirmware.Payments.Journal;
using PosFirmware.Payments.State;
using PosFirmware.Virtual.Terminal;

namespace PosFirmware.UnitTests.Engine
{
    /// <summary>
    /// The rig's durable port: every step goes on to the journal's port unless refused (the next
    /// FlashRefusals steps, or the next RefuseOp), and each is written down (what it carried, and
    /// whether the rig refused it) for the trace line of the engine's Durable note.
    /// </summary>
    internal sealed class RigDurable : DurableStateDecorator
    {
        internal sealed class Call
        {
            public PersistOp Op;
            public string Detail;
            public bool Refused;
        }

        public int FlashRefusals;

        public PersistOp RefuseOp;

        public readonly Queue<Call> Calls = new Queue<Call>();

        public override JournalStatus TakeStan(out int stan)
        {
            stan = 0;
            return Refuse(PersistOp.TakeStan, " " + Inner.NextStan) ? JournalStatus.FlashError : Inner.TakeStan(out stan);
        }

        public override JournalStatus TakeStanAndArmReversal(PendingReversal r, out int stan)
        {
            stan = 0;
            return Refuse(PersistOp.TakeStanAndArmReversal, Reversal(r)) ? JournalStatus.FlashError : Inner.TakeStanAndArmReversal(r, out stan);
        }

        public override JournalStatus TakeStanAndArmRefund(PendingRefund f, LastTransaction last, out int stan)
        {
            stan = 0;
            return Refuse(PersistOp.TakeStanAndArmRefund, " " + f.Stan) ? JournalStatus.FlashError : Inner.TakeStanAndArmRefund(f, last, out stan);
        }

        public override JournalStatus ArmReversal(PendingReversal r) =>
            Refuse(PersistOp.ArmReversal, Reversal(r)) ? JournalStatus.FlashError : Inner.ArmReversal(r);

        public override JournalStatus CountReversalAttempt(int stan) =>
            Refuse(PersistOp.CountReversalAttempt, " " + stan) ? JournalStatus.FlashError : Inner.CountReversalAttempt(stan);

        public override JournalStatus MarkReversalManual(int stan, LastTransaction last, LoggedEvent e) =>
            Refuse(PersistOp.MarkReversalManual, " " + stan) ? JournalStatus.FlashError : Inner.MarkReversalManual(stan, last, e);

        public override JournalStatus ConfirmReversal(int stan, ConfirmedReversal c, LastTransaction last, LoggedEvent e) =>
            Refuse(PersistOp.ConfirmReversal, " " + stan + Last(last) + Event(e)) ? JournalStatus.FlashError : Inner.ConfirmReversal(stan, c, last, e);

        public override JournalStatus NoticeSaid(int[] stans, int count) =>
            Refuse(PersistOp.NoticeSaid, " " + count) ? JournalStatus.FlashError : Inner.NoticeSaid(stans, count);

        public override JournalStatus Complete(BatchRecord record, int voidsStan, PendingAdvice advice, LastTransaction last, bool clearReversal, LoggedEvent e) =>
            Refuse(PersistOp.Complete, Record(record, voidsStan, advice) + Last(last) + (clearReversal ? " clear-reversal" : "") + Event(e))
                ? JournalStatus.FlashError : Inner.Complete(record, voidsStan, advice, last, clearReversal, e);

        public override JournalStatus CountRefundAttempt(int stan) =>
            Refuse(PersistOp.CountRefundAttempt, " " + stan) ? JournalStatus.FlashError : Inner.CountRefundAttempt(stan);

        public override JournalStatus RefundAnswered(int stan, BatchRecord record, LastTransaction last, LoggedEvent e) =>
            Refuse(PersistOp.RefundAnswered, Record(record, -1, null) + Last(last) + Event(e)) ? JournalStatus.FlashError : Inner.RefundAnswered(stan, record, last, e);

        public override JournalStatus MarkRefundManual(int stan, LastTransaction last, LoggedEvent e) =>
            Refuse(PersistOp.MarkRefundManual, " " + stan) ? JournalStatus.FlashError : Inner.MarkRefundManual(stan, last, e);

        public override JournalStatus CountAdviceAttempt(int stan) =>
            Refuse(PersistOp.CountAdviceAttempt, " " + stan) ? JournalStatus.FlashError : Inner.CountAdviceAttempt(stan);

        public override JournalStatus AdviceDone(int stan) =>
            Refuse(PersistOp.AdviceDone, " " + stan) ? JournalStatus.FlashError : Inner.AdviceDone(stan);

        public override JournalStatus AdviceFailed(int stan, LoggedEvent e) =>
            Refuse(PersistOp.AdviceFailed, " " + stan) ? JournalStatus.FlashError : Inner.AdviceFailed(stan, e);

        public override JournalStatus MarkSettling() =>
            Refuse(PersistOp.MarkSettling, "") ? JournalStatus.FlashError : Inner.MarkSettling();

        public override JournalStatus OpenNextBatch(LoggedEvent e) =>
            Refuse(PersistOp.OpenNextBatch, Event(e)) ? JournalStatus.FlashError : Inner.OpenNextBatch(e);

        public override JournalStatus Log(LoggedEvent e) =>
            Refuse(PersistOp.Log, Event(e)) ? JournalStatus.FlashError : Inner.Log(e);

        /// <summary>Writes the step down; true when the rig refuses it.</summary>
        private bool Refuse(PersistOp op, string detail)
        {
            bool refused = FlashRefusals > 0 || RefuseOp == op;
            if (refused)
            {
                RefuseOp = PersistOp.None;
                FlashRefusals = FlashRefusals > 0 ? FlashRefusals - 1 : 0;
            }

            Calls.Enqueue(new Call { Op = op, Detail = detail, Refused = refused });
            return refused;
        }

        private static string Reversal(PendingReversal r) => " " + r.Stan + " 39=" + EngineRig.ReasonOf(r.Message);

        private static string Record(BatchRecord r, int voidsStan, PendingAdvice advice) =>
            (r != null ? " record=" + r.Entry.Type + "/" + r.Entry.Stan + "/" + r.OutcomeCode + (r.Offline ? "/offline" : "") : "")
            + (voidsStan > 0 ? " voids=" + voidsStan : "") + (advice != null ? " advice=" + advice.Stan : "");

        private static string Last(LastTransaction last) => last != null ? " last=" + last.OutcomeCode + "/" + last.Reversal : "";

        private static string Event(LoggedEvent e) => e != null ? " event=" + e.Code : "";
    }
}
