using System.Text;
using MiniSpark.Tests.Fakes;

namespace MiniSpark.Tests.Sources;

public sealed class WholeTextFilesTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string[] WriteFiles(int count)
    {
        var random = new Random(count);
        return [.. Enumerable.Range(0, count).Select(i =>
            _temp.Write($"dir/f{i:D2}.txt", string.Concat(Enumerable.Repeat($"line {i} é\r\n", random.Next(0, 50)))))];
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(20)]
    public void Directory_OneRecordPerFile_WithFullPathAndContent(int minPartitions)
    {
        string[] files = WriteFiles(7);
        _temp.Write("dir/_SUCCESS", "");
        using var sc = new SparkContext("local[2]", "test");

        Rdd<(string Path, string Content)> rdd = sc.WholeTextFiles(Path.Combine(_temp.Path, "dir"), minPartitions);

        Assert.True(rdd.NumPartitions <= Math.Max(minPartitions, 1));
        TestData.AssertSameMultiset(files.Select(f => (Path.GetFullPath(f), File.ReadAllText(f))), rdd.Collect());
    }

    [Fact]
    public void SingleFile_AndGlob()
    {
        string[] files = WriteFiles(3);
        _temp.Write("dir/other.csv", "x");
        using var sc = new SparkContext("local[2]", "test");

        Assert.Equal([(files[1], File.ReadAllText(files[1]))], sc.WholeTextFiles(files[1]).Collect());
        TestData.AssertSameMultiset(files.Select(f => (f, File.ReadAllText(f))),
            sc.WholeTextFiles(Path.Combine(_temp.Path, "dir", "f*.txt")).Collect());
    }

    [Fact]
    public void ByteOrderMark_IsSkipped()
    {
        string path = _temp.Write("bom.txt", [.. new byte[] { 0xEF, 0xBB, 0xBF }, .. Encoding.UTF8.GetBytes("hello\n")]);
        using var sc = new SparkContext("local[2]", "test");

        Assert.Equal("hello\n", Assert.Single(sc.WholeTextFiles(path).Collect()).Content);
    }

    [Fact]
    public void MissingPath_ThrowsFileNotFoundAtDefinition_NamingThePath()
    {
        using var sc = new SparkContext("local[2]", "test");
        string missing = Path.Combine(_temp.Path, "missing");

        var error = Assert.Throws<FileNotFoundException>(() => sc.WholeTextFiles(missing));
        Assert.Contains(missing, error.Message);
    }
}
