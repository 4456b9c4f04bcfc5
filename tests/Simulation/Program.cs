using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace PosFirmware.Simulation
{
    /// <summary>
    /// dotnet run -c Release --project tests/Simulation -- [--scenarios N] [--seed S] [--trace]
    /// Runs seeds S .. S+N-1 (in parallel), prints "scenarios: N, violations: V" and the faults injected
    /// by kind; a failing seed is printed with its trace. --seed S --scenarios 1 --trace replays one.
    /// Long runs print progress to stderr every --progress K scenarios (10 000 by default; 0: never).
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            int scenarios = 1000;
            long seed = 1;
            bool trace = false;
            int progressEvery = 10_000;
            for (int i = 0; i < args.Length; i++)
            {
                if (args[i] == "--scenarios" && i + 1 < args.Length)
                {
                    scenarios = int.Parse(args[++i]);
                }
                else if (args[i] == "--seed" && i + 1 < args.Length)
                {
                    seed = long.Parse(args[++i]);
                }
                else if (args[i] == "--progress" && i + 1 < args.Length)
                {
                    progressEvery = int.Parse(args[++i]);
                }
                else if (args[i] == "--trace")
                {
                    trace = true;
                }
            }

            var faults = new long[Enum.GetValues<FaultKind>().Length];
            int violations = 0;
            int done = 0;
            long firstFailing = -1;
            object gate = new object();
            var watch = Stopwatch.StartNew();
            Parallel.For(0, scenarios, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            {
                var s = new Scenario(seed + i);
                try
                {
                    s.Run();
                }
                catch (Exception e)
                {
                    s.Violations.Add("crash: " + e.GetType().Name + ": " + e.Message + (args.Contains("--trace") ? "\n" + e.StackTrace : ""));
                }

                lock (gate)
                {
                    for (int k = 0; k < faults.Length; k++)
                    {
                        faults[k] += s.Faults[k];
                    }

                    if (s.Violations.Count > 0)
                    {
                        violations++;
                        if (firstFailing < 0 || seed + i < firstFailing)
                        {
                            firstFailing = seed + i;
                        }

                        Console.WriteLine("seed " + (seed + i) + ": " + string.Join("; ", s.Violations));
                    }

                    if (trace)
                    {
                        Console.WriteLine(s.Trace);
                    }

                    done++;
                    if (progressEvery > 0 && done % progressEvery == 0 && done < scenarios)
                    {
                        Console.Error.WriteLine(FormattableString.Invariant(
                            $"progress: {done} of {scenarios} scenarios, {violations} violations, {done / watch.Elapsed.TotalSeconds:0} scenarios/s, {watch.Elapsed.TotalMinutes:0.0} min"));
                    }
                }
            });

            watch.Stop();
            Console.WriteLine("scenarios: " + scenarios + ", violations: " + violations);
            foreach (FaultKind k in Enum.GetValues<FaultKind>())
            {
                Console.WriteLine("faults " + k + ": " + faults[(int)k]);
            }

            Console.WriteLine(FormattableString.Invariant($"simulation: {scenarios / watch.Elapsed.TotalSeconds:0} scenarios/s on {Environment.ProcessorCount} cores"));
            if (firstFailing >= 0)
            {
                Console.WriteLine("replay: dotnet run -c Release --project tests/Simulation -- --seed " + firstFailing + " --scenarios 1 --trace");
            }

            return violations == 0 ? 0 : 1;
        }
    }
}
