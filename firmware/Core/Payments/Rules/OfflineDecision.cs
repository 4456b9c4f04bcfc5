namespace PosFirmware.Payments.Rules
{
    /// <summary>Whether a transaction may be approved offline, and if not, why.</summary>
    public enum OfflineDecision
    {
        /// <summary>Approve offline (Y1); an advice goes to the host later.</summary>
        Allowed = 0,
        /// <summary>The host profile forbids offline approval.</summary>
        HostForbids = 1,
        /// <summary>Only sales are approved offline.</summary>
        NotASale = 2,
        /// <summary>At or above the floor limit.</summary>
        OverFloorLimit = 3,
        /// <summary>The batch already holds the maximum number of offline approvals.</summary>
        CountCapReached = 4,
        /// <summary>This approval would take the batch's offline total over its cap.</summary>
        TotalCapReached = 5,
        /// <summary>The advice queue is full: nothing more can be owed to the host.</summary>
        AdviceQueueFull = 6,
        /// <summary>A PIN was required (over the CVM limit): offline PIN is not supported.</summary>
        NeedsOnlinePin = 7,
    }
}
