// The virtual board's self-check: boots the board's parts (clock, flash, network) and checks
// each the way the firmware will lean on it, printing one line per check and a summary.
// Usage: dotnet run --project hardware/Virtual/Board [-- --seed N]
//        dotnet run --project hardware/Virtual/Board -- snapshots [FOLDER]
//          writes a PNG of every screen in both languages and of the slips (default: the goldens,
//          tests/Goldens; review the change with git diff before committing it)
using PosFirmware.Virtual.Snapshots;
using PosFirmware.VirtualBoard;

if (args.Length >= 1 && args[0] == "snapshots")
{
    string folder = args.Length >= 2 ? args[1] : RepoPaths.Goldens();
    int written = SnapshotSet.WriteAll(folder);
    Console.WriteLine($"snapshots: wrote {written} PNGs under {folder}");
    return 0;
}

long seed = 20261122;
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--seed" && i + 1 < args.Length && long.TryParse(args[i + 1], out long s))
    {
        seed = s;
        i++;
    }
    else
    {
        Console.Error.WriteLine("usage: PosFirmware.VirtualBoard [--seed N]");
        return 2;
    }
}

Console.WriteLine($"PosFirmware virtual board, seed {seed}");
var checks = new SelfCheck(seed);
int failed = checks.RunAll(Console.Out);
return failed == 0 ? 0 : 1;
