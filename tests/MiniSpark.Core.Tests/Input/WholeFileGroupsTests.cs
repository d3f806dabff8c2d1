using MiniSpark.Tests.Fakes;
using System.Text;
using MiniSpark.Input;

namespace MiniSpark.Tests.Input;

public sealed class WholeFileGroupsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private FileInfo[] Files(params int[] sizes) =>
        [.. sizes.Select((size, i) => new FileInfo(_temp.Write($"f{i:D3}", new byte[size])))];

    private static int[][] Indices(IReadOnlyList<IReadOnlyList<FileInfo>> groups, FileInfo[] files) =>
        [.. groups.Select(g => g.Select(f => Array.IndexOf(files, f)).ToArray())];

    [Fact]
    public void Plan_GreedyLargestFirstIntoLightestGroup_GroupsKeepFileOrder()
    {
        FileInfo[] files = Files(10, 70, 20, 30, 40, 5);
        // 70→g0; 40→g1; 30→g2; 20→g2 (50); 10→g1 (50); 5→g1 (55, ties go to the lower group)
        IReadOnlyList<IReadOnlyList<FileInfo>> groups = WholeFileGroups.Plan(files, 3);

        Assert.Equal([[0, 4, 5], [1], [2, 3]], Indices(groups, files));
        Assert.All(groups.SelectMany(g => g), f => Assert.Contains(f, files));
    }

    [Fact]
    public void Plan_MorePartitionsThanFiles_OneFilePerGroup()
    {
        FileInfo[] files = Files(3, 1, 2);
        Assert.Equal([[0], [1], [2]], Indices(WholeFileGroups.Plan(files, 10), files));
    }

    [Fact]
    public void Plan_ZeroByteFiles_NoGroupEmpty()
    {
        FileInfo[] files = Files(0, 0, 0, 0, 0);
        IReadOnlyList<IReadOnlyList<FileInfo>> groups = WholeFileGroups.Plan(files, 3);
        Assert.Equal([[0, 3], [1, 4], [2]], Indices(groups, files));
    }

    [Fact]
    public void Plan_RandomSizes_CoversEveryFileOnceAndBalances()
    {
        var random = new Random(11);
        for (int round = 0; round < 20; round++)
        {
            FileInfo[] files = [.. Enumerable.Range(0, random.Next(1, 25))
                .Select(i => new FileInfo(_temp.Write($"r{round}-{i:D2}", new byte[random.Next(0, 2000)])))];
            int minPartitions = random.Next(1, 12);
            IReadOnlyList<IReadOnlyList<FileInfo>> groups = WholeFileGroups.Plan(files, minPartitions);

            Assert.Equal(Math.Min(minPartitions, files.Length), groups.Count);
            int[][] indices = Indices(groups, files);
            Assert.Equal(Enumerable.Range(0, files.Length), indices.SelectMany(g => g).Order());
            Assert.All(indices, g => Assert.Equal(g.Order(), g));             // original order inside a group
            Assert.Equal(indices.Select(g => g[0]).Order(), indices.Select(g => g[0])); // groups by first file
            // Greedy bound: no group exceeds the average by more than the largest file.
            long[] loads = [.. groups.Select(g => g.Sum(f => f.Length))];
            long largest = files.Max(f => f.Length);
            Assert.True(loads.Max() <= (double)loads.Sum() / groups.Count + largest);
        }
    }

    [Fact]
    public void Plan_NoFiles_NoGroups()
    {
        Assert.Empty(WholeFileGroups.Plan([], 4));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Plan_NonPositiveMinPartitions_Throws(int minPartitions)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => WholeFileGroups.Plan(Files(1), minPartitions));
        Assert.Equal("minPartitions", error.ParamName);
    }

    [Fact]
    public void ReadAll_Utf8_SkipsBomAndKeepsNewlines()
    {
        const string Text = "é€😀\r\nline two\n\n\uFEFFinner BOM stays";
        Assert.Equal(Text, WholeFileGroups.ReadAll(new FileInfo(_temp.Write("a.txt", Text))));
        Assert.Equal(Text, WholeFileGroups.ReadAll(new FileInfo(_temp.Write("bom.txt", "\uFEFF" + Text))));
        Assert.Equal("", WholeFileGroups.ReadAll(new FileInfo(_temp.Write("empty.txt", ""))));
    }

    [Fact]
    public void ReadAll_Gzip_Decompresses()
    {
        string text = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"{i} é\n"));
        Assert.Equal(text, WholeFileGroups.ReadAll(new FileInfo(_temp.WriteGzip("a.txt.gz", text))));
    }

    [Fact]
    public void ReadAll_CorruptGzip_ThrowsInvalidDataNamingFile()
    {
        string path = _temp.Write("bad.gz", [0x1F, 0x8B, .. Encoding.ASCII.GetBytes(" definitely not deflate data")]);
        var error = Assert.Throws<InvalidDataException>(() => WholeFileGroups.ReadAll(new FileInfo(path)));
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void ReadAll_MissingFile_ThrowsFileNotFoundNamingPath()
    {
        string path = Path.Combine(_temp.Path, "gone.txt");
        var error = Assert.Throws<FileNotFoundException>(() => WholeFileGroups.ReadAll(new FileInfo(path)));
        Assert.Contains(path, error.Message);
    }
}
