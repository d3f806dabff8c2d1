using MiniSpark;
using MiniSpark.Samples.WordCount;

// Word count, the "hello world" of dataflow engines.
//   dotnet run --project samples/WordCount -c Release            counts the bundled default text
//   dotnet run --project samples/WordCount -c Release -- <path>   counts a file, a directory or a glob
// Prints the 20 most frequent words as "word<TAB>count", by count descending, then word (ordinal).

string path = args.Length > 0 ? args[0] : DefaultCorpus.EnsureWritten();

var conf = new SparkConf()
    .SetMaster("local[*]")
    .SetAppName("word-count")
    .Set(ConfigKeys.ShowConsoleProgress, "true");
using var sc = new SparkContext(conf);

(string Word, int Count)[] top = sc.TextFile(path)
    .FlatMap(line => line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
    .Map(word => (word, 1))
    .ReduceByKey((a, b) => a + b)
    .TakeOrdered(20, ByCountThenWord.Instance);

foreach ((string word, int count) in top) Console.WriteLine($"{word}\t{count}");

/// <summary>Count descending, then word in ordinal order, so ties print deterministically.</summary>
internal sealed class ByCountThenWord : IComparer<(string Word, int Count)>
{
    public static ByCountThenWord Instance { get; } = new();

    public int Compare((string Word, int Count) x, (string Word, int Count) y)
    {
        int byCount = y.Count.CompareTo(x.Count);
        return byCount != 0 ? byCount : string.CompareOrdinal(x.Word, y.Word);
    }
}
