using MiniSpark.Formats.Parquet.Thrift;

namespace MiniSpark.Formats.Parquet.Metadata;

/// <summary>parquet.thrift <c>ColumnMetaData</c>: where a column chunk's pages are and how they are coded.</summary>
internal sealed class ColumnMetaData
{
    public PhysicalType Type { get; set; }
    public List<ParquetEncoding> Encodings { get; set; } = [];
    public List<string> PathInSchema { get; set; } = [];
    public CompressionCodec Codec { get; set; }
    public long NumValues { get; set; }
    public long TotalUncompressedSize { get; set; }
    public long TotalCompressedSize { get; set; }
    public List<KeyValue>? KeyValueMetadata { get; set; }
    public long DataPageOffset { get; set; }
    public long? IndexPageOffset { get; set; }
    public long? DictionaryPageOffset { get; set; }
    public Statistics? Statistics { get; set; }

    public static ColumnMetaData Read(ref ThriftCompactReader reader)
    {
        long start = reader.FileOffset;
        var result = new ColumnMetaData();
        // Bits of the required fields seen: type, encodings, path, codec, num_values, sizes, data_page_offset.
        int seen = 0;
        short saved = reader.BeginStruct();
        while (reader.ReadFieldHeader(out short id, out ThriftType type))
        {
            switch (id, type)
            {
                case (1, ThriftType.I32): result.Type = (PhysicalType)reader.ReadI32(); seen |= 1; break;
                case (2, ThriftType.List):
                    foreach (int encoding in ThriftLists.ReadI32s(ref reader)) result.Encodings.Add((ParquetEncoding)encoding);
                    seen |= 2;
                    break;
                case (3, ThriftType.List): result.PathInSchema = ThriftLists.ReadStrings(ref reader); seen |= 4; break;
                case (4, ThriftType.I32): result.Codec = (CompressionCodec)reader.ReadI32(); seen |= 8; break;
                case (5, ThriftType.I64): result.NumValues = reader.ReadI64(); seen |= 16; break;
                case (6, ThriftType.I64): result.TotalUncompressedSize = reader.ReadI64(); seen |= 32; break;
                case (7, ThriftType.I64): result.TotalCompressedSize = reader.ReadI64(); seen |= 64; break;
                case (8, ThriftType.List): result.KeyValueMetadata = KeyValue.ReadList(ref reader); break;
                case (9, ThriftType.I64): result.DataPageOffset = reader.ReadI64(); seen |= 128; break;
                case (10, ThriftType.I64): result.IndexPageOffset = reader.ReadI64(); break;
                case (11, ThriftType.I64): result.DictionaryPageOffset = reader.ReadI64(); break;
                case (12, ThriftType.Struct): result.Statistics = Statistics.Read(ref reader); break;
                default: reader.Skip(type); break;
            }
        }
        reader.EndStruct(saved);
        if (seen != 255) throw ParquetErrors.Invalid(reader.Source, start, "Column metadata lacks required fields.");
        return result;
    }

    public void Write(ThriftCompactWriter writer)
    {
        writer.BeginStruct();
        writer.WriteI32Field(1, (int)Type);
        writer.WriteListFieldHeader(2, ThriftType.I32, Encodings.Count);
        foreach (ParquetEncoding encoding in Encodings) writer.WriteI32((int)encoding);
        writer.WriteListFieldHeader(3, ThriftType.Binary, PathInSchema.Count);
        foreach (string part in PathInSchema) writer.WriteString(part);
        writer.WriteI32Field(4, (int)Codec);
        writer.WriteI64Field(5, NumValues);
        writer.WriteI64Field(6, TotalUncompressedSize);
        writer.WriteI64Field(7, TotalCompressedSize);
        if (KeyValueMetadata is { Count: > 0 })
        {
            writer.WriteListFieldHeader(8, ThriftType.Struct, KeyValueMetadata.Count);
            foreach (KeyValue pair in KeyValueMetadata) pair.Write(writer);
        }
        writer.WriteI64Field(9, DataPageOffset);
        if (IndexPageOffset is long index) writer.WriteI64Field(10, index);
        if (DictionaryPageOffset is long dictionary) writer.WriteI64Field(11, dictionary);
        if (Statistics is not null)
        {
            writer.WriteFieldHeader(12, ThriftType.Struct);
            Statistics.Write(writer);
        }
        writer.EndStruct();
    }
}
