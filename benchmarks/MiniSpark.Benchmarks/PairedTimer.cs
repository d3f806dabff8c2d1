using System.Diagnostics;
using System.Globalization;

namespace MiniSpark.Benchmarks;

/// <summary>Times two workloads in interleaved pairs in one process, so that load from other processes on a shared
/// machine hits both halves of a pair alike; reports the median of the per-pair ratios beside medians and minimums,
/// for wall time and for the process's CPU time.</summary>
/// <remarks>BenchmarkDotNet measures each benchmark in its own process, one after the other; on a machine whose load
/// drifts, that order shows the drift, which pairing cancels.</remarks>
internal static class PairedTimer
{
    /// <summary>Runs <paramref name="baseline"/> and <paramref name="candidate"/> alternately (which goes first
    /// alternates too) after <paramref name="warmups"/> rounds; prints each pair and the summary.</summary>
    /// <returns>The median of the per-pair wall-time ratios candidate / baseline.</returns>
    public static double Compare(string baselineName, Action baseline, string candidateName, Action candidate, int pairs, int warmups = 3)
    {
        for (int i = 0; i < warmups; i++) // JIT, tiering, caches
        {
            baseline();
            candidate();
        }
        var baseWall = new List<double>();
        var candidateWall = new List<double>();
        var baseCpu = new List<double>();
        var candidateCpu = new List<double>();
        for (int i = 0; i < pairs; i++)
        {
            GC.Collect();
            if (i % 2 == 0)
            {
                Time(baseline, baseWall, baseCpu);
                Time(candidate, candidateWall, candidateCpu);
            }
            else
            {
                Time(candidate, candidateWall, candidateCpu);
                Time(baseline, baseWall, baseCpu);
            }
            double ratio = candidateWall[i] / baseWall[i];
            Console.WriteLine(Invariant($"pair {i,3}: {baselineName} {baseWall[i],8:F1} ms  {candidateName} {candidateWall[i],8:F1} ms  ratio {ratio:F3}"));
        }
        List<double> ratios = [.. candidateWall.Zip(baseWall, (c, b) => c / b)];
        List<double> cpuRatios = [.. candidateCpu.Zip(baseCpu, (c, b) => c / b)];
        (string b, string c) = (baselineName, candidateName);
        Console.WriteLine(Invariant($"median {b} {Median(baseWall):F1} ms, median {c} {Median(candidateWall):F1} ms"));
        Console.WriteLine(Invariant($"min {b} {baseWall.Min():F1} ms, min {c} {candidateWall.Min():F1} ms"));
        Console.WriteLine(Invariant($"median of per-pair ratios {c}/{b}: {Median(ratios):F3} ({Interquartile(ratios)}), {pairs} pairs, {Environment.ProcessorCount} cores"));
        Console.WriteLine(Invariant($"CPU time: median {b} {Median(baseCpu):F1} ms, median {c} {Median(candidateCpu):F1} ms"));
        Console.WriteLine(Invariant($"CPU time: median of per-pair ratios {Median(cpuRatios):F3} ({Interquartile(cpuRatios)})"));
        return Median(ratios);
    }

    // Wall time and the process's CPU time (every thread: slots, listener bus, GC); CPU time is less sensitive to other
    // processes' load than wall time.
    private static void Time(Action run, List<double> wall, List<double> cpu)
    {
        TimeSpan cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        run();
        wall.Add(watch.Elapsed.TotalMilliseconds);
        cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalMilliseconds);
    }

    private static string Interquartile(List<double> values) =>
        Invariant($"interquartile {Quantile(values, 0.25):F3} to {Quantile(values, 0.75):F3}");

    public static double Median(List<double> values) => Quantile(values, 0.5);

    public static double Quantile(List<double> values, double q)
    {
        List<double> sorted = [.. values.Order()];
        double position = q * (sorted.Count - 1);
        int low = (int)Math.Floor(position);
        int high = (int)Math.Ceiling(position);
        return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
