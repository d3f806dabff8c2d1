namespace MiniSpark.Formats.Parquet.Metadata;

/// <summary>parquet.thrift <c>Encoding</c> (named apart from <see cref="System.Text.Encoding"/>).</summary>
internal enum ParquetEncoding
{
    Plain = 0,
    PlainDictionary = 2,
    Rle = 3,
    BitPacked = 4,
    DeltaBinaryPacked = 5,
    DeltaLengthByteArray = 6,
    DeltaByteArray = 7,
    RleDictionary = 8,
    ByteStreamSplit = 9,
}
