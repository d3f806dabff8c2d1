using System.Text;
using MiniSpark.Tests.Fakes;

namespace MiniSpark.Tests.Sources;

public sealed class TextFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    // Lines of random length (some empty) with multi-byte characters, ending in \n or \r\n.
    private static string RandomText(int lines, int seed, bool trailingNewline = true)
    {
        var random = new Random(seed);
        string[] alphabet = ["a", "b", "z", "0", " ", "\t", "é", "€", "𝄞", "日"];
        var text = new StringBuilder();
        for (int i = 0; i < lines; i++)
        {
            int length = random.Next(5) == 0 ? 0 : random.Next(1, 60);
            for (int j = 0; j < length; j++) text.Append(alphabet[random.Next(alphabet.Length)]);
            if (i < lines - 1 || trailingNewline) text.Append(random.Next(3) == 0 ? "\r\n" : "\n");
        }
        return text.ToString();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(16)]
    [InlineData(64)]
    [InlineData(500)] // splits shorter than many lines
    public void SingleFile_LinesAcrossSplitsEqualReadAllLines(int minPartitions)
    {
        string path = _temp.Write("data.txt", RandomText(400, seed: minPartitions));
        using var sc = new SparkContext("local[2]", "test");

        Rdd<string> lines = sc.TextFile(path, minPartitions);

        Assert.True(lines.NumPartitions >= Math.Min(minPartitions, 2));
        Assert.Equal(File.ReadAllLines(path), lines.Collect());
        Assert.Equal(File.ReadAllLines(path).Length, lines.Count());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(33)]
    public void NoTrailingNewline_LastLineKept(int minPartitions)
    {
        string path = _temp.Write("data.txt", RandomText(100, seed: 7, trailingNewline: false));
        using var sc = new SparkContext("local[2]", "test");

        Assert.Equal(File.ReadAllLines(path), sc.TextFile(path, minPartitions).Collect());
    }

    [Fact]
    public void Utf8ByteOrderMark_IsNotPartOfTheFirstLine()
    {
        string path = _temp.Write("bom.txt", [.. new byte[] { 0xEF, 0xBB, 0xBF }, .. Encoding.UTF8.GetBytes("first\nsecond\n")]);
        using var sc = new SparkContext("local[2]", "test");

        Assert.Equal(["first", "second"], sc.TextFile(path, 3).Collect());
    }

    [Fact]
    public void EmptyFile_HasNoLines()
    {
        string path = _temp.Write("empty.txt", "");
        using var sc = new SparkContext("local[2]", "test");

        Assert.Empty(sc.TextFile(path).Collect());
    }

    [Fact]
    public void Directory_ReadsVisibleFilesInNameOrder()
    {
        string b = _temp.Write("dir/b.txt", RandomText(30, seed: 1));
        string a = _temp.Write("dir/a.txt", RandomText(20, seed: 2));
        string c = _temp.Write("dir/c.log", RandomText(25, seed: 3));
        _temp.Write("dir/_SUCCESS", "ignored\n");
        _temp.Write("dir/.a.txt.crc", "ignored\n");
        using var sc = new SparkContext("local[2]", "test");

        foreach (int minPartitions in new[] { 1, 3, 10 })
        {
            Rdd<string> lines = sc.TextFile(Path.Combine(_temp.Path, "dir"), minPartitions);
            Assert.Equal([.. File.ReadAllLines(a), .. File.ReadAllLines(b), .. File.ReadAllLines(c)], lines.Collect());
        }
    }

    [Fact]
    public void Glob_ReadsOnlyMatchingFiles()
    {
        string one = _temp.Write("logs/2024-01.txt", RandomText(15, seed: 4));
        string two = _temp.Write("logs/2024-02.txt", RandomText(15, seed: 5));
        _temp.Write("logs/2024-02.csv", "not,matched\n");
        _temp.Write("logs/2023-12.txt", "not matched\n");
        using var sc = new SparkContext("local[2]", "test");

        Rdd<string> lines = sc.TextFile(Path.Combine(_temp.Path, "logs", "2024-*.txt"), 4);

        Assert.Equal([.. File.ReadAllLines(one), .. File.ReadAllLines(two)], lines.Collect());
    }

    [Fact]
    public void MissingPath_ThrowsFileNotFoundAtDefinition_NamingThePath()
    {
        using var sc = new SparkContext("local[2]", "test");
        string missing = Path.Combine(_temp.Path, "no-such-file.txt");

        var error = Assert.Throws<FileNotFoundException>(() => sc.TextFile(missing));
        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public void GlobMatchingNothing_ThrowsFileNotFoundAtDefinition_NamingThePattern()
    {
        using var sc = new SparkContext("local[2]", "test");
        string pattern = Path.Combine(_temp.Path, "*.nothing");

        var error = Assert.Throws<FileNotFoundException>(() => sc.TextFile(pattern));
        Assert.Contains(pattern, error.Message);
    }

    [Fact]
    public void Lines_ComposeWithOperators_WordCount()
    {
        string path = _temp.Write("words.txt", "a b a\nc a\n\nb\n");
        using var sc = new SparkContext("local[2]", "test");

        (string Key, int Value)[] counts = sc.TextFile(path, 3)
            .FlatMap(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Map(word => (word, 1))
            .ReduceByKey((x, y) => x + y)
            .Collect();

        Assert.Equal([("a", 3), ("b", 2), ("c", 1)], counts.OrderBy(c => c.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void DefaultMinPartitions_IsAtMostTwo()
    {
        string path = _temp.Write("data.txt", RandomText(200, seed: 9));
        using var sc = new SparkContext("local[4]", "test");

        Rdd<string> lines = sc.TextFile(path);

        Assert.Equal(2, sc.DefaultMinPartitions);
        Assert.Equal(2, lines.NumPartitions);
        Assert.Equal(File.ReadAllLines(path), lines.Collect());
    }
}
