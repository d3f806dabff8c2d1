using MiniSpark.Formats.Parquet.Thrift;

namespace MiniSpark.Formats.Parquet.Metadata;

/// <summary>parquet.thrift <c>DataPageHeader</c> (v1): levels and values share one compressed block.</summary>
internal sealed class DataPageHeader
{
    public int NumValues { get; set; }
    public ParquetEncoding Encoding { get; set; }
    public ParquetEncoding DefinitionLevelEncoding { get; set; } = ParquetEncoding.Rle;
    public ParquetEncoding RepetitionLevelEncoding { get; set; } = ParquetEncoding.Rle;
    public Statistics? Statistics { get; set; }

    public static DataPageHeader Read(ref ThriftCompactReader reader)
    {
        var result = new DataPageHeader();
        short saved = reader.BeginStruct();
        while (reader.ReadFieldHeader(out short id, out ThriftType type))
        {
            switch (id, type)
            {
                case (1, ThriftType.I32): result.NumValues = reader.ReadI32(); break;
                case (2, ThriftType.I32): result.Encoding = (ParquetEncoding)reader.ReadI32(); break;
                case (3, ThriftType.I32): result.DefinitionLevelEncoding = (ParquetEncoding)reader.ReadI32(); break;
                case (4, ThriftType.I32): result.RepetitionLevelEncoding = (ParquetEncoding)reader.ReadI32(); break;
                case (5, ThriftType.Struct): result.Statistics = Statistics.Read(ref reader); break;
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
        writer.WriteI32Field(3, (int)DefinitionLevelEncoding);
        writer.WriteI32Field(4, (int)RepetitionLevelEncoding);
        if (Statistics is not null)
        {
            writer.WriteFieldHeader(5, ThriftType.Struct);
            Statistics.Write(writer);
        }
        writer.EndStruct();
    }
}
