using MiniSpark.Formats.Parquet.Thrift;

namespace MiniSpark.Formats.Parquet.Metadata;

/// <summary>parquet.thrift <c>Statistics</c> of a column chunk or page, values PLAIN-encoded (byte arrays without length).</summary>
internal sealed class Statistics
{
    /// <summary>Deprecated max, by signed comparison whatever the type.</summary>
    public byte[]? Max { get; set; }
    /// <summary>Deprecated min, by signed comparison whatever the type.</summary>
    public byte[]? Min { get; set; }
    public long? NullCount { get; set; }
    public long? DistinctCount { get; set; }
    /// <summary>Max by the column's sort order (ColumnOrder).</summary>
    public byte[]? MaxValue { get; set; }
    /// <summary>Min by the column's sort order (ColumnOrder).</summary>
    public byte[]? MinValue { get; set; }

    public static Statistics Read(ref ThriftCompactReader reader)
    {
        var result = new Statistics();
        short saved = reader.BeginStruct();
        while (reader.ReadFieldHeader(out short id, out ThriftType type))
        {
            switch (id, type)
            {
                case (1, ThriftType.Binary): result.Max = reader.ReadBinary().ToArray(); break;
                case (2, ThriftType.Binary): result.Min = reader.ReadBinary().ToArray(); break;
                case (3, ThriftType.I64): result.NullCount = reader.ReadI64(); break;
                case (4, ThriftType.I64): result.DistinctCount = reader.ReadI64(); break;
                case (5, ThriftType.Binary): result.MaxValue = reader.ReadBinary().ToArray(); break;
                case (6, ThriftType.Binary): result.MinValue = reader.ReadBinary().ToArray(); break;
                default: reader.Skip(type); break;
            }
        }
        reader.EndStruct(saved);
        return result;
    }

    public void Write(ThriftCompactWriter writer)
    {
        writer.BeginStruct();
        if (Max is not null) writer.WriteBinaryField(1, Max);
        if (Min is not null) writer.WriteBinaryField(2, Min);
        if (NullCount is long nulls) writer.WriteI64Field(3, nulls);
        if (DistinctCount is long distinct) writer.WriteI64Field(4, distinct);
        if (MaxValue is not null) writer.WriteBinaryField(5, MaxValue);
        if (MinValue is not null) writer.WriteBinaryField(6, MinValue);
        writer.EndStruct();
    }
}
