using System.IO.Compression;
using System.Text;
using MiniSpark.Input;
using MiniSpark.Tests.Fakes;

namespace MiniSpark.Tests.Input;

/// <summary>Gzip input that is cut short or followed by non-gzip bytes fails, naming the file; complete files, concatenated
/// members included, read exactly.</summary>
public sealed class CheckedGzipStreamTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(Encoding.UTF8.GetBytes(text));
        return output.ToArray();
    }

    private static string ReadAll(byte[] compressed, int chunk = 4096)
    {
        using Stream stream = CheckedGzipStream.Decompress(new MemoryStream(compressed), "in.gz");
        var output = new MemoryStream();
        var buffer = new byte[chunk];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0) output.Write(buffer, 0, read);
        Assert.Equal(0, stream.Read(buffer, 0, buffer.Length)); // the end stays the end
        return Encoding.UTF8.GetString(output.ToArray());
    }

    public static TheoryData<int> Chunks => [1, 7, 16, 17, 4096, 1 << 20];

    [Theory]
    [MemberData(nameof(Chunks))]
    public void CompleteFile_ReadsExactly_WhateverTheReadSize(int chunk)
    {
        string text = string.Concat(Enumerable.Range(0, 30_000).Select(i => $"line {i}\n"));
        Assert.Equal(text, ReadAll(Gzip(text), chunk));
    }

    [Fact]
    public void ConcatenatedMembers_AndEmptyContent_ReadExactly()
    {
        Assert.Equal("hello\nworld\n", ReadAll([.. Gzip("hello\n"), .. Gzip("world\n")]));
        Assert.Equal("", ReadAll(Gzip("")));
        Assert.Equal("", ReadAll([])); // an empty file holds no member: nothing to read
    }

    [Fact]
    public void TruncatedAnywhere_FailsNamingTheFile()
    {
        byte[] whole = Gzip(string.Concat(Enumerable.Range(0, 5000).Select(i => $"{i}\n")));
        foreach (int cut in new[] { 3, 10, 11, whole.Length / 3, whole.Length / 2, whole.Length - 8, whole.Length - 5, whole.Length - 1 })
        {
            var error = Assert.Throws<InvalidDataException>(() => ReadAll(whole[..cut]));
            Assert.Contains("'in.gz'", error.Message);
        }
    }

    [Fact]
    public void BytesAfterTheLastMember_ThatAreNotGzip_Fail()
    {
        var error = Assert.Throws<InvalidDataException>(() => ReadAll([.. Gzip("data\n"), 0, 0, 0, 0, 1, 2, 3]));
        Assert.Contains("not gzip data", error.Message);
    }

    [Fact]
    public void TextFileJob_OnATruncatedGzip_FailsNamingTheFile()
    {
        byte[] whole = Gzip(string.Concat(Enumerable.Range(0, 20_000).Select(i => $"{i}\n")));
        string path = _temp.Write("cut.txt.gz", whole[..(whole.Length / 2)]);
        using var sc = new SparkContext("local[2]", "truncated-gzip");

        var error = Assert.Throws<SparkJobException>(() => sc.TextFile(path).Count());

        Assert.Contains(path, error.Message);
    }
}
