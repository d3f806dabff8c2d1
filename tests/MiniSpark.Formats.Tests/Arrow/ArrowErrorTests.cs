using MiniSpark.Formats.Arrow.Columns;
using MiniSpark.Formats.Arrow.FlatBuffers;
using MiniSpark.Formats.Arrow.Ipc;
using MiniSpark.Formats.Arrow.Mapping;
using MiniSpark.Formats.Arrow.Metadata;

namespace MiniSpark.Tests.Arrow;

public sealed class ArrowErrorTests : IDisposable
{
    private readonly ArrowTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static readonly ArrowField Color = new("color", ArrowType.Utf8, true, new ArrowDictionaryEncoding(5, ArrowType.Int8, false));
    private static readonly ArrowField Number = new("n", ArrowType.Int32, false);
    private static readonly ArrowField Indices = new("color", ArrowType.Int8, true);

    private static ArrowColumn<T> Column<T>(params T[] values) => new(values, null, values.Length);

    private static ArrowColumn<sbyte> Nullable(params sbyte?[] values)
    {
        var column = new ArrowColumn<sbyte>(values.Length, nullable: true);
        foreach (sbyte? value in values)
        {
            if (value is sbyte v) column.Append(v);
            else column.AppendNull();
        }
        return column;
    }

    private static List<IReadOnlyDictionary<string, object?>> ReadRows(byte[] bytes, string name)
    {
        using ArrowReader reader = ArrowReader.Create(new MemoryStream(bytes), name);
        return [.. ArrowRows.Read(reader)];
    }

    [Fact]
    public void DictionaryBatches_DecodeWithDeltasAndReplacement()
    {
        ArrowField[] values = [new("color", ArrowType.Utf8, true)];
        byte[] stream = new ArrowFraming()
            .Schema(new ArrowSchema([Color, Number]))
            .Batch(values, [Column("red", "green")], dictionaryId: 5)
            .Batch([Indices, Number], [Nullable(0, 1, null, 0), Column(1, 2, 3, 4)])
            .Batch(values, [Column("blue")], dictionaryId: 5, isDelta: true)
            .Batch([Indices, Number], [Nullable(2, 0), Column(5, 6)])
            .Batch(values, [Column("x")], dictionaryId: 5)
            .Batch([Indices, Number], [Nullable(0), Column(7)])
            .End();

        List<IReadOnlyDictionary<string, object?>> rows = ReadRows(stream, "dictionary.arrows");

        Assert.Equal(["red", "green", null, "red", "blue", "red", "x"], rows.Select(r => r["color"]));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], rows.Select(r => r["n"]));
    }

    [Fact]
    public void DictionaryIndexOutOfRange_FailsWithOffset()
    {
        byte[] stream = new ArrowFraming()
            .Schema(new ArrowSchema([Color, Number]))
            .Batch([new("color", ArrowType.Utf8, true)], [Column("red")], dictionaryId: 5)
            .Batch([Indices, Number], [Nullable(0, 3), Column(1, 2)])
            .End();

        var error = Assert.Throws<InvalidDataException>(() => ReadRows(stream, "bad-index.arrows"));

        Assert.Contains("bad-index.arrows", error.Message);
        Assert.Contains("dictionary index 3", error.Message);
    }

    [Fact]
    public void MissingDictionary_Fails()
    {
        byte[] stream = new ArrowFraming()
            .Schema(new ArrowSchema([Color, Number]))
            .Batch([Indices, Number], [Nullable(0), Column(1)])
            .End();

        var error = Assert.Throws<InvalidDataException>(() => ReadRows(stream, "no-dictionary.arrows"));

        Assert.Contains("no dictionary batch with id 5", error.Message);
    }

    [Theory]
    [InlineData(0, "LZ4_FRAME")]
    [InlineData(1, "ZSTD")]
    public void CompressedBody_IsNotSupported_NamingTheCodec(byte codec, string name)
    {
        var batch = new FlatTableBuilder()
            .AddInt64(0, 1)
            .AddObject(1, new FlatStructVector(new byte[16], 1, 8))
            .AddObject(2, new FlatStructVector(new byte[32], 2, 8))
            .AddObject(3, new FlatTableBuilder().AddByte(0, codec));
        byte[] message = FlatBufferBuilder.Build(new FlatTableBuilder()
            .AddInt16(0, 4).AddByte(1, (byte)ArrowMessageType.RecordBatch).AddObject(2, batch).AddInt64(3, 0));
        byte[] stream = new ArrowFraming().Schema(new ArrowSchema([Number])).Message(message).End();

        var error = Assert.Throws<NotSupportedException>(() => ReadRows(stream, "compressed.arrows"));

        Assert.Contains(name, error.Message);
        Assert.Contains("compressed.arrows", error.Message);
    }

    public sealed record Optional(int? Value);

    public sealed record Required(int Value);

    [Fact]
    public void NullInNonNullableProperty_FailsNamingRowAndFile()
    {
        string path = _files.PathFor("nulls.arrow");
        ArrowRecordWriter<Optional>.WriteFile(path, [new Optional(1), new Optional(null)]);

        var error = Assert.Throws<InvalidDataException>(() => ArrowRecordReader<Required>.ReadFile(path).ToList());

        Assert.Contains(path, error.Message);
        Assert.Contains("row 1", error.Message);
        Assert.Contains("Required.Value", error.Message);
    }

    public sealed record Other(string Missing);

    [Fact]
    public void MissingColumn_FailsNamingProperty()
    {
        string path = _files.PathFor("missing.arrow");
        ArrowRecordWriter<Optional>.WriteFile(path, [new Optional(1)]);

        var error = Assert.Throws<InvalidDataException>(() => ArrowRecordReader<Other>.Open(path));

        Assert.Contains("Other.Missing", error.Message);
        Assert.Contains(path, error.Message);
    }

    public sealed record Mismatch(DateOnly Value);

    [Fact]
    public void IncompatibleColumnType_Fails()
    {
        string path = _files.PathFor("mismatch.arrow");
        ArrowRecordWriter<Optional>.WriteFile(path, [new Optional(1)]);

        var error = Assert.Throws<InvalidDataException>(() => ArrowRecordReader<Mismatch>.Open(path));

        Assert.Contains("Int32", error.Message);
    }

    [Fact]
    public void TruncatedFile_FailsWithOffset()
    {
        string path = _files.PathFor("whole.arrow");
        ArrowRecordWriter<ArrowSample>.WriteFile(path, ArrowSample.Create(50));
        byte[] bytes = File.ReadAllBytes(path);

        var error = Assert.Throws<InvalidDataException>(() => ReadRows(bytes[..(bytes.Length / 2)], "half.arrow"));

        Assert.Contains("half.arrow", error.Message);
        Assert.Contains("byte offset", error.Message);
    }

    [Fact]
    public void StreamReader_WorksOnNonSeekableInput()
    {
        var buffer = new MemoryStream();
        using (var writer = new ArrowRecordWriter<ArrowSample>(buffer, new ArrowWriteOptions { Format = ArrowIpcFormat.Stream, BatchSize = 7 }, leaveOpen: true))
        {
            writer.WriteAll(ArrowSample.Create(20));
        }
        using var reader = new ArrowStreamReader(new ForwardOnlyStream(buffer.ToArray()), "pipe");

        Assert.Equal(20, ArrowRows.Read(reader).Count());
    }

    [Fact]
    public void StreamRecordBatchCount_IsNotSupported()
    {
        string path = _files.PathFor("stream.arrows");
        ArrowRecordWriter<Optional>.WriteFile(path, [new Optional(1)], new ArrowWriteOptions { Format = ArrowIpcFormat.Stream });

        using ArrowRecordReader<Optional> reader = ArrowRecordReader<Optional>.Open(path);

        Assert.Throws<NotSupportedException>(() => reader.RecordBatchCount);
        Assert.Equal([new Optional(1)], reader.ReadAll());
    }

    /// <summary>A stream that cannot seek and returns short reads, like a pipe.</summary>
    private sealed class ForwardOnlyStream(byte[] data) : Stream
    {
        private int _position;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = Math.Min(Math.Min(count, 5), data.Length - _position);
            Array.Copy(data, _position, buffer, offset, n);
            _position += n;
            return n;
        }
    }
}
