using MiniSpark.Formats.Parquet.Thrift;

namespace MiniSpark.Formats.Parquet.Metadata;

/// <summary>parquet.thrift <c>DictionaryPageHeader</c>.</summary>
internal sealed class DictionaryPageHeader
{
    public int NumValues { get; set; }
    public ParquetEncoding Encoding { get; set; }
    public bool? IsSorted { get; set; }

    public static DictionaryPageHeader Read(ref ThriftCompactReader reader)
    {
        var result = new DictionaryPageHeader();
        short saved = reader.BeginStruct();
        while (reader.ReadFieldHeader(out short id, out ThriftType type))
        {
            switch (id, type)
            {
                case (1, ThriftType.I32): result.NumValues = reader.ReadI32(); break;
                case (2, ThriftType.I32): result.Encoding = (ParquetEncoding)reader.ReadI32(); break;
                case (3, ThriftType.BooleanTrue or ThriftType.BooleanFalse): result.IsSorted = reader.ReadBool(); break;
                default: reader.Skip(type); break;
            }
        }
        reader.EndStruct(saved);
        return result;
    }

    public void Write(ThriftCompactWriter writer)
    {
        writer.BeginStruct();
        writer.WriteI32Field(1, NumValues);
        writer.WriteI32Field(2, (int)Encoding);
        if (IsSorted is bool sorted) writer.WriteBoolField(3, sorted);
        writer.EndStruct();
    }
}
