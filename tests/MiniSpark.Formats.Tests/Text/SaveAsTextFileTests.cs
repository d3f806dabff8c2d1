using System.Text;
using MiniSpark.Tests.Fakes;

namespace MiniSpark.Tests.Text;

public sealed class SaveAsTextFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    // Lines with multi-byte characters, commas, quotes, tabs and empty lines; no line breaks inside a record.
    private static string[] RandomLines(int count, int seed)
    {
        var random = new Random(seed);
        string[] alphabet = ["a", "Z", "0", " ", "\t", ",", "\"", "é", "€", "𝄞", "日", "\\"];
        var lines = new string[count];
        for (int i = 0; i < count; i++)
        {
            var line = new StringBuilder();
            int length = random.Next(6) == 0 ? 0 : random.Next(1, 40);
            for (int j = 0; j < length; j++) line.Append(alphabet[random.Next(alphabet.Length)]);
            lines[i] = line.ToString();
        }
        return lines;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(16)]
    public void RoundTrip_TextFileReadsBackTheRecordsInOrder(int partitions)
    {
        string output = _temp.At("out");
        string[] lines = RandomLines(500, seed: partitions);
        using var sc = new SparkContext("local[2]", "test");

        sc.Parallelize(lines, partitions).SaveAsTextFile(output);

        Assert.Equal(lines, sc.TextFile(output).Collect());
        Assert.Equal(lines, Directory.GetFiles(output, "part-*").Order(StringComparer.Ordinal).SelectMany(File.ReadAllLines));
    }

    [Fact]
    public void Files_AreUtf8WithoutBom_EveryLineEndsWithLineFeed_NullIsAnEmptyLine()
    {
        string output = _temp.At("out");
        using var sc = new SparkContext("local[2]", "test");

        sc.Parallelize<string?>(["é", null, "", "x"], 1).SaveAsTextFile(output);

        Assert.Equal("é\n\n\nx\n"u8.ToArray(), File.ReadAllBytes(Path.Combine(output, "part-00000")));
    }

    [Fact]
    public void Numbers_AreWrittenInTheInvariantCulture()
    {
        string output = _temp.At("out");
        using var sc = new SparkContext("local[2]", "test");

        sc.Parallelize([1.5, -0.25, 1e20], 1).SaveAsTextFile(output);
        sc.Parallelize([new DateOnly(2024, 2, 29)], 1).SaveAsTextFile(_temp.At("dates"));
        sc.Parallelize([(1, "a")], 1).SaveAsTextFile(_temp.At("tuples"));

        Assert.Equal(["1.5", "-0.25", "1E+20"], File.ReadAllLines(Path.Combine(output, "part-00000")));
        Assert.Equal(["02/29/2024"], File.ReadAllLines(_temp.At("dates/part-00000")));
        Assert.Equal(["(1, a)"], File.ReadAllLines(_temp.At("tuples/part-00000")));
    }

    [Fact]
    public void EmptyPartitions_WriteEmptyPartFiles_AndReadBackAsNothing()
    {
        string output = _temp.At("out");
        using var sc = new SparkContext("local[2]", "test");

        sc.Parallelize(Array.Empty<string>(), 3).SaveAsTextFile(output);

        Assert.Equal(["_SUCCESS", "part-00000", "part-00001", "part-00002"], TempDirectory.Tree(output));
        Assert.All(Directory.GetFiles(output), f => Assert.Equal(0, new FileInfo(f).Length));
        Assert.Empty(sc.TextFile(output).Collect());
    }

    [Fact]
    public void DatasetWithoutPartitions_WritesOnlySuccess()
    {
        string output = _temp.At("out");
        using var sc = new SparkContext("local[2]", "test");

        sc.EmptyRdd<int>().SaveAsTextFile(output);

        Assert.Equal(["_SUCCESS"], TempDirectory.Tree(output));
    }

    [Fact]
    public void AfterAShuffle_EachReducePartitionIsOnePartFile()
    {
        string output = _temp.At("out");
        using var sc = new SparkContext("local[4]", "test");
        var words = Enumerable.Range(0, 2000).Select(i => $"w{i % 37}");

        sc.Parallelize(words, 8).Map(w => (w, 1)).ReduceByKey((a, b) => a + b, 5).Map(p => $"{p.Item1}\t{p.Item2}").SaveAsTextFile(output);

        Assert.Equal(5, Directory.GetFiles(output, "part-*").Length);
        Dictionary<string, int> counts = sc.TextFile(output).Collect().Select(l => l.Split('\t')).ToDictionary(f => f[0], f => int.Parse(f[1]));
        Assert.Equal(words.GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count()), counts);
    }
}
