using System.Diagnostics;

namespace PathSafety.Benchmarks;

/// <summary>
/// Wall clock, this process's CPU time (other processes on a shared machine do not count in it) and allocated bytes
/// of one measured step, started after a full GC.
/// </summary>
internal static class CostClock
{
    public static CostStart Begin()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return new CostStart(Stopwatch.GetTimestamp(), CpuMilliseconds(), GC.GetTotalAllocatedBytes(precise: true));
    }

    public static Cost Elapsed(CostStart start)
        => new(
            Stopwatch.GetElapsedTime(start.Timestamp).TotalMilliseconds,
            CpuMilliseconds() - start.CpuMilliseconds,
            GC.GetTotalAllocatedBytes(precise: true) - start.Allocated);

    private static double CpuMilliseconds()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalMilliseconds;
    }
}

internal readonly record struct CostStart(long Timestamp, double CpuMilliseconds, long Allocated);

internal readonly record struct Cost(double WallMilliseconds, double CpuMilliseconds, long Allocated)
{
    public static Cost operator -(Cost left, Cost right)
        => new(left.WallMilliseconds - right.WallMilliseconds, left.CpuMilliseconds - right.CpuMilliseconds, left.Allocated - right.Allocated);
}
