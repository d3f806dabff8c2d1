using MiniSpark.Formats.Arrow.FlatBuffers;
using MiniSpark.Formats.Arrow.Metadata;

namespace MiniSpark.Tests.Arrow;

public class ArrowMetadataTests
{
    private static readonly ArrowSchema Schema = new(
    [
        new ArrowField("i8", ArrowType.Int8, true),
        new ArrowField("u16", ArrowType.UInt16, false),
        new ArrowField("i32", ArrowType.Int32, false),
        new ArrowField("i64", ArrowType.Int64, true),
        new ArrowField("f16", ArrowType.Float16, true),
        new ArrowField("f32", ArrowType.Float32, true),
        new ArrowField("f64", ArrowType.Float64, false),
        new ArrowField("flag", ArrowType.Bool, true),
        new ArrowField("text", ArrowType.Utf8, true),
        new ArrowField("large", ArrowType.LargeUtf8, true),
        new ArrowField("blob", ArrowType.Binary, true),
        new ArrowField("day", ArrowType.Date32, true),
        new ArrowField("day64", ArrowType.Date64, true),
        new ArrowField("at", ArrowType.Timestamp(ArrowTimeUnit.Microsecond), false),
        new ArrowField("naive", ArrowType.Timestamp(ArrowTimeUnit.Nanosecond, null), true),
        new ArrowField("price", ArrowType.Decimal128(38, 18), true),
        new ArrowField("color", ArrowType.Utf8, true, new ArrowDictionaryEncoding(3, ArrowType.Int16, true)),
    ]);

    [Fact]
    public void SchemaMessage_RoundTrips()
    {
        byte[] bytes = ArrowMetadataWriter.SchemaMessage(Schema);

        ArrowMessage message = ArrowMetadataReader.ReadMessage(new FlatBuffer(bytes, "schema", 0));

        Assert.Equal(ArrowMessageType.Schema, message.Type);
        Assert.Equal(ArrowMetadataWriter.MetadataV5, message.Version);
        Assert.Equal(Schema.Fields, message.Schema!.Fields);
    }

    [Fact]
    public void RecordBatchMessage_RoundTrips()
    {
        ArrowFieldNode[] nodes = [new(10, 2), new(10, 0)];
        ArrowBufferRegion[] buffers = [new(0, 8), new(8, 40), new(48, 0), new(48, 80)];

        byte[] bytes = ArrowMetadataWriter.RecordBatchMessage(10, nodes, buffers, 128);
        ArrowMessage message = ArrowMetadataReader.ReadMessage(new FlatBuffer(bytes, "batch", 0));

        Assert.Equal(128, message.BodyLength);
        Assert.Equal(10, message.RecordBatch!.Length);
        Assert.Equal(nodes, message.RecordBatch.Nodes);
        Assert.Equal(buffers, message.RecordBatch.Buffers);
        Assert.Null(message.RecordBatch.Compression);
    }

    [Fact]
    public void Footer_RoundTrips()
    {
        ArrowBlock[] blocks = [new(8, 200, 64), new(272, 184, 1L << 33)];

        byte[] bytes = ArrowMetadataWriter.Footer(Schema, [new ArrowBlock(1000, 16, 8)], blocks);
        ArrowFooter footer = ArrowMetadataReader.ReadFooter(new FlatBuffer(bytes, "footer", 0));

        Assert.Equal(Schema.Fields, footer.Schema.Fields);
        Assert.Equal([new ArrowBlock(1000, 16, 8)], footer.Dictionaries);
        Assert.Equal(blocks, footer.RecordBatches);
    }

    [Fact]
    public void BigEndianSchema_IsNotSupported()
    {
        byte[] bytes = FlatBufferBuilder.Build(new FlatTableBuilder()
            .AddInt16(0, 4).AddByte(1, 1).AddObject(2, new FlatTableBuilder().AddInt16(0, 1)).AddInt64(3, 0));

        var error = Assert.Throws<NotSupportedException>(() => ArrowMetadataReader.ReadMessage(new FlatBuffer(bytes, "be.arrow", 0)));

        Assert.Contains("big-endian", error.Message);
        Assert.Contains("be.arrow", error.Message);
    }
}
