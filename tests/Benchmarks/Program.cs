using PosFirmware.Benchmarks;

// dotnet run -c Release --project tests/Benchmarks -- <suite>...   (no suite: all of them)
var suites = new Dictionary<string, Action>
{
    ["messaging"] = MessagingBenchmark.Run,
    ["engine"] = EngineBenchmark.Run,
    ["simulation"] = SimulationBenchmark.Run,
    ["drivers"] = DriversBenchmark.Run,
};

string[] wanted = args.Length == 0 ? suites.Keys.ToArray() : args;
foreach (string name in wanted)
{
    if (!suites.TryGetValue(name, out Action? run))
    {
        Console.Error.WriteLine("unknown suite '" + name + "'; known: " + string.Join(", ", suites.Keys));
        return 2;
    }

    run();
}

return 0;
