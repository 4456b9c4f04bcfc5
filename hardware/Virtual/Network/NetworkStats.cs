namespace PosFirmware.Virtual.Network;

/// <summary>Counts of what the virtual network did, for simulation reports.</summary>
public sealed class NetworkStats
{
    public long SegmentsSent { get; internal set; }
    public long SegmentsDelivered { get; internal set; }
    public long Dropped { get; internal set; }
    public long Duplicated { get; internal set; }
    public long Corrupted { get; internal set; }
    public long Resets { get; internal set; }
    public long Refused { get; internal set; }
    public long LostToPartition { get; internal set; }
    public long Partitions { get; internal set; }

    public override string ToString() =>
        $"sent={SegmentsSent} delivered={SegmentsDelivered} dropped={Dropped} duplicated={Duplicated} " +
        $"corrupted={Corrupted} resets={Resets} refused={Refused} lost-to-partition={LostToPartition} partitions={Partitions}";
}
