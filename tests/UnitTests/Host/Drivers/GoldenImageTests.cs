using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosFirmware.Virtual.Imaging;
using PosFirmware.Virtual.Snapshots;

namespace PosFirmware.UnitTests.Host.Drivers;

/// <summary>
/// Every screen (both languages) and the slips, drawn by the drivers onto the chip models, against
/// the committed PNGs in tests/Goldens. A difference writes the new picture next to the test results
/// and names it; when the change is intended, regenerate with
///   dotnet run --project hardware/Virtual/Board -- snapshots
/// and review the PNGs in the diff.
/// </summary>
[TestClass]
public class GoldenImageTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void EverySnapshotMatchesItsGolden()
    {
        string goldens = RepoPaths.Goldens();
        string actualDir = Path.Combine(Path.GetTempPath(), "posfirmware-actual-snapshots");
        var failures = new List<string>();
        var names = new HashSet<string>();
        foreach (Snapshot s in SnapshotSet.All())
        {
            names.Add(s.Name);
            string path = Path.Combine(goldens, s.Name);
            if (!File.Exists(path))
            {
                failures.Add($"{s.Name}: no golden");
                Save(actualDir, s);
                continue;
            }

            MonoImage golden = Png.Decode(File.ReadAllBytes(path), s.Light, s.Scale);
            int diff = s.Image.DifferencesFrom(golden);
            if (diff != 0)
            {
                failures.Add($"{s.Name}: {diff} pixels differ");
                Save(actualDir, s);
            }
        }

        // A golden nobody draws any more is a screen that silently went away.
        foreach (string file in Directory.EnumerateFiles(goldens, "*.png", SearchOption.AllDirectories))
        {
            string rel = Path.GetRelativePath(goldens, file).Replace('\\', '/');
            if (!names.Contains(rel))
            {
                failures.Add($"{rel}: golden with no snapshot");
            }
        }

        Assert.IsTrue(names.Count > 200, $"only {names.Count} snapshots");
        Assert.AreEqual(0, failures.Count, $"actual pictures in {actualDir}:\n" + string.Join("\n", failures.Take(40)));
    }

    [TestMethod]
    public void PngRoundTripsAndTheGoldensAreWhatTheyClaim()
    {
        var image = new MonoImage(13, 7);
        image[0, 0] = true;
        image[12, 6] = true;
        image[5, 3] = true;
        foreach (bool light in new[] { true, false })
        {
            foreach (int scale in new[] { 1, 3 })
            {
                MonoImage back = Png.Decode(Png.Encode(image, light, scale), light, scale);
                Assert.AreEqual(0, back.DifferencesFrom(image));
            }
        }

        Assert.ThrowsExactly<InvalidDataException>(() => Png.Decode(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 }, true));
    }

    private static void Save(string dir, Snapshot s)
    {
        string path = Path.Combine(dir, s.Name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, s.ToPng());
    }
}
