using PosFirmware.App.Engine;
using PosFirmware.App.Run;
using PosFirmware.Messaging.Host;
using PosFirmware.Payments.Journal;
using PosFirmware.Payments.State;

namespace PosFirmware.Simulation
{
    /// <summary>
    /// Test-only breakages of the firmware's durability rules, to show the simulation finds what they
    /// cause: WriteAheadOff sends without the reversal on flash (the STAN is still taken); RetryCountNotPersisted
    /// forgets to write the reversal's attempt count; RefundNotKept sends a refund without keeping it (the
    /// old way: a refund whose answer is lost is forgotten, an answered one recorded as before);
    /// UploadsOff gives the terminal a profile with no upload codes, so it never uploads and ends an
    /// unbalanced batch with 202 and a count of 0 (what reviewer 1 patched into the engine).
    /// </summary>
    public sealed class Switches : IPersistRunner
    {
        public bool WriteAheadOff { get; set; }

        public bool RetryCountNotPersisted { get; set; }

        public bool RefundNotKept { get; set; }

        public bool UploadsOff { get; set; }

        public bool Any => WriteAheadOff || RetryCountNotPersisted || RefundNotKept || UploadsOff;

        /// <summary>The terminal's profile: profile itself, or (UploadsOff) a copy made by make with every upload code removed.</summary>
        public HostProfile TerminalProfile(HostProfile profile, System.Func<HostProfile> make)
        {
            if (!UploadsOff)
            {
                return profile;
            }

            HostProfile broken = make();
            foreach (string name in new[] { nameof(HostProfile.BatchUpload), nameof(HostProfile.ChipUploadBalanced), nameof(HostProfile.ChipUploadUnbalanced) })
            {
                typeof(HostProfile).GetProperty(name).SetValue(broken, null);
            }

            return broken;
        }

        public bool Run(StateJournal journal, EngineAction x)
        {
            if (WriteAheadOff && x.Persist == PersistOp.TakeStanAndArmReversal)
            {
                return journal.TakeStan(out int stan) == JournalStatus.Ok && stan == x.Stan;
            }

            if (RetryCountNotPersisted && x.Persist == PersistOp.CountReversalAttempt)
            {
                return true;
            }

            if (RefundNotKept && x.Persist == PersistOp.TakeStanAndArmRefund)
            {
                return journal.TakeStan(out int stan) == JournalStatus.Ok && stan == x.Stan;
            }

            if (RefundNotKept && x.Persist == PersistOp.RefundAnswered && journal.State.Refund == null)
            {
                return journal.Complete(x.Record, -1, null, x.Last, false, x.Event) == JournalStatus.Ok;
            }

            return PersistExecutor.Run(journal, x);
        }
    }
}
