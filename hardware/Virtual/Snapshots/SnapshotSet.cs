namespace PosFirmware.Virtual.Snapshots;

/// <summary>All the pictures the goldens hold: every screen in both languages and the slips.</summary>
public static class SnapshotSet
{
    public static IEnumerable<Snapshot> All() => ScreenSnapshots.All().Concat(SlipSnapshots.All());

    /// <summary>Writes every snapshot as PNG under folder; returns how many.</summary>
    public static int WriteAll(string folder)
    {
        int n = 0;
        foreach (Snapshot s in All())
        {
            string path = Path.Combine(folder, s.Name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, s.ToPng());
            n++;
        }

        return n;
    }
}
