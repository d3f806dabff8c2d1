namespace MiniSpark.Formats.Parquet.Metadata;

/// <summary>The member of the parquet.thrift <c>LogicalType</c> union that is set (its field id).</summary>
internal enum LogicalTypeKind
{
    /// <summary>A member this reader does not know; such columns are read by physical type or refused.</summary>
    Unrecognized = 0,
    String = 1,
    Map = 2,
    List = 3,
    Enum = 4,
    Decimal = 5,
    Date = 6,
    Time = 7,
    Timestamp = 8,
    Integer = 10,
    Unknown = 11,
    Json = 12,
    Bson = 13,
    Uuid = 14,
    Float16 = 15,
    Variant = 16,
    Geometry = 17,
    Geography = 18,
}
