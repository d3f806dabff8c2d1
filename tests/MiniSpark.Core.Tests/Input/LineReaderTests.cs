using MiniSpark.Tests.Fakes;
using System.Text;
using MiniSpark.Input;

namespace MiniSpark.Tests.Input;

public sealed class LineReaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    // Independent of the reader: decode the whole file, then cut the text at '\n' and drop one trailing '\r'.
    private static List<string> ExpectedLines(byte[] bytes)
    {
        int bom = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        List<string> parts = [.. Encoding.UTF8.GetString(bytes, bom, bytes.Length - bom).Split('\n')];
        if (parts[^1].Length == 0) parts.RemoveAt(parts.Count - 1); // text ended with '\n' (or was empty)
        return parts.ConvertAll(p => p.EndsWith('\r') ? p[..^1] : p);
    }

    private static List<string> ReadTiled(string path, long length, long splitSize)
    {
        var lines = new List<string>();
        for (long start = 0; start < length; start += splitSize)
        {
            lines.AddRange(LineReader.ReadLines(new FileSplit(path, start, Math.Min(splitSize, length - start))));
        }
        return lines;
    }

    private static List<string> ReadPlanned(string path, int minPartitions, long maxSplitBytes = FileSplits.DefaultMaxSplitBytes) =>
        [.. FileSplits.Plan([new FileInfo(path)], minPartitions, maxSplitBytes).SelectMany(s => LineReader.ReadLines(s))];

    // Every split size from 1 to the file's length, tiled evenly and as planned (with the slop-sized last split).
    private void AssertAllSplitSizesReadLikeWholeFile(byte[] bytes, string name)
    {
        string path = _temp.Write(name, bytes);
        List<string> expected = ExpectedLines(bytes);
        for (int size = 1; size <= bytes.Length; size++)
        {
            Assert.True(expected.SequenceEqual(ReadTiled(path, bytes.Length, size)), $"{name}: tiled split size {size}");
            Assert.True(expected.SequenceEqual(ReadPlanned(path, 1, size)), $"{name}: planned split size {size}");
        }
        Assert.Equal(expected, ReadPlanned(path, 1));
    }

    public static TheoryData<string> Texts() =>
    [
        "a\nbb\r\nccc\n\n\r\nlast without newline",
        "\n",
        "\n\n\n\n\n",
        "\r\n\r\n\r\n",
        "single line",
        "trailing newline\n",
        "é€😀\n😀😀\r\nxé\n€\n\n😀",
        "\uFEFFwith BOM\nsecond\r\n",
        "\uFEFF",
        "\uFEFF\n\uFEFFnot a BOM here\n",
        "lone\rcarriage\rreturn\nstays\r",
        "ends with carriage return\r",
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public void ReadLines_EverySplitSize_ConcatenationEqualsWholeFile(string text)
    {
        AssertAllSplitSizesReadLikeWholeFile(Encoding.UTF8.GetBytes(text), "t.txt");
    }

    [Fact]
    public void ReadLines_RandomContent_EverySplitSize_ConcatenationEqualsWholeFile()
    {
        string[] pieces = ["a", "bc", "é", "€", "😀", " ", "\n", "\r\n", "\n\n"];
        var random = new Random(20260101);
        for (int file = 0; file < 10; file++)
        {
            var text = new StringBuilder(file % 3 == 0 ? "\uFEFF" : "");
            int count = random.Next(0, 80);
            for (int i = 0; i < count; i++) text.Append(pieces[random.Next(pieces.Length)]);
            byte[] bytes = Encoding.UTF8.GetBytes(text.ToString());
            AssertAllSplitSizesReadLikeWholeFile(bytes, $"r{file}.txt");
        }
    }

    private static readonly string[] Suffixes = ["", "é", "é😀"];

    [Fact]
    public void ReadLines_MatchesFileReadAllLines()
    {
        var random = new Random(7);
        var text = new StringBuilder();
        for (int i = 0; i < 2000; i++)
        {
            text.Append(new string((char)('a' + random.Next(26)), random.Next(0, 120))).Append(Suffixes[random.Next(Suffixes.Length)]);
            text.Append(random.Next(3) == 0 ? "\r\n" : "\n");
        }
        string path = _temp.Write("big.txt", text.ToString());

        Assert.Equal(File.ReadAllLines(path), ReadPlanned(path, 1));
        foreach (int partitions in new[] { 3, 7, 64 })
        {
            Assert.Equal(File.ReadAllLines(path), ReadPlanned(path, partitions));
        }
    }

    [Fact]
    public void ReadLines_SplitOwnsLinesStartingInItsRange()
    {
        string path = _temp.Write("own.txt", "ab\ncd\nef\n");
        string[] Read(long start, long length) => [.. LineReader.ReadLines(new FileSplit(path, start, length))];

        Assert.Equal(["ab", "cd"], Read(0, 4));   // "cd" starts at 3, inside; read past End to finish it
        Assert.Equal(["ef"], Read(4, 4));         // byte 3 is 'c': the partial line belongs to the previous split
        Assert.Empty(Read(8, 1));                 // no line starts in [8, 9)
        Assert.Equal(["cd"], Read(3, 3));         // byte 2 is '\n': a line starts exactly at Start
        Assert.Empty(Read(9, 0));
        Assert.Empty(Read(50, 10));               // past the end of a file that shrank
    }

    [Fact]
    public void ReadLines_LinesLongerThanTheBuffer()
    {
        int[] lengths = [0, 70_000, 5, 200_000, 65_535, 65_536, 65_537, 131_072, 1];
        var text = new StringBuilder();
        for (int i = 0; i < lengths.Length; i++)
        {
            for (int j = 0; j < lengths[i]; j++) text.Append(j % 1000 == 999 ? '€' : (char)('a' + (i + j) % 26));
            text.Append(i % 2 == 0 ? "\n" : "\r\n");
        }
        byte[] bytes = Encoding.UTF8.GetBytes(text.ToString());
        string path = _temp.Write("long.txt", bytes);
        List<string> expected = ExpectedLines(bytes);
        Assert.Equal(lengths.Length, expected.Count);

        foreach (long size in new long[] { 4099, 65_536, 100_003, bytes.Length })
        {
            Assert.True(expected.SequenceEqual(ReadTiled(path, bytes.Length, size)), $"split size {size}");
        }
        Assert.Equal(expected, ReadPlanned(path, 7));
    }

    [Fact]
    public void ReadLines_EmptyFile_NoLines()
    {
        string path = _temp.Write("empty.txt", "");
        FileSplit split = Assert.Single(FileSplits.Plan([new FileInfo(path)], 4));
        Assert.Empty(LineReader.ReadLines(split));
    }

    [Fact]
    public void ReadLines_Gzip_ReadsWholeDecompressedFile()
    {
        var text = new StringBuilder("\uFEFF");
        for (int i = 0; i < 30_000; i++) text.Append("line ").Append(i).Append(i % 5 == 0 ? "\r\n" : "\n");
        text.Append("é😀 tail");
        string path = _temp.WriteGzip("data.txt.gz", text.ToString());

        FileSplit split = Assert.Single(FileSplits.Plan([new FileInfo(path)], 8, maxSplitBytes: 100));
        Assert.Equal(ExpectedLines(Encoding.UTF8.GetBytes(text.ToString())), LineReader.ReadLines(split));
    }

    [Fact]
    public void ReadLines_GzipOfEmptyText_NoLines()
    {
        string path = _temp.WriteGzip("empty.gz", "");
        Assert.Empty(LineReader.ReadLines(new FileSplit(path, 0, new FileInfo(path).Length)));
    }

    [Fact]
    public void ReadLines_GzipSplitNotAtZero_Throws()
    {
        string path = _temp.WriteGzip("a.gz", "x\n");
        var error = Assert.Throws<ArgumentException>(() => LineReader.ReadLines(new FileSplit(path, 5, 10)));
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void ReadLines_CorruptGzip_ThrowsInvalidDataNamingFile()
    {
        byte[] garbage = new byte[4096];
        new Random(3).NextBytes(garbage);
        garbage[0] = 0x1F; // a gzip magic number, then nonsense
        garbage[1] = 0x8B;
        string path = _temp.Write("bad.gz", garbage);

        var error = Assert.Throws<InvalidDataException>(() => LineReader.ReadLines(new FileSplit(path, 0, garbage.Length)).ToList());
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void ReadLines_TruncatedGzip_ThrowsInvalidDataNamingFile_AfterTheLinesBeforeTheCut()
    {
        string whole = _temp.WriteGzip("whole.gz", string.Concat(Enumerable.Range(0, 20_000).Select(i => $"line {i}\n")));
        byte[] bytes = File.ReadAllBytes(whole);
        string path = _temp.Write("truncated.gz", bytes[..(bytes.Length * 2 / 3)]);

        var lines = new List<string>();
        var error = Assert.Throws<InvalidDataException>(() =>
        {
            foreach (string line in LineReader.ReadLines(new FileSplit(path, 0, bytes.Length * 2 / 3))) lines.Add(line);
        });
        Assert.Contains(path, error.Message);
        Assert.NotEmpty(lines); // what came before the cut was read, in order
        Assert.Equal(Enumerable.Range(0, lines.Count).Select(i => $"line {i}"), lines);
    }

    [Fact]
    public void ReadLines_InvalidUtf8AndNul_AreReadAsReplacementAndNulCharacters_NotErrors()
    {
        string path = _temp.Write("odd.txt", [(byte)'a', 0xFF, (byte)'b', (byte)'\n', 0x00, (byte)'c', (byte)'\n']);

        List<string> lines = [.. LineReader.ReadLines(new FileSplit(path, 0, 7))];

        Assert.Equal(["a\uFFFDb", "\0c"], lines);
    }

    [Fact]
    public void ReadLines_MissingFile_ThrowsOnEnumerationNamingPathAndOffset()
    {
        string path = Path.Combine(_temp.Path, "vanished.txt");
        IEnumerable<string> lines = LineReader.ReadLines(new FileSplit(path, 100, 50)); // lazy: no throw yet

        var error = Assert.Throws<FileNotFoundException>(() => lines.First());
        Assert.Contains(path, error.Message);
        Assert.Contains("99", error.Message);
        Assert.Equal(path, error.FileName);
    }

    [Fact]
    public void ReadLines_PathIsADirectory_ThrowsIOExceptionNamingPath()
    {
        string path = _temp.Dir("not-a-file");
        var error = Assert.ThrowsAny<IOException>(() => LineReader.ReadLines(new FileSplit(path, 0, 10)).ToList());
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void ReadLines_NegativeRange_ThrowsEagerly()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LineReader.ReadLines(new FileSplit("x", -1, 5)));
        Assert.Throws<ArgumentOutOfRangeException>(() => LineReader.ReadLines(new FileSplit("x", 0, -5)));
        Assert.Throws<ArgumentNullException>(() => LineReader.ReadLines(null!));
    }

    [Fact]
    public void ReadLines_DisposedHalfway_ReleasesTheFile()
    {
        string path = _temp.Write("held.txt", string.Concat(Enumerable.Range(0, 50_000).Select(i => $"{i}\n")));
        using (IEnumerator<string> lines = LineReader.ReadLines(new FileSplit(path, 0, new FileInfo(path).Length)).GetEnumerator())
        {
            for (int i = 0; i < 10; i++) Assert.True(lines.MoveNext());
            Assert.Equal("9", lines.Current);
            // While open, the reader's handle holds a shared lock that an exclusive open must respect.
            Assert.ThrowsAny<IOException>(() => new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None).Dispose());
        }

        new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None).Dispose();
        File.Delete(path);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void ReadLines_CancelledBeforeStart_Throws()
    {
        string path = _temp.Write("c.txt", "a\nb\n");
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        IEnumerable<string> lines = LineReader.ReadLines(new FileSplit(path, 0, 4), cancellation.Token);
        Assert.ThrowsAny<OperationCanceledException>(() => lines.First());
    }

    [Fact]
    public void ReadLines_CancelledMidway_ThrowsWithinAFewThousandLines()
    {
        const int Total = 20_000;
        string path = _temp.Write("c.txt", string.Concat(Enumerable.Range(0, Total).Select(i => $"{i}\n")));
        using var cancellation = new CancellationTokenSource();
        int read = 0;

        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (string _ in LineReader.ReadLines(new FileSplit(path, 0, new FileInfo(path).Length), cancellation.Token))
            {
                if (++read == 10) cancellation.Cancel();
            }
        });
        Assert.InRange(read, 10, 2048);
    }

    [Fact]
    public void ReadLines_GzipCancelledMidway_Throws()
    {
        string path = _temp.WriteGzip("c.gz", string.Concat(Enumerable.Range(0, 5000).Select(i => $"{i}\n")));
        using var cancellation = new CancellationTokenSource();
        int read = 0;
        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (string _ in LineReader.ReadLines(new FileSplit(path, 0, 1), cancellation.Token))
            {
                if (++read == 1) cancellation.Cancel();
            }
        });
    }
}
