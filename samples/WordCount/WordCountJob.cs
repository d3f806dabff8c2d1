namespace MiniSpark.Samples.WordCount;

/// <summary>Word count, the "hello world" of dataflow engines: the most frequent whitespace-separated words.</summary>
public static class WordCountJob
{
    /// <summary>The <paramref name="top"/> most frequent words of the text at <paramref name="path"/> (a file, a
    /// directory or a glob), by count descending, then word in ordinal order.</summary>
    public static (string Word, int Count)[] Run(SparkContext sc, string path, int top = 20)
    {
        ArgumentNullException.ThrowIfNull(sc);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return sc.TextFile(path)
            .FlatMap(line => line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Map(word => (word, 1))
            .ReduceByKey((a, b) => a + b)
            .TakeOrdered(top, ByCountThenWord.Instance);
    }

    /// <summary>Writes one <c>word&lt;TAB&gt;count</c> line per word.</summary>
    public static void Write(IEnumerable<(string Word, int Count)> words, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(output);
        foreach ((string word, int count) in words) output.WriteLine($"{word}\t{count}");
    }
}

/// <summary>Count descending, then word in ordinal order, so ties print deterministically.</summary>
public sealed class ByCountThenWord : IComparer<(string Word, int Count)>
{
    /// <summary>The one instance.</summary>
    public static ByCountThenWord Instance { get; } = new();

    /// <inheritdoc/>
    public int Compare((string Word, int Count) x, (string Word, int Count) y)
    {
        int byCount = y.Count.CompareTo(x.Count);
        return byCount != 0 ? byCount : string.CompareOrdinal(x.Word, y.Word);
    }
}
