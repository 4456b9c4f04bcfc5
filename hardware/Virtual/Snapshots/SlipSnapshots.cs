namespace PosFirmware.Virtual.Snapshots;

/// <summary>The printed slips (filled in with the printer driver).</summary>
public static class SlipSnapshots
{
    public static IEnumerable<Snapshot> All() => Enumerable.Empty<Snapshot>();
}
