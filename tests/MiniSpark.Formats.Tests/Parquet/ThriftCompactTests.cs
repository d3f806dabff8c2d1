using MiniSpark.Formats.Parquet.Metadata;
using MiniSpark.Formats.Parquet.Thrift;

namespace MiniSpark.Tests.Parquet;

public class ThriftCompactTests
{
    [Fact]
    public void FileMetaData_RoundTrips()
    {
        var footer = new FileMetaData
        {
            Version = 1,
            NumRows = 1234567890123,
            CreatedBy = "test",
            Schema =
            [
                new SchemaElement { Name = "schema", NumChildren = 2 },
                new SchemaElement
                {
                    Name = "price", Type = PhysicalType.FixedLenByteArray, TypeLength = 16, RepetitionType = FieldRepetitionType.Optional,
                    ConvertedType = ConvertedType.Decimal, Scale = 18, Precision = 38,
                    LogicalType = new LogicalType { Kind = LogicalTypeKind.Decimal, DecimalScale = 18, DecimalPrecision = 38 },
                },
                new SchemaElement
                {
                    Name = "at", Type = PhysicalType.Int64, RepetitionType = FieldRepetitionType.Required,
                    LogicalType = new LogicalType { Kind = LogicalTypeKind.Timestamp, IsAdjustedToUtc = true, Unit = TimeUnit.Micros },
                },
            ],
            RowGroups =
            [
                new RowGroup
                {
                    NumRows = 10, TotalByteSize = 100, Ordinal = 0,
                    Columns =
                    [
                        new ColumnChunk
                        {
                            MetaData = new ColumnMetaData
                            {
                                Type = PhysicalType.Int64, Encodings = [ParquetEncoding.Plain, ParquetEncoding.Rle], PathInSchema = ["at"],
                                Codec = CompressionCodec.Snappy, NumValues = 10, TotalCompressedSize = 50, TotalUncompressedSize = 80,
                                DataPageOffset = 4, DictionaryPageOffset = -3,
                                Statistics = new Statistics { NullCount = 0, MinValue = [1, 2], MaxValue = [3] },
                            },
                        },
                    ],
                },
            ],
            KeyValueMetadata = [new KeyValue { Key = "k", Value = "v" }],
            ColumnOrders = [1, 1],
        };
        var writer = new ThriftCompactWriter();
        footer.Write(writer);
        byte[] bytes = writer.WrittenSpan.ToArray();

        var reader = new ThriftCompactReader(bytes, "test.parquet", 0);
        FileMetaData read = FileMetaData.Read(ref reader);

        Assert.Equal(bytes.Length, reader.Position);
        Assert.Equal(1234567890123, read.NumRows);
        Assert.Equal("test", read.CreatedBy);
        Assert.Equal(3, read.Schema.Count);
        Assert.Equal(LogicalTypeKind.Decimal, read.Schema[1].LogicalType!.Kind);
        Assert.Equal(38, read.Schema[1].LogicalType!.DecimalPrecision);
        Assert.Equal(16, read.Schema[1].TypeLength);
        Assert.Equal(TimeUnit.Micros, read.Schema[2].LogicalType!.Unit);
        Assert.True(read.Schema[2].LogicalType!.IsAdjustedToUtc);
        ColumnMetaData column = read.RowGroups[0].Columns[0].MetaData!;
        Assert.Equal(["at"], column.PathInSchema);
        Assert.Equal(-3, column.DictionaryPageOffset);
        Assert.Equal(new byte[] { 1, 2 }, column.Statistics!.MinValue);
        Assert.Equal((short)0, read.RowGroups[0].Ordinal);
        Assert.Equal([1, 1], read.ColumnOrders);
        Assert.Equal("v", read.KeyValueMetadata![0].Value);
    }

    [Fact]
    public void FieldIds_WithLargeGaps_UseLongHeaders()
    {
        var writer = new ThriftCompactWriter();
        writer.BeginStruct();
        writer.WriteI32Field(1, -5);
        writer.WriteI64Field(40, long.MinValue);
        writer.WriteBoolField(41, true);
        writer.WriteStringField(300, "far");
        writer.EndStruct();

        var reader = new ThriftCompactReader(writer.WrittenSpan, "t", 0);
        short saved = reader.BeginStruct();
        Assert.True(reader.ReadFieldHeader(out short id, out _));
        Assert.Equal((1, -5), (id, reader.ReadI32()));
        Assert.True(reader.ReadFieldHeader(out id, out _));
        Assert.Equal((40, long.MinValue), (id, reader.ReadI64()));
        Assert.True(reader.ReadFieldHeader(out id, out _));
        Assert.Equal((41, true), (id, reader.ReadBool()));
        Assert.True(reader.ReadFieldHeader(out id, out _));
        Assert.Equal((300, "far"), (id, reader.ReadString()));
        Assert.False(reader.ReadFieldHeader(out _, out _));
        reader.EndStruct(saved);
    }

    [Fact]
    public void Truncated_FailsWithFileAndOffset()
    {
        var footer = new FileMetaData { Schema = [new SchemaElement { Name = "schema", NumChildren = 0 }] };
        var writer = new ThriftCompactWriter();
        footer.Write(writer);
        byte[] bytes = writer.WrittenSpan[..^3].ToArray();

        InvalidDataException error = Assert.Throws<InvalidDataException>(() =>
        {
            var reader = new ThriftCompactReader(bytes, "cut.parquet", 1000);
            FileMetaData.Read(ref reader);
        });
        Assert.Contains("cut.parquet", error.Message);
        Assert.Contains("byte offset 10", error.Message);
    }

    [Fact]
    public void HugeListCount_FailsBeforeAllocating()
    {
        // Field 2 (schema) as a list of structs claiming 2^31-1 elements.
        byte[] bytes = [0x29, 0xFC, 0xFF, 0xFF, 0xFF, 0xFF, 0x07, 0x00];
        InvalidDataException error = Assert.Throws<InvalidDataException>(() =>
        {
            var reader = new ThriftCompactReader(bytes, "bomb.parquet", 0);
            FileMetaData.Read(ref reader);
        });
        Assert.Contains("bomb.parquet", error.Message);
    }

    [Fact]
    public void DeepNesting_FailsInsteadOfOverflowingTheStack()
    {
        // An unknown field 15 of type struct, nested 100000 times.
        byte[] bytes = Enumerable.Repeat((byte)0xFC, 100_000).ToArray();
        InvalidDataException error = Assert.Throws<InvalidDataException>(() =>
        {
            var reader = new ThriftCompactReader(bytes, "deep.parquet", 0);
            FileMetaData.Read(ref reader);
        });
        Assert.Contains("nest", error.Message);
    }
}
