using PosFirmware.Messaging.Host;
using PosFirmware.Payments.Rules;
using PosFirmware.Security;

namespace PosFirmware.App.Engine
{
    /// <summary>The terminal's configuration as the engine needs it.</summary>
    public sealed class EngineSetup
    {
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
