using MiniSpark.Formats.Parquet.Thrift;

namespace MiniSpark.Formats.Parquet.Metadata;

/// <summary>parquet.thrift <c>PageHeader</c>: precedes every page of a column chunk.</summary>
internal sealed class PageHeader
{
    public PageType Type { get; set; }
    public int UncompressedPageSize { get; set; }
    public int CompressedPageSize { get; set; }
    public int? Crc { get; set; }
    public DataPageHeader? DataPageHeader { get; set; }
    public DictionaryPageHeader? DictionaryPageHeader { get; set; }
    public DataPageHeaderV2? DataPageHeaderV2 { get; set; }

    public static PageHeader Read(ref ThriftCompactReader reader)
    {
        long start = reader.FileOffset;
        var result = new PageHeader();
        bool hasType = false, hasUncompressed = false, hasCompressed = false;
        short saved = reader.BeginStruct();
        while (reader.ReadFieldHeader(out short id, out ThriftType type))
        {
            switch (id, type)
            {
                case (1, ThriftType.I32):
                    result.Type = (PageType)reader.ReadI32();
                    hasType = true;
                    break;
                case (2, ThriftType.I32):
                    result.UncompressedPageSize = reader.ReadI32();
                    hasUncompressed = true;
                    break;
                case (3, ThriftType.I32):
                    result.CompressedPageSize = reader.ReadI32();
                    hasCompressed = true;
                    break;
                case (4, ThriftType.I32): result.Crc = reader.ReadI32(); break;
                case (5, ThriftType.Struct): result.DataPageHeader = DataPageHeader.Read(ref reader); break;
                case (7, ThriftType.Struct): result.DictionaryPageHeader = DictionaryPageHeader.Read(ref reader); break;
                case (8, ThriftType.Struct): result.DataPageHeaderV2 = DataPageHeaderV2.Read(ref reader); break;
                default: reader.Skip(type); break;
            }
        }
        reader.EndStruct(saved);
        if (!hasType || !hasUncompressed || !hasCompressed)
            throw ParquetErrors.Invalid(reader.Source, start, "A page header lacks its type or sizes.");
        if (result.UncompressedPageSize < 0 || result.CompressedPageSize < 0)
            throw ParquetErrors.Invalid(reader.Source, start, "A page header declares a negative size.");
        return result;
    }

    public void Write(ThriftCompactWriter writer)
    {
        writer.BeginStruct();
        writer.WriteI32Field(1, (int)Type);
        writer.WriteI32Field(2, UncompressedPageSize);
        writer.WriteI32Field(3, CompressedPageSize);
        if (Crc is int crc) writer.WriteI32Field(4, crc);
        if (DataPageHeader is not null)
        {
            writer.WriteFieldHeader(5, ThriftType.Struct);
            DataPageHeader.Write(writer);
        }
        if (DictionaryPageHeader is not null)
        {
            writer.WriteFieldHeader(7, ThriftType.Struct);
            DictionaryPageHeader.Write(writer);
        }
        writer.EndStruct();
    }
}
