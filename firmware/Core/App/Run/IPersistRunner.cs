using PosFirmware.App.Engine;
using PosFirmware.Payments.State;

namespace PosFirmware.App.Run
{
    /// <summary>Carries out one persist action; true when it is durable.</summary>
    public interface IPersistRunner
    {
        bool Run(StateJournal journal, EngineAction action);
    }
}
