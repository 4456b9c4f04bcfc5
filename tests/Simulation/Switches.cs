using PosFirmware.App.Engine;
using PosFirmware.App.Run;
using PosFirmware.Payments.Journal;
using PosFirmware.Payments.State;

namespace PosFirmware.Simulation
{
    /// <summary>
    /// Test-only breakages of the firmware's durability rules, to show the simulation finds what they
    /// cause: WriteAheadOff sends without the reversal on flash (the STAN is still taken); RetryCountNotPersisted
    /// forgets to write the reversal's attempt count.
    /// </summary>
    public sealed class Switches : IPersistRunner
    {
        public bool WriteAheadOff { get; set; }

        public bool RetryCountNotPersisted { get; set; }

        public bool Any => WriteAheadOff || RetryCountNotPersisted;

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

            return PersistExecutor.Run(journal, x);
        }
    }
}
