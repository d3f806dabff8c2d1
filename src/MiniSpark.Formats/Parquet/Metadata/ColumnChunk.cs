using MiniSpark.Formats.Parquet.Thrift;

namespace MiniSpark.Formats.Parquet.Metadata;

/// <summary>parquet.thrift <c>ColumnChunk</c>: one column of one row group.</summary>
internal sealed class ColumnChunk
{
    /// <summary>Set only by summary files whose data lives elsewhere; not supported for reading.</summary>
    public string? FilePath { get; set; }
    public long FileOffset { get; set; }
    public ColumnMetaData? MetaData { get; set; }
    /// <summary>True when the chunk carries encryption metadata (crypto_metadata or encrypted_column_metadata).</summary>
    public bool IsEncrypted { get; set; }
    /// <summary>Where this struct starts in the footer (for error messages); 0 when built in memory.</summary>
    public long MetadataOffset { get; set; }

    public static ColumnChunk Read(ref ThriftCompactReader reader)
    {
        var result = new ColumnChunk { MetadataOffset = reader.FileOffset };
        short saved = reader.BeginStruct();
        while (reader.ReadFieldHeader(out short id, out ThriftType type))
        {
            switch (id, type)
            {
                case (1, ThriftType.Binary): result.FilePath = reader.ReadString(); break;
                case (2, ThriftType.I64): result.FileOffset = reader.ReadI64(); break;
                case (3, ThriftType.Struct): result.MetaData = ColumnMetaData.Read(ref reader); break;
                case (8, _) or (9, _):
                    result.IsEncrypted = true;
                    reader.Skip(type);
                    break;
                default: reader.Skip(type); break;
            }
        }
        reader.EndStruct(saved);
        return result;
    }

    public void Write(ThriftCompactWriter writer)
    {
        writer.BeginStruct();
        writer.WriteI64Field(2, FileOffset);
        if (MetaData is not null)
        {
            writer.WriteFieldHeader(3, ThriftType.Struct);
            MetaData.Write(writer);
        }
        writer.EndStruct();
    }
}
