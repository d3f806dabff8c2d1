using MiniSpark.Formats.Parquet.Compression;
using MiniSpark.Formats.Parquet.Metadata;
using MiniSpark.Formats.Parquet.Reading;
using MiniSpark.Formats.Parquet.Thrift;
using MiniSpark.Tests.Support;
using ZstdSharp;
using ZstdSharp.Unsafe;

namespace MiniSpark.Tests.Parquet;

/// <summary>ZSTD page bodies: valid frames decode exactly; corrupt, truncated or mis-sized ones fail with an
/// <see cref="InvalidDataException"/> naming the file and the byte offset of the page.</summary>
public sealed class ZstdPageTests
{
    private const string Source = "page.parquet";
    private const long Offset = 1234;

    private static byte[] Page(int length, int seed = 3)
    {
        // Half random, half repeated: the frame gets both raw and compressed blocks.
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes.AsSpan(0, length / 2));
        for (int i = length / 2; i < length; i++) bytes[i] = (byte)(i % 7);
        return bytes;
    }

    private static byte[] Frame(byte[] content, bool checksum = false)
    {
        using var compressor = new Compressor(3);
        if (checksum) compressor.SetParameter(ZSTD_cParameter.ZSTD_c_checksumFlag, 1);
        return compressor.Wrap(content).ToArray();
    }

    private static byte[] Decompress(byte[] frame, int declared)
    {
        PageCompression.CheckDeclaredSize(CompressionCodec.Zstd, frame, declared, Source, Offset);
        var output = new byte[declared];
        PageCompression.Decompress(CompressionCodec.Zstd, frame, output, Source, Offset);
        return output;
    }

    private static InvalidDataException Rejected(byte[] frame, int declared)
    {
        InvalidDataException error = Assert.Throws<InvalidDataException>(() => Decompress(frame, declared));
        Assert.Contains($"'{Source}' at byte offset {Offset}", error.Message);
        return error;
    }

    [Fact]
    public void Frame_DecodesToItsContent()
    {
        byte[] content = Page(300_000);
        Assert.Equal(content, Decompress(Frame(content), content.Length));
    }

    [Fact]
    public void ConcatenatedFrames_DecodeToTheirJoinedContent()
    {
        byte[] first = Page(5000, seed: 1), second = Page(7000, seed: 2);
        Assert.Equal([.. first, .. second], Decompress([.. Frame(first), .. Frame(second)], first.Length + second.Length));
    }

    [Fact]
    public void TruncatedFrame_IsRejected()
    {
        byte[] frame = Frame(Page(20_000));
        Rejected(frame[..(frame.Length - 5)], 20_000);
        Rejected(frame[..3], 20_000);
    }

    [Fact]
    public void WrongMagicNumber_IsRejected()
    {
        byte[] frame = Frame(Page(1000));
        frame[0] ^= 0xFF;
        Assert.Contains("Zstd data is corrupt", Rejected(frame, 1000).Message);
    }

    [Fact]
    public void ContentThatFailsTheFrameChecksum_IsRejected()
    {
        byte[] content = Page(4000);
        byte[] frame = Frame(content, checksum: true);
        Assert.Equal(content, Decompress(frame, content.Length)); // the checksum itself is fine
        frame[frame.Length / 3] ^= 0x10; // inside the random half: a raw block's bytes
        Rejected(frame, content.Length);
    }

    [Fact]
    public void BytesAfterTheLastFrame_AreRejected()
    {
        byte[] frame = Frame(Page(1000));
        Rejected([.. frame, 1, 2, 3, 4, 5, 6, 7, 8], 1000);
    }

    [Fact]
    public void PageHeaderDeclaringMoreThanTheFrameHolds_IsRejectedBeforeAllocating()
    {
        byte[] frame = Frame(Page(1000));
        // CheckDeclaredSize alone: the reader calls it before renting the page buffer.
        InvalidDataException error = Assert.Throws<InvalidDataException>(
            () => PageCompression.CheckDeclaredSize(CompressionCodec.Zstd, frame, 50_000_000, Source, Offset));
        Assert.Contains($"byte offset {Offset}", error.Message);
        Assert.Contains("at most 1000 bytes", error.Message);
    }

    [Fact]
    public void PageHeaderDeclaringLessThanTheFrameHolds_IsRejected()
    {
        byte[] frame = Frame(Page(1000));
        Assert.Contains("does not decompress to the 999 bytes", Rejected(frame, 999).Message);
    }

    [Fact]
    public void FrameWithoutContentSize_StillMustFillThePageExactly()
    {
        byte[] content = Page(3000);
        using var compressor = new Compressor(3);
        compressor.SetParameter(ZSTD_cParameter.ZSTD_c_contentSizeFlag, 0);
        byte[] frame = compressor.Wrap(content).ToArray();
        Assert.Equal(content, Decompress(frame, content.Length));
        Rejected(frame, content.Length + 1);
        Rejected(frame, content.Length - 1);
    }

    [Fact]
    public void PlausibleSizes_AllowZstdsLargestRatioOnly()
    {
        // An RLE block turns 4 bytes into at most 128 KiB.
        Assert.True(PageCompression.IsPlausible(CompressionCodec.Zstd, 100, 100 * 32768));
        Assert.False(PageCompression.IsPlausible(CompressionCodec.Zstd, 100, 100 * 32768 + 1));
        Assert.False(PageCompression.IsPlausible(CompressionCodec.Zstd, 1 << 20, int.MaxValue));
    }

    [Fact]
    public void CorruptPageInAFile_FailsNamingTheFileAndThePageOffset()
    {
        string file = Path.Combine(TestPaths.ParquetTesting, "data", "byte_stream_split.zstd.parquet");
        byte[] bytes = File.ReadAllBytes(file);
        long frameOffset = FirstDataPageFrame(bytes, file);
        bytes[frameOffset] ^= 0xFF; // the frame's magic number

        const string name = "corrupt-zstd.parquet";
        using ParquetFileReader reader = ParquetFileReader.Open(new MemoryStream(bytes), name, options: new ParquetReadOptions { VerifyChecksums = false });
        InvalidDataException error = Assert.Throws<InvalidDataException>(() => new ParquetRowReader(reader).ReadAll().ToList());
        Assert.Contains($"'{name}' at byte offset {frameOffset}", error.Message);
        Assert.Contains("Zstd", error.Message);
    }

    [Fact]
    public void FrameContentSizeDisagreeingWithThePageHeader_FailsNamingTheFileAndThePageOffset()
    {
        string file = Path.Combine(TestPaths.ParquetTesting, "data", "byte_stream_split.zstd.parquet");
        foreach (int delta in (int[])[1, -1])
        {
            byte[] bytes = File.ReadAllBytes(file);
            long frameOffset = FirstDataPageFrame(bytes, file);
            int at = ContentSizeField(bytes, frameOffset);
            bytes[at] = (byte)(bytes[at] + delta); // the low byte of the frame's content size

            const string name = "resized-zstd.parquet";
            using ParquetFileReader reader = ParquetFileReader.Open(new MemoryStream(bytes), name, options: new ParquetReadOptions { VerifyChecksums = false });
            InvalidDataException error = Assert.Throws<InvalidDataException>(() => new ParquetRowReader(reader).ReadAll().ToList());
            Assert.Contains($"'{name}' at byte offset {frameOffset}", error.Message);
        }
    }

    // Where the first data page's zstd frame starts: after the page header, and after the levels of a v2 page.
    private static long FirstDataPageFrame(byte[] bytes, string file)
    {
        using ParquetFileReader reader = ParquetFileReader.Open(file);
        ColumnMetaData meta = reader.Metadata.RowGroups[0].Columns[0].MetaData!;
        Assert.Equal(CompressionCodec.Zstd, meta.Codec);
        long position = meta.DataPageOffset;
        var headerReader = new ThriftCompactReader(bytes.AsSpan((int)position), file, position);
        PageHeader header = PageHeader.Read(ref headerReader);
        position += headerReader.Position;
        if (header.DataPageHeaderV2 is DataPageHeaderV2 v2) position += v2.RepetitionLevelsByteLength + v2.DefinitionLevelsByteLength;
        Assert.Equal(0xFD2FB528u, BitConverter.ToUInt32(bytes, (int)position)); // zstd's magic number
        return position;
    }

    // RFC 8878 3.1.1.1: the content size follows the descriptor byte, the window descriptor (unless single segment)
    // and the dictionary id.
    private static int ContentSizeField(byte[] bytes, long frame)
    {
        byte descriptor = bytes[frame + 4];
        bool singleSegment = (descriptor & 0x20) != 0;
        int dictionaryIdBytes = (descriptor & 3) switch { 0 => 0, 1 => 1, 2 => 2, _ => 4 };
        int contentSizeFlag = descriptor >> 6;
        Assert.True(contentSizeFlag != 0 || singleSegment, "the frame records no content size");
        int at = (int)frame + 5 + (singleSegment ? 0 : 1) + dictionaryIdBytes;
        Assert.InRange(bytes[at], 1, 254); // adding or subtracting one changes only this byte
        return at;
    }
}
