namespace PosFirmware.Simulation
{
    /// <summary>The faults a scenario injects (counted for the CI line).</summary>
    public enum FaultKind
    {
        PowerCut,
        LinkDown,
        Partition,
        LateAnswer,
        DuplicateSegment,
        GarbledSegment,
        ConnectionReset,
        BadMac,
        PaperOut,
        CardRemoved,
    }
}
