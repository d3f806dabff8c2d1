using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace MiniSpark.Benchmarks;

/// <summary>Word count over a large text file (200 MB by default), read from disk by every side: LINQ and PLINQ
/// <c>GroupBy</c>, the expert's PLINQ (per-thread dictionaries), a hand-tuned span-based count (one thread per core,
/// no string per word: the floor to approach) and MiniSpark's <c>TextFile</c>. Same user code (<c>Split(' ')</c>, a
/// tuple per word) everywhere but the hand-tuned floor.</summary>
/// <remarks><c>dotnet run -c Release --project benchmarks/MiniSpark.Benchmarks -- --large-corpus [megabytes] [runs]</c>.
/// LINQ and PLINQ <c>GroupBy</c> run once (tens of seconds each); the others run once to warm up, then
/// <c>runs</c> times (median printed). The corpus is the benchmarks' Zipf text, written to a temporary file.</remarks>
internal static class LargeCorpusWordCount
{
    public static void Run(int megabytes, int runs)
    {
        string directory = Directory.CreateTempSubdirectory("minispark-large-corpus-").FullName;
        try
        {
            string path = Path.Combine(directory, "corpus.txt");
            long bytes = Write(path, megabytes * (1L << 20));
            Console.WriteLine(Invariant($"corpus: {bytes / (double)(1 << 20):F0} MB, {Environment.ProcessorCount} cores"));
            using var sc = new SparkContext("local[*]", "large-corpus");

            int expected = HandTuned(path);
            Report("hand-tuned span count", () => HandTuned(path), runs, expected);
            Report("MiniSpark TextFile + ReduceByKey", () => WordCountBenchmarks.Count(sc.TextFile(path)), runs, expected);
            Report("expert PLINQ", () => Expert(path), runs, expected);
            Report("PLINQ GroupBy", () => File.ReadLines(path).AsParallel().SelectMany(l => l.Split(' ')).Select(w => (w, 1))
                .GroupBy(p => p.w).Select(g => (g.Key, g.Sum(p => p.Item2))).ToArray().Length, 0, expected);
            Report("LINQ GroupBy", () => File.ReadLines(path).SelectMany(l => l.Split(' ')).Select(w => (w, 1))
                .GroupBy(p => p.w).Select(g => (g.Key, g.Sum(p => p.Item2))).ToArray().Length, 0, expected);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static long Write(string path, long target)
    {
        using var writer = new StreamWriter(path);
        for (int seed = 1; writer.BaseStream.Length < target; seed++)
        {
            foreach (string line in Corpus.Lines(500_000, seed)) writer.WriteLine(line);
            writer.Flush();
        }
        return writer.BaseStream.Length;
    }

    /// <param name="runs">Timed runs after one warm-up; 0 means a single run without warm-up.</param>
    private static void Report(string name, Func<int> count, int runs, int expected)
    {
        var times = new List<double>();
        if (runs > 0) Check(name, count(), expected);
        for (int i = 0; i < Math.Max(1, runs); i++)
        {
            var watch = Stopwatch.StartNew();
            int words = count();
            times.Add(watch.Elapsed.TotalSeconds);
            Check(name, words, expected);
        }
        string all = string.Join(", ", times.Select(t => t.ToString("F2", CultureInfo.InvariantCulture)));
        Console.WriteLine(Invariant($"{name,-34} median {PairedTimer.Median(times),6:F2} s  ({all})"));
    }

    private static void Check(string name, int distinct, int expected)
    {
        if (distinct != expected) throw new InvalidOperationException($"{name} found {distinct} distinct words, expected {expected}.");
    }

    private static int Expert(string path) =>
        File.ReadLines(path).AsParallel().Aggregate(
            () => new Dictionary<string, int>(),
            (counts, line) =>
            {
                foreach ((string w, int one) in line.Split(' ').Select(w => (w, 1)))
                    counts[w] = counts.GetValueOrDefault(w) + one;
                return counts;
            },
            (left, right) =>
            {
                foreach (KeyValuePair<string, int> pair in right) left[pair.Key] = left.GetValueOrDefault(pair.Key) + pair.Value;
                return left;
            },
            counts => counts.ToArray()).Length;

    /// <summary>The floor: the file's bytes in one read, one range per core cut at line ends, words looked up as spans
    /// (no string per word occurrence), per-thread dictionaries merged at the end. ASCII text only, like the corpus.</summary>
    private static int HandTuned(string path)
    {
        byte[] text = File.ReadAllBytes(path);
        int threads = Environment.ProcessorCount;
        var starts = new int[threads + 1];
        starts[threads] = text.Length;
        for (int t = 1; t < threads; t++)
        {
            int at = (int)((long)text.Length * t / threads);
            while (at < text.Length && text[at - 1] != '\n') at++;
            starts[t] = at;
        }
        var partial = new Dictionary<string, int>[threads];
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
        Parallel.For(0, threads, options, t => partial[t] = CountRange(text, starts[t], starts[t + 1]));
        Dictionary<string, int> total = partial[0];
        for (int t = 1; t < threads; t++)
        {
            foreach ((string word, int count) in partial[t]) CollectionsMarshal.GetValueRefOrAddDefault(total, word, out _) += count;
        }
        return total.Count;
    }

    private static Dictionary<string, int> CountRange(byte[] text, int start, int end)
    {
        var counts = new Dictionary<string, int>();
        Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> word = stackalloc char[256];
        int length = 0;
        for (int i = start; i < end; i++)
        {
            byte b = text[i];
            if (b is (byte)' ' or (byte)'\n')
            {
                CollectionsMarshal.GetValueRefOrAddDefault(lookup, word[..length], out _)++;
                length = 0;
            }
            else if (b != '\r' && length < word.Length)
            {
                word[length++] = (char)b;
            }
        }
        if (length > 0) CollectionsMarshal.GetValueRefOrAddDefault(lookup, word[..length], out _)++;
        return counts;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
