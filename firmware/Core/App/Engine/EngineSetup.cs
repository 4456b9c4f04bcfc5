using PosFirmware.Messaging.Host;
using PosFirmware.Payments.Rules;
using PosFirmware.Security;

namespace PosFirmware.App.Engine
{
    /// <summary>The terminal's configuration as the engine needs it.</summary>
    public sealed class EngineSetup
    {
        /// <summary>Rounds of the host link's work one step may take (see LinkRoundsPerStep).</summary>
        public const int DefaultLinkRoundsPerStep = 16;

        public EngineSetup()
        {
            LinkRoundsPerStep = DefaultLinkRoundsPerStep;
        }

        /// <summary>
        /// The cap on the link's rounds in one step (each round sends, connects, or hands one item to
        /// manual handling, so a handful is the most a step needs). Work left at the cap is a counted
        /// fault (TransactionEngine.Faults) and goes on in the next step, never dropped.
        /// </summary>
        public int LinkRoundsPerStep { get; set; }

        public HostProfile Profile { get; set; }

        public TerminalIdentity Identity { get; set; }

        public TerminalParameters Parameters { get; set; }

        public string MerchantName { get; set; }

        public string HostAddress { get; set; }

        public int HostPort { get; set; }

        /// <summary>The terminal master key that unwraps the working keys of each sign-on.</summary>
        public DesKey TerminalMasterKey { get; set; }
    }
}
