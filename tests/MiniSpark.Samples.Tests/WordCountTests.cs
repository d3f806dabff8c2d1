using MiniSpark.Samples.WordCount;

namespace MiniSpark.Samples.Tests;

public sealed class WordCountTests
{
    [Fact]
    public void Run_DefaultCorpus_TopTwentyMatchesLinq()
    {
        string path = DefaultCorpus.EnsureWritten();
        (string Word, int Count)[] expected = [.. File.ReadLines(path)
            .SelectMany(line => line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .GroupBy(word => word, StringComparer.Ordinal)
            .Select(g => (Word: g.Key, Count: g.Count()))
            .OrderByDescending(w => w.Count)
            .ThenBy(w => w.Word, StringComparer.Ordinal)
            .Take(20)];

        using var sc = new SparkContext("local[2]", "word-count-test");
        (string Word, int Count)[] top = WordCountJob.Run(sc, path);

        Assert.Equal(expected, top);
    }

    [Fact]
    public void Run_TiesOrderedByWordOrdinal_PrintedAsWordTabCount()
    {
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "text.txt");
        File.WriteAllLines(path, ["b a  B", "\ta c b", "", "c a"]);
        using var sc = new SparkContext("local[2]", "word-count-test");
        var output = new StringWriter();

        WordCountJob.Write(WordCountJob.Run(sc, path), output);

        Assert.Equal("a\t3\nb\t2\nc\t2\nB\t1\n".Replace("\n", Environment.NewLine, StringComparison.Ordinal),
            output.ToString());
    }
}
