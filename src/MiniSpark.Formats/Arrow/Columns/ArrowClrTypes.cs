using MiniSpark.Formats.Arrow.Metadata;

namespace MiniSpark.Formats.Arrow.Columns;

/// <summary>Maps Arrow types to the .NET type their columns are decoded into, and .NET types to the Arrow type written.</summary>
internal static class ArrowClrTypes
{
    /// <summary>The storage type of <paramref name="type"/>'s columns, or null when the codec does not support it.</summary>
    public static Type? StorageType(ArrowType type) => type.Id switch
    {
        ArrowTypeId.Int => (type.BitWidth, type.IsSigned) switch
        {
            (8, true) => typeof(sbyte),
            (16, true) => typeof(short),
            (32, true) => typeof(int),
            (64, true) => typeof(long),
            (8, false) => typeof(byte),
            (16, false) => typeof(ushort),
            (32, false) => typeof(uint),
            (64, false) => typeof(ulong),
            _ => null,
        },
        ArrowTypeId.FloatingPoint => type.BitWidth switch { 16 => typeof(Half), 32 => typeof(float), 64 => typeof(double), _ => null },
        ArrowTypeId.Bool => typeof(bool),
        ArrowTypeId.Utf8 or ArrowTypeId.LargeUtf8 => typeof(string),
        ArrowTypeId.Binary or ArrowTypeId.LargeBinary => typeof(byte[]),
        ArrowTypeId.Date when type.BitWidth is 32 or 64 => typeof(DateOnly),
        ArrowTypeId.Timestamp => typeof(DateTime),
        ArrowTypeId.Decimal when type.BitWidth is 128 or 256 => typeof(decimal),
        _ => null,
    };

    /// <summary>The Arrow type a property of storage type <paramref name="clrType"/> is written as, or null.</summary>
    public static ArrowType? WriteType(Type clrType, int decimalPrecision, int decimalScale)
    {
        if (clrType == typeof(int)) return ArrowType.Int32;
        if (clrType == typeof(long)) return ArrowType.Int64;
        if (clrType == typeof(float)) return ArrowType.Float32;
        if (clrType == typeof(double)) return ArrowType.Float64;
        if (clrType == typeof(bool)) return ArrowType.Bool;
        if (clrType == typeof(string)) return ArrowType.Utf8;
        if (clrType == typeof(byte[])) return ArrowType.Binary;
        if (clrType == typeof(DateTime)) return ArrowType.Timestamp(ArrowTimeUnit.Microsecond, "UTC");
        if (clrType == typeof(DateOnly)) return ArrowType.Date32;
        if (clrType == typeof(decimal)) return ArrowType.Decimal128(decimalPrecision, decimalScale);
        if (clrType == typeof(short)) return ArrowType.Int16;
        if (clrType == typeof(sbyte)) return ArrowType.Int8;
        if (clrType == typeof(byte)) return ArrowType.UInt8;
        if (clrType == typeof(ushort)) return ArrowType.UInt16;
        if (clrType == typeof(uint)) return ArrowType.UInt32;
        if (clrType == typeof(ulong)) return ArrowType.UInt64;
        if (clrType == typeof(Half)) return ArrowType.Float16;
        return null;
    }
}
