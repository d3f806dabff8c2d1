namespace MiniSpark.Formats.Parquet.Metadata;

/// <summary>parquet.thrift <c>TimeUnit</c> union, flattened: the field id of the member that is set.</summary>
internal enum TimeUnit
{
    Unknown = 0,
    Millis = 1,
    Micros = 2,
    Nanos = 3,
}
