namespace MiniSpark.Formats.Arrow.Metadata;

/// <summary>An Arrow logical type: the union tag plus the parameters the supported types use.</summary>
/// <remarks>
/// One record instead of a class per type: the codec supports flat columns only, and a few parameters cover them.
/// <see cref="BitWidth"/> is the Int width, the float width (16/32/64), the Decimal width (128/256) and the Date
/// width (32 = days, 64 = milliseconds). Unsupported types still round-trip through metadata so errors can name them.
/// </remarks>
internal sealed record ArrowType(
    ArrowTypeId Id,
    int BitWidth = 0,
    bool IsSigned = false,
    int Precision = 0,
    int Scale = 0,
    ArrowTimeUnit Unit = ArrowTimeUnit.Second,
    string? TimeZone = null)
{
    public static ArrowType Int8 { get; } = new(ArrowTypeId.Int, 8, true);
    public static ArrowType Int16 { get; } = new(ArrowTypeId.Int, 16, true);
    public static ArrowType Int32 { get; } = new(ArrowTypeId.Int, 32, true);
    public static ArrowType Int64 { get; } = new(ArrowTypeId.Int, 64, true);
    public static ArrowType UInt8 { get; } = new(ArrowTypeId.Int, 8, false);
    public static ArrowType UInt16 { get; } = new(ArrowTypeId.Int, 16, false);
    public static ArrowType UInt32 { get; } = new(ArrowTypeId.Int, 32, false);
    public static ArrowType UInt64 { get; } = new(ArrowTypeId.Int, 64, false);
    public static ArrowType Float16 { get; } = new(ArrowTypeId.FloatingPoint, 16);
    public static ArrowType Float32 { get; } = new(ArrowTypeId.FloatingPoint, 32);
    public static ArrowType Float64 { get; } = new(ArrowTypeId.FloatingPoint, 64);
    public static ArrowType Bool { get; } = new(ArrowTypeId.Bool);
    public static ArrowType Utf8 { get; } = new(ArrowTypeId.Utf8);
    public static ArrowType Binary { get; } = new(ArrowTypeId.Binary);
    public static ArrowType LargeUtf8 { get; } = new(ArrowTypeId.LargeUtf8);
    public static ArrowType LargeBinary { get; } = new(ArrowTypeId.LargeBinary);
    public static ArrowType Date32 { get; } = new(ArrowTypeId.Date, 32);
    public static ArrowType Date64 { get; } = new(ArrowTypeId.Date, 64);

    public static ArrowType Timestamp(ArrowTimeUnit unit, string? timeZone = "UTC") =>
        new(ArrowTypeId.Timestamp, 64, Unit: unit, TimeZone: timeZone);

    public static ArrowType Decimal128(int precision, int scale) => new(ArrowTypeId.Decimal, 128, true, precision, scale);

    public override string ToString() => Id switch
    {
        ArrowTypeId.Int => $"{(IsSigned ? "Int" : "UInt")}{BitWidth}",
        ArrowTypeId.FloatingPoint => $"Float{BitWidth}",
        ArrowTypeId.Decimal => $"Decimal{BitWidth}({Precision}, {Scale})",
        ArrowTypeId.Date => BitWidth == 32 ? "Date32(DAY)" : "Date64(MILLISECOND)",
        ArrowTypeId.Timestamp => $"Timestamp({Unit}, {TimeZone ?? "naive"})",
        _ => Id.ToString(),
    };
}
