using System.Text;
using CsvHelper;
using MiniSpark.Formats.Csv;
using MiniSpark.Tests.Fakes;

namespace MiniSpark.Tests.Csv;

public sealed class CsvRecordBoundariesTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    // Well-formed CSV whose quoted fields hold separators, escaped quotes, LF and CRLF; records end in LF or CRLF.
    private static byte[] RandomCsv(int records, int seed, bool bom)
    {
        var random = new Random(seed);
        using var stream = new MemoryStream();
        if (bom) stream.Write([0xEF, 0xBB, 0xBF]);
        using (var writer = CsvWriter.Create(stream, CsvWriterOptions.Default with { NewLine = random.Next(2) == 0 ? "\n" : "\r\n", ValidateFieldCount = false }, leaveOpen: true))
        {
            for (int r = 0; r < records; r++)
            {
                int fields = random.Next(1, 5);
                for (int f = 0; f < fields; f++) writer.WriteField(Records.Text(random, 12), random.Next(4) == 0 ? CsvQuoting.Always : CsvQuoting.WhenNeeded);
                writer.EndRecord();
            }
        }
        return stream.ToArray();
    }

    // Where CsvHelper itself sees records start, reading the whole file.
    private static List<long> RecordStarts(string path)
    {
        using var reader = CsvReader.FromFile(path, CsvReaderOptions.Default with { Separator = ',', HasHeader = false, SkipEmptyLines = false });
        var starts = new List<long>();
        while (reader.Read()) starts.Add(reader.ByteOffset);
        return starts;
    }

    [Theory]
    [InlineData(1, false, 1 << 20)]
    [InlineData(2, true, 1 << 20)]
    [InlineData(3, false, 7)]      // buffers end inside quoted fields, on escaped quotes, between \r and \n
    [InlineData(4, true, 64)]
    [InlineData(5, false, 1000)]
    public void Find_ReturnsTheFirstRecordStartAtOrAfterEachTarget(int seed, bool bom, int bufferSize)
    {
        string path = _temp.Write("data.csv", RandomCsv(400, seed, bom));
        List<long> starts = RecordStarts(path);
        long length = new FileInfo(path).Length;
        long[] targets = [.. Enumerable.Range(1, 60).Select(i => i * length / 61).Distinct()];

        List<long> found = CsvRecordBoundaries.Find(path, targets, (byte)',', bufferSize: bufferSize);

        long[] expected = [.. targets.Select(t => starts.FirstOrDefault(s => s >= t, -1)).Where(s => s > 0).Distinct()];
        Assert.True(starts.Count >= 400);
        Assert.Equal(expected, found);
    }

    [Fact]
    public void QuotesOnlyOpenAtFieldStart_LikeCsvHelper()
    {
        // ab"c is text; "x"y"z, keeps the field open only until its closing quote; the \n after them ends records.
        string path = _temp.Write("data.csv", "a,ab\"c\n\"x\"y\"z,1\nnext,\"multi\nline\"\nlast\n");

        List<long> found = CsvRecordBoundaries.Find(path, [1, 8, 19, 28], (byte)',');

        Assert.Equal(RecordStarts(path).Skip(1), found);
        Assert.Equal([7, 16, 34], found);
    }

    [Fact]
    public void Utf16File_IsNotSplit()
    {
        string path = _temp.Write("data.csv", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("a,b\nc,d\n")).ToArray());

        Assert.Empty(CsvRecordBoundaries.Find(path, [4, 8], (byte)','));
    }
}
