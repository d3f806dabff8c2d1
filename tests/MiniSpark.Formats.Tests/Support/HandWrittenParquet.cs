using System.Buffers;
using System.Buffers.Binary;
using MiniSpark.Formats.Parquet.Encodings;
using MiniSpark.Formats.Parquet.Metadata;
using MiniSpark.Formats.Parquet.Schema;
using MiniSpark.Formats.Parquet.Thrift;

namespace MiniSpark.Tests.Support;

/// <summary>Builds small Parquet files whose every level the test chooses: nested shapes our writer does not make, and
/// levels no correct writer would make. One row group, INT32 leaves, one uncompressed v1 data page per leaf.</summary>
internal static class HandWrittenParquet
{
    /// <summary>A leaf's level entries and its PLAIN values (one per entry at the maximum definition level).</summary>
    public sealed record Leaf(int[] Repetitions, int[] Definitions, int[] Values);

    public static SchemaElement Group(string name, FieldRepetitionType repetition, int children, ConvertedType? annotation = null) =>
        new() { Name = name, RepetitionType = repetition, NumChildren = children, ConvertedType = annotation };

    public static SchemaElement Int32(string name, FieldRepetitionType repetition) =>
        new() { Name = name, RepetitionType = repetition, Type = PhysicalType.Int32 };

    /// <summary>The file: <paramref name="schema"/> below a root, <paramref name="rows"/> declared rows, <paramref name="leaves"/> in column order.</summary>
    public static byte[] Build(SchemaElement[] schema, long rows, params Leaf[] leaves)
    {
        int fields = schema.Length - CountDescendants(schema);
        List<SchemaElement> elements = [new SchemaElement { Name = "schema", NumChildren = fields }, .. schema];
        ParquetSchema parsed = ParquetSchema.Build(elements, "hand-written", 0);
        if (parsed.Columns.Count != leaves.Length) throw new ArgumentException($"The schema has {parsed.Columns.Count} leaves, not {leaves.Length}.");

        var file = new ArrayBufferWriter<byte>();
        file.Write("PAR1"u8);
        var group = new RowGroup { NumRows = rows };
        for (int i = 0; i < leaves.Length; i++)
        {
            ColumnDescriptor column = parsed.Columns[i];
            Leaf leaf = leaves[i];
            var body = new ArrayBufferWriter<byte>();
            if (column.MaxRepetitionLevel > 0) WriteLevels(leaf.Repetitions, column.MaxRepetitionLevel, body);
            if (column.MaxDefinitionLevel > 0) WriteLevels(leaf.Definitions, column.MaxDefinitionLevel, body);
            var values = new byte[leaf.Values.Length * 4];
            for (int v = 0; v < leaf.Values.Length; v++) BinaryPrimitives.WriteInt32LittleEndian(values.AsSpan(v * 4), leaf.Values[v]);
            body.Write(values);

            int entries = Math.Max(leaf.Definitions.Length, leaf.Repetitions.Length);
            var header = new PageHeader
            {
                Type = PageType.DataPage, UncompressedPageSize = body.WrittenCount, CompressedPageSize = body.WrittenCount,
                DataPageHeader = new DataPageHeader { NumValues = entries, Encoding = ParquetEncoding.Plain },
            };
            var thrift = new ThriftCompactWriter();
            header.Write(thrift);
            long start = file.WrittenCount;
            file.Write(thrift.WrittenSpan);
            file.Write(body.WrittenSpan);
            long size = file.WrittenCount - start;
            group.Columns.Add(new ColumnChunk
            {
                FileOffset = start,
                MetaData = new ColumnMetaData
                {
                    Type = PhysicalType.Int32, Encodings = [ParquetEncoding.Plain, ParquetEncoding.Rle], PathInSchema = [.. column.Path],
                    Codec = CompressionCodec.Uncompressed, NumValues = entries, TotalUncompressedSize = size, TotalCompressedSize = size,
                    DataPageOffset = start,
                },
            });
            group.TotalByteSize += size;
        }
        var footer = new FileMetaData { Schema = elements, NumRows = rows, RowGroups = [group], CreatedBy = "MiniSpark tests (hand-written)" };
        var writer = new ThriftCompactWriter();
        footer.Write(writer);
        file.Write(writer.WrittenSpan);
        BinaryPrimitives.WriteInt32LittleEndian(file.GetSpan(4), writer.WrittenSpan.Length);
        file.Advance(4);
        file.Write("PAR1"u8);
        return file.WrittenSpan.ToArray();
    }

    // v1 RLE levels: a 4-byte length, then the hybrid encoding at the width of the column's maximum level.
    private static void WriteLevels(int[] levels, int maxLevel, ArrayBufferWriter<byte> body)
    {
        var encoded = new ArrayBufferWriter<byte>();
        RleBitPackedHybridEncoder.Encode(levels, BitPacking.BitWidth(maxLevel), encoded);
        BinaryPrimitives.WriteInt32LittleEndian(body.GetSpan(4), encoded.WrittenCount);
        body.Advance(4);
        body.Write(encoded.WrittenSpan);
    }

    // The elements below a top-level field: what its (and its groups') NumChildren add up to.
    private static int CountDescendants(SchemaElement[] schema) => schema.Sum(e => e.NumChildren ?? 0);
}
