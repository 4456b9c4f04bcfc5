using PosFirmware.App.Engine;
using PosFirmware.Virtual.Terminal;
using PosFirmware.Messaging.Host;
using PosFirmware.Payments.Journal;
using PosFirmware.Payments.State;

namespace PosFirmware.Simulation
{
    /// <summary>
    /// Test-only breakages of the firmware's durability rules (a decorator of the engine's durable
    /// port, in front of the journal's), to show the simulation finds what they
    /// cause: WriteAheadOff sends without the reversal on flash (the STAN is still taken); RetryCountNotPersisted
    /// forgets to write the reversal's attempt count; RefundNotKept sends a refund without keeping it (the
    /// old way: a refund whose answer is lost is forgotten, an answered one recorded as before);
    /// UploadsOff gives the terminal a profile with no upload codes, so it never uploads and ends an
    /// unbalanced batch with 202 and a count of 0 (what reviewer 1 patched into the engine).
    /// </summary>
    public sealed class Switches : DurableStateDecorator
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

        public override JournalStatus TakeStanAndArmReversal(PendingReversal r, out int stan) =>
            WriteAheadOff ? Inner.TakeStan(out stan) : Inner.TakeStanAndArmReversal(r, out stan);

        public override JournalStatus CountReversalAttempt(int stan) =>
            RetryCountNotPersisted ? JournalStatus.Ok : Inner.CountReversalAttempt(stan);

        public override JournalStatus TakeStanAndArmRefund(PendingRefund f, LastTransaction last, out int stan) =>
            RefundNotKept ? Inner.TakeStan(out stan) : Inner.TakeStanAndArmRefund(f, last, out stan);

        public override JournalStatus RefundAnswered(int stan, BatchRecord record, LastTransaction last, LoggedEvent e) =>
            RefundNotKept && State.Refund == null ? Inner.Complete(record, -1, null, last, false, e) : Inner.RefundAnswered(stan, record, last, e);
    }
}
