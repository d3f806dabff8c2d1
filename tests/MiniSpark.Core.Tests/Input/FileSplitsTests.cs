using MiniSpark.Tests.Fakes;
using MiniSpark.Input;

namespace MiniSpark.Tests.Input;

public sealed class FileSplitsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private FileInfo File(string name, long length)
    {
        string path = Path.Combine(_temp.Path, name);
        using (var stream = new FileStream(path, FileMode.Create)) stream.SetLength(length); // sparse: instant
        return new FileInfo(path);
    }

    private static (long Start, long Length)[] Ranges(IEnumerable<FileSplit> splits) => [.. splits.Select(s => (s.Start, s.Length))];

    [Fact]
    public void Plan_OneFile_CutsIntoMinPartitionsEqualSplits()
    {
        FileInfo file = File("a", 1000);
        IReadOnlyList<FileSplit> splits = FileSplits.Plan([file], 4);
        Assert.Equal([(0L, 250L), (250, 250), (500, 250), (750, 250)], Ranges(splits));
        Assert.All(splits, s => Assert.Equal(file.FullName, s.Path));
        Assert.Equal(1000, splits[^1].End);
    }

    [Theory]
    [InlineData(110, new long[] { 110 })]          // 110/100 = 1.1 is not above the slop: one split
    [InlineData(111, new long[] { 100, 11 })]
    [InlineData(210, new long[] { 100, 110 })]
    [InlineData(211, new long[] { 100, 100, 11 })]
    [InlineData(100, new long[] { 100 })]
    [InlineData(1, new long[] { 1 })]
    public void Plan_LastSplitFollowsSplitSlop(long length, long[] expected)
    {
        IReadOnlyList<FileSplit> splits = FileSplits.Plan([File("a", length)], 1, maxSplitBytes: 100);
        Assert.Equal(expected, splits.Select(s => s.Length));
    }

    [Fact]
    public void Plan_SeveralFiles_GoalSizeFromTotal_SplitsNeverSpanFiles()
    {
        FileInfo big = File("big", 100), small = File("small", 10), empty = File("empty", 0);
        IReadOnlyList<FileSplit> splits = FileSplits.Plan([big, small, empty], 4); // goal = 110 / 4 = 27

        Assert.Equal(
            [(big.FullName, 0L, 27L), (big.FullName, 27, 27), (big.FullName, 54, 27), (big.FullName, 81, 19),
             (small.FullName, 0, 10), (empty.FullName, 0, 0)],
            splits.Select(s => (s.Path, s.Start, s.Length)));
    }

    [Fact]
    public void Plan_EmptyFile_OneEmptySplit()
    {
        Assert.Equal([(0L, 0L)], Ranges(FileSplits.Plan([File("e", 0)], 8)));
        Assert.Empty(FileSplits.Plan([], 3));
    }

    [Fact]
    public void Plan_FewerBytesThanPartitions_SplitsOfOneByte()
    {
        Assert.Equal([(0L, 1L), (1, 1), (2, 1)], Ranges(FileSplits.Plan([File("t", 3)], 10)));
    }

    [Fact]
    public void Plan_LargeFile_CappedByMaxSplitBytes()
    {
        const long Mb = 1024 * 1024;
        IReadOnlyList<FileSplit> splits = FileSplits.Plan([File("huge", 100 * Mb)], 1);
        Assert.Equal([32 * Mb, 32 * Mb, 32 * Mb, 4 * Mb], splits.Select(s => s.Length));
        Assert.Equal(32 * Mb, FileSplits.DefaultMaxSplitBytes);
    }

    [Fact]
    public void Plan_Gzip_IsOneSplitWhateverItsSize()
    {
        FileInfo gz = File("data.txt.GZ", 10_000), plain = File("data.txt", 10_000);
        IReadOnlyList<FileSplit> splits = FileSplits.Plan([gz, plain], 10, maxSplitBytes: 1000);
        Assert.Equal((gz.FullName, 0L, 10_000L), (splits[0].Path, splits[0].Start, splits[0].Length));
        Assert.Equal(11, splits.Count);
    }

    [Fact]
    public void Plan_RandomInputs_SplitsTileEachFileWithinSlop()
    {
        var random = new Random(42);
        for (int round = 0; round < 40; round++)
        {
            FileInfo[] files = [.. Enumerable.Range(0, random.Next(1, 5)).Select(i => File($"r{round}-{i}", random.Next(0, 5000)))];
            int minPartitions = random.Next(1, 30);
            long maxSplit = random.Next(1, 3000);
            long total = files.Sum(f => f.Length);
            long splitSize = Math.Max(1, Math.Min(total / minPartitions, maxSplit));

            IReadOnlyList<FileSplit> splits = FileSplits.Plan(files, minPartitions, maxSplit);

            Assert.Equal(files.Select(f => f.FullName), splits.Select(s => s.Path).Distinct());
            foreach (FileInfo file in files)
            {
                FileSplit[] own = [.. splits.Where(s => s.Path == file.FullName)];
                long expectedEnd = 0;
                foreach (FileSplit split in own)
                {
                    Assert.Equal(expectedEnd, split.Start);
                    expectedEnd = split.End;
                }
                Assert.Equal(file.Length, expectedEnd);
                Assert.All(own[..^1], s => Assert.Equal(splitSize, s.Length));
                Assert.True(own[^1].Length <= splitSize * 1.1, $"last split {own[^1].Length} vs size {splitSize}");
                if (own.Length > 1) Assert.True(own[^1].Length > 0);
            }
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Plan_NonPositiveMinPartitions_Throws(int minPartitions)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => FileSplits.Plan([], minPartitions));
        Assert.Equal("minPartitions", error.ParamName);
    }

    [Fact]
    public void FileSplit_End_IsStartPlusLength()
    {
        Assert.Equal(15, new FileSplit("f", 5, 10).End);
    }
}
