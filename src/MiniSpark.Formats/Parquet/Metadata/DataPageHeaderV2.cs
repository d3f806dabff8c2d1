using MiniSpark.Formats.Parquet.Thrift;

namespace MiniSpark.Formats.Parquet.Metadata;

/// <summary>parquet.thrift <c>DataPageHeaderV2</c>: levels are stored uncompressed ahead of the (maybe compressed) values.</summary>
internal sealed class DataPageHeaderV2
{
    public int NumValues { get; set; }
    public int NumNulls { get; set; }
    public int NumRows { get; set; }
    public ParquetEncoding Encoding { get; set; }
    public int DefinitionLevelsByteLength { get; set; }
    public int RepetitionLevelsByteLength { get; set; }
    public bool IsCompressed { get; set; } = true;
    public Statistics? Statistics { get; set; }

    public static DataPageHeaderV2 Read(ref ThriftCompactReader reader)
    {
        var result = new DataPageHeaderV2();
        short saved = reader.BeginStruct();
        while (reader.ReadFieldHeader(out short id, out ThriftType type))
        {
            switch (id, type)
            {
                case (1, ThriftType.I32): result.NumValues = reader.ReadI32(); break;
                case (2, ThriftType.I32): result.NumNulls = reader.ReadI32(); break;
                case (3, ThriftType.I32): result.NumRows = reader.ReadI32(); break;
                case (4, ThriftType.I32): result.Encoding = (ParquetEncoding)reader.ReadI32(); break;
                case (5, ThriftType.I32): result.DefinitionLevelsByteLength = reader.ReadI32(); break;
                case (6, ThriftType.I32): result.RepetitionLevelsByteLength = reader.ReadI32(); break;
                case (7, ThriftType.BooleanTrue or ThriftType.BooleanFalse): result.IsCompressed = reader.ReadBool(); break;
                case (8, ThriftType.Struct): result.Statistics = Statistics.Read(ref reader); break;
                default: reader.Skip(type); break;
            }
        }
        reader.EndStruct(saved);
        return result;
    }
}
