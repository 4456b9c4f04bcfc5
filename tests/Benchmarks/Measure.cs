using System.Diagnostics;
using System.Runtime.InteropServices;

namespace PosFirmware.Benchmarks;

/// <summary>
/// Runs an operation many times after a warm-up and reports time and managed bytes allocated
/// per operation (GC.GetAllocatedBytesForCurrentThread: exact, not sampled). Desktop time is a
/// relative figure; allocation is what matters on a 520 KB ESP32 and is the same code there.
/// CPU time (the thread's) is also kept: on a shared machine it moves far less than wall time.
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
        double cpu = CpuMicroseconds();
        long before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < iterations; i++)
        {
            op();
        }

        watch.Stop();
        long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        double cpuUs = CpuMicroseconds() - cpu;
        return new Result(watch.Elapsed.TotalMicroseconds / iterations, bytes / iterations, cpuUs / iterations);
    }

    /// <summary>This thread's CPU time (Linux: clock_gettime, nanosecond resolution), else the process's.</summary>
    private static double CpuMicroseconds()
    {
        const int ThreadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID
        if (OperatingSystem.IsLinux() && ClockGetTime(ThreadCpuClock, out Timespec t) == 0)
        {
            return t.Seconds * 1e6 + t.Nanoseconds / 1e3;
        }

        using Process self = Process.GetCurrentProcess();
        return self.TotalProcessorTime.TotalMicroseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out Timespec time);

    public static void Print(string name, double value, string unit)
    {
        Console.WriteLine(FormattableString.Invariant($"{name}: {value:0.##} {unit}"));
    }
}
