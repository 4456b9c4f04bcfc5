namespace PosFirmware.Virtual.Snapshots;

/// <summary>Finds the repository (the folder with PosFirmware.sln) from a build output or working folder.</summary>
public static class RepoPaths
{
    public static string Root()
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "PosFirmware.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("no PosFirmware.sln above " + AppContext.BaseDirectory);
    }

    /// <summary>The committed golden images.</summary>
    public static string Goldens() => Path.Combine(Root(), "tests", "Goldens");
}
