using PosFirmware.Common;
using PosFirmware.Messaging.Iso8583;

namespace PosFirmware.Messaging.Host
{
    /// <summary>
    /// Builds the network-management messages: sign-on (签到), sign-off and echo test. UnionPay
    /// carries the management code in 60.3 (with 60.1 = 00 and the batch in 60.2) and the operator
    /// in 63, as the real sign-on frame of PAYMENTS.md section 3; international hosts take a
    /// processing code and field 70.
    /// </summary>
    public static class NetworkBuilder
    {
        public static BuildStatus SignOn(HostProfile profile, TerminalIdentity identity, int stan, int batch, IsoMessage message)
        {
            return Build(profile, profile.SignOn, identity, stan, batch, message);
        }

        public static BuildStatus SignOff(HostProfile profile, TerminalIdentity identity, int stan, int batch, IsoMessage message)
        {
            return Build(profile, profile.SignOff, identity, stan, batch, message);
        }

        public static BuildStatus Echo(HostProfile profile, TerminalIdentity identity, int stan, int batch, IsoMessage message)
        {
            return Build(profile, profile.Echo, identity, stan, batch, message);
        }

        /// <summary>
        /// MTI, processing code, STAN, identity and the management code (60 or 70) of codes: the
        /// frame every network and reconciliation message starts from.
        /// </summary>
        internal static BuildStatus Build(HostProfile profile, NetworkCodes codes, TerminalIdentity identity, int stan, int batch, IsoMessage message)
        {
            message.Clear();
            if (!RequestBuilder.IdentityIsValid(identity))
            {
                return BuildStatus.BadIdentity;
            }

            if (!RequestBuilder.TraceIsValid(stan, batch))
            {
                return BuildStatus.BadTrace;
            }

            message.Mti = codes.Mti;
            if (codes.ProcessingCode != null)
            {
                message.Set(3, codes.ProcessingCode);
            }

            message.Set(11, Digits.Pad(stan, 6));
            RequestBuilder.SetIdentity(profile, identity, message);
            if (profile.UnionPayFields)
            {
                message.Set(60, "00" + Digits.Pad(batch, 6) + codes.ManagementCode);
                if (identity.OperatorId != null)
                {
                    message.Set(63, identity.OperatorId);
                }
            }
            else if (codes.ManagementCode != null)
            {
                message.Set(70, codes.ManagementCode);
            }

            return BuildStatus.Ok;
        }
    }
}
