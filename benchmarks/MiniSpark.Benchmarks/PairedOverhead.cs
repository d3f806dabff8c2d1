using System.Diagnostics;
using System.Globalization;

namespace MiniSpark.Benchmarks;

/// <summary>The UI's and the event log's cost measured in pairs: one process, two contexts (both off; UI and event log
/// on), the same word count alternately on each, so that load from other processes on a shared machine hits both
/// halves of a pair alike. Reports the median of the per-pair ratios beside the medians and minimums.</summary>
/// <remarks>
/// <c>dotnet run -c Release --project benchmarks/MiniSpark.Benchmarks -- --paired-observability [pairs]</c>.
/// BenchmarkDotNet (<see cref="ObservabilityBenchmarks"/>) measures each side in its own process, one after the other;
/// on a machine whose load drifts that order shows the drift, which pairing cancels.
/// </remarks>
internal static class PairedOverhead
{
    /// <param name="pairs">How many pairs to measure.</param>
    /// <param name="control">An A/A control: the second context also has everything off, so the ratio shows what the
    /// harness itself contributes.</param>
    public static void Run(int pairs, bool control = false)
    {
        string[] lines = Corpus.Lines(1_000_000);
        string events = Directory.CreateTempSubdirectory("minispark-paired-events-").FullName;
        using var off = new SparkContext(new SparkConf().SetMaster("local[*]").SetAppName("paired-off"));
        var onConf = new SparkConf().SetMaster("local[*]").SetAppName("paired-on");
        if (!control)
        {
            onConf.Set(ConfigKeys.UiEnabled, "true").Set(ConfigKeys.UiPort, "0")
                .Set(ConfigKeys.EventLogEnabled, "true").Set(ConfigKeys.EventLogDir, events);
        }
        using var on = new SparkContext(onConf);
        Rdd<string> offRdd = off.Parallelize(lines, off.DefaultParallelism * 2);
        Rdd<string> onRdd = on.Parallelize(lines, on.DefaultParallelism * 2);

        var cpuOff = new List<double>();
        var cpuOn = new List<double>();
        // Wall time and the process's CPU time (every thread: slots, listener bus, Kestrel); CPU time is less
        // sensitive to other processes' load than wall time.
        double Time(Rdd<string> rdd, List<double>? cpu)
        {
            TimeSpan cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            int words = rdd.FlatMap(l => l.Split(' ')).Map(w => (w, 1)).ReduceByKey((a, b) => a + b).Collect().Length;
            if (words == 0) throw new InvalidOperationException("no words");
            double wall = watch.Elapsed.TotalMilliseconds;
            cpu?.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalMilliseconds);
            return wall;
        }

        for (int i = 0; i < 3; i++) // warm-up: JIT, tiering, caches
        {
            Time(offRdd, null);
            Time(onRdd, null);
        }
        var offTimes = new List<double>();
        var onTimes = new List<double>();
        var ratios = new List<double>();
        for (int i = 0; i < pairs; i++)
        {
            // Alternate which side goes first, so neither always runs on a warmer or colder machine.
            GC.Collect();
            double a, b;
            if (i % 2 == 0)
            {
                a = Time(offRdd, cpuOff);
                b = Time(onRdd, cpuOn);
            }
            else
            {
                b = Time(onRdd, cpuOn);
                a = Time(offRdd, cpuOff);
            }
            offTimes.Add(a);
            onTimes.Add(b);
            ratios.Add(b / a);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pair {i,3}: off {a,8:F1} ms  on {b,8:F1} ms  on/off {b / a:F3}"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median off {Median(offTimes):F1} ms, median on {Median(onTimes):F1} ms, min off {offTimes.Min():F1} ms, min on {onTimes.Min():F1} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median of per-pair ratios on/off: {Median(ratios):F3} (interquartile {Quantile(ratios, 0.25):F3} to {Quantile(ratios, 0.75):F3}), {pairs} pairs"));
        List<double> cpuRatios = [.. cpuOn.Zip(cpuOff, (b, a) => b / a)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CPU time: median off {Median(cpuOff):F1} ms, median on {Median(cpuOn):F1} ms, median of per-pair ratios {Median(cpuRatios):F3} " +
            $"(interquartile {Quantile(cpuRatios, 0.25):F3} to {Quantile(cpuRatios, 0.75):F3})"));
        off.Stop();
        on.Stop();
        Directory.Delete(events, recursive: true);
    }

    private static double Median(List<double> values) => Quantile(values, 0.5);

    private static double Quantile(List<double> values, double q)
    {
        List<double> sorted = [.. values.Order()];
        double position = q * (sorted.Count - 1);
        int low = (int)Math.Floor(position);
        int high = (int)Math.Ceiling(position);
        return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
    }
}
