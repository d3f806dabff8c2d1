namespace MiniSpark.Formats.Parquet.Metadata;

/// <summary>parquet.thrift <c>FieldRepetitionType</c>.</summary>
internal enum FieldRepetitionType
{
    Required = 0,
    Optional = 1,
    Repeated = 2,
}
