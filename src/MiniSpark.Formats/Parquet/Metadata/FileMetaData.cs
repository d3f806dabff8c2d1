using MiniSpark.Formats.Parquet.Thrift;

namespace MiniSpark.Formats.Parquet.Metadata;

/// <summary>parquet.thrift <c>FileMetaData</c>: the footer.</summary>
internal sealed class FileMetaData
{
    public int Version { get; set; } = 1;
    public List<SchemaElement> Schema { get; set; } = [];
    public long NumRows { get; set; }
    public List<RowGroup> RowGroups { get; set; } = [];
    public List<KeyValue>? KeyValueMetadata { get; set; }
    public string? CreatedBy { get; set; }
    /// <summary>Per leaf column, the field id of the ColumnOrder union member (1 = TYPE_ORDER); null when absent.</summary>
    public List<int>? ColumnOrders { get; set; }
    /// <summary>True when the footer names an encryption algorithm (plaintext footer of an encrypted file).</summary>
    public bool IsEncrypted { get; set; }
    /// <summary>Where the footer starts in the file; 0 when built in memory.</summary>
    public long Offset { get; set; }

    public static FileMetaData Read(ref ThriftCompactReader reader)
    {
        long start = reader.FileOffset;
        var result = new FileMetaData { Offset = start };
        bool hasSchema = false, hasRowGroups = false;
        short saved = reader.BeginStruct();
        while (reader.ReadFieldHeader(out short id, out ThriftType type))
        {
            switch (id, type)
            {
                case (1, ThriftType.I32): result.Version = reader.ReadI32(); break;
                case (2, ThriftType.List):
                    result.Schema = ThriftLists.ReadStructs(ref reader, SchemaElement.Read);
                    hasSchema = true;
                    break;
                case (3, ThriftType.I64): result.NumRows = reader.ReadI64(); break;
                case (4, ThriftType.List):
                    result.RowGroups = ThriftLists.ReadStructs(ref reader, RowGroup.Read);
                    hasRowGroups = true;
                    break;
                case (5, ThriftType.List): result.KeyValueMetadata = KeyValue.ReadList(ref reader); break;
                case (6, ThriftType.Binary): result.CreatedBy = reader.ReadString(); break;
                case (7, ThriftType.List): result.ColumnOrders = ReadColumnOrders(ref reader); break;
                case (8, _):
                    result.IsEncrypted = true;
                    reader.Skip(type);
                    break;
                default: reader.Skip(type); break;
            }
        }
        reader.EndStruct(saved);
        if (!hasSchema || !hasRowGroups) throw ParquetErrors.Invalid(reader.Source, start, "The footer lacks the schema or the row groups.");
        return result;
    }

    private static List<int> ReadColumnOrders(ref ThriftCompactReader reader) =>
        ThriftLists.ReadStructs(ref reader, static (ref ThriftCompactReader r) =>
        {
            int member = 0;
            short saved = r.BeginStruct();
            while (r.ReadFieldHeader(out short id, out ThriftType type))
            {
                member = id;
                r.Skip(type);
            }
            r.EndStruct(saved);
            return member;
        });

    public void Write(ThriftCompactWriter writer)
    {
        writer.BeginStruct();
        writer.WriteI32Field(1, Version);
        writer.WriteListFieldHeader(2, ThriftType.Struct, Schema.Count);
        foreach (SchemaElement element in Schema) element.Write(writer);
        writer.WriteI64Field(3, NumRows);
        writer.WriteListFieldHeader(4, ThriftType.Struct, RowGroups.Count);
        foreach (RowGroup group in RowGroups) group.Write(writer);
        if (KeyValueMetadata is { Count: > 0 })
        {
            writer.WriteListFieldHeader(5, ThriftType.Struct, KeyValueMetadata.Count);
            foreach (KeyValue pair in KeyValueMetadata) pair.Write(writer);
        }
        if (CreatedBy is not null) writer.WriteStringField(6, CreatedBy);
        if (ColumnOrders is { Count: > 0 })
        {
            writer.WriteListFieldHeader(7, ThriftType.Struct, ColumnOrders.Count);
            foreach (int member in ColumnOrders)
            {
                writer.BeginStruct();
                writer.WriteEmptyStructField((short)member);
                writer.EndStruct();
            }
        }
        writer.EndStruct();
    }
}
