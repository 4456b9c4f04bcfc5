using PosFirmware.Messaging.Host;
using PosFirmware.Payments.State;

namespace PosFirmware.Payments.Rules
{
    /// <summary>
    /// Invariant I5: offline approval only under the floor limit and within the batch's count and
    /// amount caps, only where the host profile allows it (PAYMENTS.md section 5). A pure function
    /// of the parameters, the profile and the terminal state.
    /// </summary>
    public static class OfflinePolicy
    {
        public static OfflineDecision Decide(TerminalParameters p, HostProfile profile, TerminalState state, TransactionType type, long amountMinor)
        {
            if (!profile.AllowsOffline)
            {
                return OfflineDecision.HostForbids;
            }

            if (type != TransactionType.Sale)
            {
                return OfflineDecision.NotASale;
            }

            if (amountMinor > p.CvmLimitMinor)
            {
                return OfflineDecision.NeedsOnlinePin;
            }

            if (amountMinor >= p.OfflineFloorLimitMinor)
            {
                return OfflineDecision.OverFloorLimit;
            }

            int count = 0;
            long total = 0;
            for (int i = 0; i < state.BatchCount; i++)
            {
                BatchRecord r = state.BatchAt(i);
                if (r.Offline)
                {
                    count++;
                    total += r.Entry.AmountMinor;
                }
            }

            if (count >= p.OfflineMaxCount)
            {
                return OfflineDecision.CountCapReached;
            }

            if (total + amountMinor > p.OfflineMaxTotalMinor)
            {
                return OfflineDecision.TotalCapReached;
            }

            if (state.AdviceCount >= state.AdviceCapacity)
            {
                return OfflineDecision.AdviceQueueFull;
            }

            return OfflineDecision.Allowed;
        }
    }
}
