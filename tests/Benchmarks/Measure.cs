using System.Diagnostics;

namespace PosFirmware.Benchmarks;

/// <summary>
/// Runs an operation many times after a warm-up and reports time and managed bytes allocated
/// per operation (GC.GetAllocatedBytesForCurrentThread: exact, not sampled). Desktop time is a
/// relative figure; allocation is what matters on a 520 KB ESP32 and is the same code there.
/// CPU time (the process's, so run one thing at a time) is also kept: on a shared machine it moves
/// far less than wall time.
/// </summary>
public static class Measure
{
    public readonly record struct Result(double MicrosecondsPerOp, long BytesPerOp, double CpuMicrosecondsPerOp = 0);

    public static Result Run(Action op, int iterations)
    {
        for (int i = 0; i < Math.Max(100, iterations / 10); i++)
        {
            op();
        }

        GC.Collect();
        using Process self = Process.GetCurrentProcess();
        TimeSpan cpu = self.TotalProcessorTime;
        long before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < iterations; i++)
        {
            op();
        }

        watch.Stop();
        long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        self.Refresh();
        double cpuUs = (self.TotalProcessorTime - cpu).TotalMicroseconds;
        return new Result(watch.Elapsed.TotalMicroseconds / iterations, bytes / iterations, cpuUs / iterations);
    }

    public static void Print(string name, double value, string unit)
    {
        Console.WriteLine(FormattableString.Invariant($"{name}: {value:0.##} {unit}"));
    }
}
