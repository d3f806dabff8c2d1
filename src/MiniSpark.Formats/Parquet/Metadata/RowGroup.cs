using MiniSpark.Formats.Parquet.Thrift;

namespace MiniSpark.Formats.Parquet.Metadata;

/// <summary>parquet.thrift <c>RowGroup</c>: a horizontal slice of the file, one chunk per leaf column.</summary>
internal sealed class RowGroup
{
    public List<ColumnChunk> Columns { get; set; } = [];
    public long TotalByteSize { get; set; }
    public long NumRows { get; set; }
    public long? FileOffset { get; set; }
    public long? TotalCompressedSize { get; set; }
    public short? Ordinal { get; set; }
    /// <summary>Where this struct starts in the footer (for error messages); 0 when built in memory.</summary>
    public long MetadataOffset { get; set; }

    public static RowGroup Read(ref ThriftCompactReader reader)
    {
        var result = new RowGroup { MetadataOffset = reader.FileOffset };
        short saved = reader.BeginStruct();
        while (reader.ReadFieldHeader(out short id, out ThriftType type))
        {
            switch (id, type)
            {
                case (1, ThriftType.List): result.Columns = ThriftLists.ReadStructs(ref reader, ColumnChunk.Read); break;
                case (2, ThriftType.I64): result.TotalByteSize = reader.ReadI64(); break;
                case (3, ThriftType.I64): result.NumRows = reader.ReadI64(); break;
                case (5, ThriftType.I64): result.FileOffset = reader.ReadI64(); break;
                case (6, ThriftType.I64): result.TotalCompressedSize = reader.ReadI64(); break;
                case (7, ThriftType.I16): result.Ordinal = reader.ReadI16(); break;
                default: reader.Skip(type); break;
            }
        }
        reader.EndStruct(saved);
        return result;
    }

    public void Write(ThriftCompactWriter writer)
    {
        writer.BeginStruct();
        writer.WriteListFieldHeader(1, ThriftType.Struct, Columns.Count);
        foreach (ColumnChunk column in Columns) column.Write(writer);
        writer.WriteI64Field(2, TotalByteSize);
        writer.WriteI64Field(3, NumRows);
        if (FileOffset is long offset) writer.WriteI64Field(5, offset);
        if (TotalCompressedSize is long compressed) writer.WriteI64Field(6, compressed);
        if (Ordinal is short ordinal)
        {
            writer.WriteFieldHeader(7, ThriftType.I16);
            writer.WriteI32(ordinal);
        }
        writer.EndStruct();
    }
}
