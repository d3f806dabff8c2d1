using System.Buffers.Binary;
using MiniSpark.Formats.Parquet.Reading;
using MiniSpark.Tests.Support;

namespace MiniSpark.Tests.Parquet;

/// <summary>The named ways a file is not Parquet at all (the fuzz tests mutate at random; these pin each case): an
/// <see cref="InvalidDataException"/> naming the file and the byte offset of the problem, before anything is allocated
/// from the bad length.</summary>
public sealed class MalformedFileTests
{
    private const string Name = "malformed.parquet";

    private static byte[] Valid() => File.ReadAllBytes(Path.Combine(TestPaths.ParquetTesting, "data", "alltypes_plain.parquet"));

    private static InvalidDataException Open(byte[] bytes)
    {
        var error = Assert.Throws<InvalidDataException>(() => ParquetFileReader.Open(new MemoryStream(bytes), Name).Dispose());
        Assert.Contains(Name, error.Message);
        return error;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(11)]
    public void ShorterThanMagicFooterLengthAndMagic_IsRejected(int length)
    {
        byte[] bytes = [.. "PAR1PAR1PAR1"u8[..length]];
        Assert.Contains("byte offset 0", Open(bytes).Message);
    }

    [Fact]
    public void MissingLeadingMagic_IsRejectedAtOffsetZero()
    {
        byte[] bytes = Valid();
        bytes[0] = (byte)'X';
        Assert.Contains("byte offset 0", Open(bytes).Message);
    }

    [Fact]
    public void MissingTrailingMagic_IsRejectedAtItsOffset()
    {
        byte[] bytes = Valid();
        bytes[^1] = (byte)'X';
        Assert.Contains($"byte offset {bytes.Length - 4}", Open(bytes).Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void FooterLengthThatDoesNotFit_IsRejectedWithoutAllocatingIt(int footerLength)
    {
        byte[] bytes = Valid();
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(bytes.Length - 8), footerLength);
        InvalidDataException error = Open(bytes);
        Assert.Contains($"byte offset {bytes.Length - 8}", error.Message);
        Assert.Contains($"footer length {footerLength}", error.Message);
    }

    [Fact]
    public void FooterLengthReachingIntoTheLeadingMagic_IsRejected()
    {
        byte[] bytes = Valid();
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(bytes.Length - 8), bytes.Length - 8 - 3);
        Assert.Contains($"byte offset {bytes.Length - 8}", Open(bytes).Message);
    }

    [Fact]
    public void TruncatedFile_IsRejected_NamingAnOffset()
    {
        byte[] valid = Valid();
        // Cut in the middle of the data: the trailing magic is gone.
        Assert.Contains("byte offset", Open(valid[..(valid.Length / 2)]).Message);
    }

    [Fact]
    public void FooterThatIsNotThrift_IsRejected_AtAnOffsetInsideTheFooter()
    {
        byte[] bytes = Valid();
        int footerLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(bytes.Length - 8));
        int footerStart = bytes.Length - 8 - footerLength;
        bytes.AsSpan(footerStart, footerLength).Fill(0xFF);
        InvalidDataException error = Open(bytes);
        string offset = error.Message[(error.Message.IndexOf("byte offset ", StringComparison.Ordinal) + "byte offset ".Length)..];
        long at = long.Parse(new string([.. offset.TakeWhile(char.IsDigit)]), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(at, footerStart, bytes.Length - 8);
    }
}
