using MiniSpark.Formats.Parquet.Metadata;

namespace MiniSpark.Formats.Parquet.Schema;

/// <summary>Works out a leaf's <see cref="ValueKind"/> from its logical type, else its converted type, else its physical type.</summary>
/// <remarks>
/// Follows LogicalTypes.md, including its backward-compatibility rules (TIMESTAMP_MILLIS/MICROS converted types
/// are UTC instants). An annotation that does not fit the physical type, or that this reader does not know, makes
/// the column unsupported rather than silently read as raw bytes.
/// </remarks>
internal static class ValueKindResolver
{
    public readonly record struct Resolution(ValueKind Kind, int Precision, int Scale, bool IsAdjustedToUtc, string? Unsupported);

    public static Resolution Resolve(SchemaElement element, PhysicalType physical)
    {
        LogicalType? logical = element.LogicalType;
        if (logical is not null)
        {
            return logical.Kind switch
            {
                LogicalTypeKind.String or LogicalTypeKind.Enum or LogicalTypeKind.Json =>
                    Require(physical is PhysicalType.ByteArray or PhysicalType.FixedLenByteArray, ValueKind.String, physical, "STRING"),
                LogicalTypeKind.Bson or LogicalTypeKind.Geometry or LogicalTypeKind.Geography =>
                    Require(physical is PhysicalType.ByteArray or PhysicalType.FixedLenByteArray, ValueKind.Binary, physical, logical.Kind.ToString().ToUpperInvariant()),
                LogicalTypeKind.Decimal => Decimal(logical.DecimalPrecision, logical.DecimalScale, physical, element),
                LogicalTypeKind.Date => Require(physical == PhysicalType.Int32, ValueKind.Date, physical, "DATE"),
                LogicalTypeKind.Time => Time(logical.Unit, logical.IsAdjustedToUtc, physical),
                LogicalTypeKind.Timestamp => Timestamp(logical.Unit, logical.IsAdjustedToUtc, physical),
                LogicalTypeKind.Integer => Integer(logical.BitWidth, logical.IsSigned, physical),
                LogicalTypeKind.Unknown => new Resolution(ValueKind.Null, 0, 0, false, null),
                LogicalTypeKind.Uuid => Require(physical == PhysicalType.FixedLenByteArray && element.TypeLength == 16, ValueKind.Uuid, physical, "UUID"),
                LogicalTypeKind.Float16 => Require(physical == PhysicalType.FixedLenByteArray && element.TypeLength == 2, ValueKind.Float16, physical, "FLOAT16"),
                // MAP and LIST belong on groups; on a leaf they say nothing about the values.
                LogicalTypeKind.Map or LogicalTypeKind.List => FromConvertedOrPhysical(element, physical),
                _ => Unsupported($"an unknown logical type ({(logical.Kind == LogicalTypeKind.Unrecognized ? "not in parquet.thrift" : logical.Kind.ToString())})"),
            };
        }
        return FromConvertedOrPhysical(element, physical);
    }

    private static Resolution FromConvertedOrPhysical(SchemaElement element, PhysicalType physical)
    {
        switch (element.ConvertedType)
        {
            case null:
            case ConvertedType.Map:
            case ConvertedType.MapKeyValue:
            case ConvertedType.List:
                break;
            case ConvertedType.Utf8:
            case ConvertedType.Enum:
            case ConvertedType.Json:
                return Require(physical is PhysicalType.ByteArray or PhysicalType.FixedLenByteArray, ValueKind.String, physical, element.ConvertedType.ToString()!.ToUpperInvariant());
            case ConvertedType.Bson:
            case ConvertedType.Interval:
                return Require(physical is PhysicalType.ByteArray or PhysicalType.FixedLenByteArray, ValueKind.Binary, physical, element.ConvertedType.ToString()!.ToUpperInvariant());
            case ConvertedType.Decimal:
                return Decimal(element.Precision ?? 0, element.Scale ?? 0, physical, element);
            case ConvertedType.Date:
                return Require(physical == PhysicalType.Int32, ValueKind.Date, physical, "DATE");
            case ConvertedType.TimeMillis:
                return Time(TimeUnit.Millis, true, physical);
            case ConvertedType.TimeMicros:
                return Time(TimeUnit.Micros, true, physical);
            case ConvertedType.TimestampMillis:
                return Timestamp(TimeUnit.Millis, true, physical);
            case ConvertedType.TimestampMicros:
                return Timestamp(TimeUnit.Micros, true, physical);
            case ConvertedType.Int8: return Integer(8, true, physical);
            case ConvertedType.Int16: return Integer(16, true, physical);
            case ConvertedType.Int32: return Integer(32, true, physical);
            case ConvertedType.Int64: return Integer(64, true, physical);
            case ConvertedType.UInt8: return Integer(8, false, physical);
            case ConvertedType.UInt16: return Integer(16, false, physical);
            case ConvertedType.UInt32: return Integer(32, false, physical);
            case ConvertedType.UInt64: return Integer(64, false, physical);
            default:
                return Unsupported($"an unknown converted type ({(int)element.ConvertedType})");
        }
        return physical switch
        {
            PhysicalType.Boolean => Ok(ValueKind.Boolean),
            PhysicalType.Int32 => Ok(ValueKind.Int32),
            PhysicalType.Int64 => Ok(ValueKind.Int64),
            PhysicalType.Int96 => Ok(ValueKind.Int96Timestamp),
            PhysicalType.Float => Ok(ValueKind.Float),
            PhysicalType.Double => Ok(ValueKind.Double),
            _ => Ok(ValueKind.Binary),
        };
    }

    private static Resolution Decimal(int precision, int scale, PhysicalType physical, SchemaElement element)
    {
        if (physical is not (PhysicalType.Int32 or PhysicalType.Int64 or PhysicalType.FixedLenByteArray or PhysicalType.ByteArray))
            return Unsupported($"DECIMAL on physical type {physical}");
        if (precision <= 0 || scale < 0 || scale > precision)
            return Unsupported($"DECIMAL with precision {precision} and scale {scale}");
        if (physical == PhysicalType.FixedLenByteArray && element.TypeLength > 64)
            return Unsupported($"DECIMAL stored in {element.TypeLength} bytes");
        return new Resolution(ValueKind.Decimal, precision, scale, false, null);
    }

    private static Resolution Time(TimeUnit unit, bool utc, PhysicalType physical) => unit switch
    {
        TimeUnit.Millis when physical == PhysicalType.Int32 => new Resolution(ValueKind.TimeMillis, 0, 0, utc, null),
        TimeUnit.Micros when physical == PhysicalType.Int64 => new Resolution(ValueKind.TimeMicros, 0, 0, utc, null),
        TimeUnit.Nanos when physical == PhysicalType.Int64 => new Resolution(ValueKind.TimeNanos, 0, 0, utc, null),
        _ => Unsupported($"TIME({unit}) on physical type {physical}"),
    };

    private static Resolution Timestamp(TimeUnit unit, bool utc, PhysicalType physical) => unit switch
    {
        _ when physical != PhysicalType.Int64 => Unsupported($"TIMESTAMP on physical type {physical}"),
        TimeUnit.Millis => new Resolution(ValueKind.TimestampMillis, 0, 0, utc, null),
        TimeUnit.Micros => new Resolution(ValueKind.TimestampMicros, 0, 0, utc, null),
        TimeUnit.Nanos => new Resolution(ValueKind.TimestampNanos, 0, 0, utc, null),
        _ => Unsupported("TIMESTAMP with an unknown unit"),
    };

    private static Resolution Integer(int bitWidth, bool signed, PhysicalType physical) => (bitWidth, signed, physical) switch
    {
        (8, true, PhysicalType.Int32) => Ok(ValueKind.Int8),
        (16, true, PhysicalType.Int32) => Ok(ValueKind.Int16),
        (32, true, PhysicalType.Int32) => Ok(ValueKind.Int32),
        (64, true, PhysicalType.Int64) => Ok(ValueKind.Int64),
        (8, false, PhysicalType.Int32) => Ok(ValueKind.UInt8),
        (16, false, PhysicalType.Int32) => Ok(ValueKind.UInt16),
        (32, false, PhysicalType.Int32) => Ok(ValueKind.UInt32),
        (64, false, PhysicalType.Int64) => Ok(ValueKind.UInt64),
        _ => Unsupported($"INTEGER({bitWidth}, {(signed ? "signed" : "unsigned")}) on physical type {physical}"),
    };

    private static Resolution Require(bool valid, ValueKind kind, PhysicalType physical, string annotation) =>
        valid ? Ok(kind) : Unsupported($"{annotation} on physical type {physical}");

    private static Resolution Ok(ValueKind kind) => new(kind, 0, 0, false, null);

    private static Resolution Unsupported(string reason) => new(ValueKind.Binary, 0, 0, false, reason);
}
