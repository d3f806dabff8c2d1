using MiniSpark.Formats.Parquet.Thrift;

namespace MiniSpark.Formats.Parquet.Metadata;

/// <summary>parquet.thrift <c>LogicalType</c> union, flattened into the kind plus the parameters of its member.</summary>
internal sealed class LogicalType
{
    public LogicalTypeKind Kind { get; init; }
    public int DecimalScale { get; init; }
    public int DecimalPrecision { get; init; }
    /// <summary>TIME and TIMESTAMP: instants (true) or local wall-clock values (false).</summary>
    public bool IsAdjustedToUtc { get; init; }
    public TimeUnit Unit { get; init; }
    public int BitWidth { get; init; }
    public bool IsSigned { get; init; }

    public static LogicalType Read(ref ThriftCompactReader reader)
    {
        LogicalTypeKind kind = LogicalTypeKind.Unrecognized;
        int scale = 0, precision = 0, bitWidth = 0;
        bool adjusted = false, signed = true;
        TimeUnit unit = TimeUnit.Unknown;
        short saved = reader.BeginStruct();
        while (reader.ReadFieldHeader(out short id, out ThriftType type))
        {
            if (type != ThriftType.Struct)
            {
                reader.Skip(type);
                continue;
            }
            kind = Enum.IsDefined((LogicalTypeKind)id) ? (LogicalTypeKind)id : LogicalTypeKind.Unrecognized;
            short inner = reader.BeginStruct();
            while (reader.ReadFieldHeader(out short fieldId, out ThriftType fieldType))
            {
                switch (kind, fieldId, fieldType)
                {
                    case (LogicalTypeKind.Decimal, 1, ThriftType.I32): scale = reader.ReadI32(); break;
                    case (LogicalTypeKind.Decimal, 2, ThriftType.I32): precision = reader.ReadI32(); break;
                    case (LogicalTypeKind.Time or LogicalTypeKind.Timestamp, 1, ThriftType.BooleanTrue or ThriftType.BooleanFalse):
                        adjusted = reader.ReadBool();
                        break;
                    case (LogicalTypeKind.Time or LogicalTypeKind.Timestamp, 2, ThriftType.Struct): unit = ReadUnit(ref reader); break;
                    case (LogicalTypeKind.Integer, 1, ThriftType.Byte): bitWidth = reader.ReadI8(); break;
                    case (LogicalTypeKind.Integer, 2, ThriftType.BooleanTrue or ThriftType.BooleanFalse): signed = reader.ReadBool(); break;
                    default: reader.Skip(fieldType); break;
                }
            }
            reader.EndStruct(inner);
        }
        reader.EndStruct(saved);
        return new LogicalType
        {
            Kind = kind, DecimalScale = scale, DecimalPrecision = precision, IsAdjustedToUtc = adjusted,
            Unit = unit, BitWidth = bitWidth, IsSigned = signed,
        };
    }

    private static TimeUnit ReadUnit(ref ThriftCompactReader reader)
    {
        TimeUnit unit = TimeUnit.Unknown;
        short saved = reader.BeginStruct();
        while (reader.ReadFieldHeader(out short id, out ThriftType type))
        {
            if (type == ThriftType.Struct && id is >= 1 and <= 3) unit = (TimeUnit)id;
            reader.Skip(type);
        }
        reader.EndStruct(saved);
        return unit;
    }

    public void Write(ThriftCompactWriter writer)
    {
        writer.BeginStruct();
        writer.BeginStructField((short)Kind);
        switch (Kind)
        {
            case LogicalTypeKind.Decimal:
                writer.WriteI32Field(1, DecimalScale);
                writer.WriteI32Field(2, DecimalPrecision);
                break;
            case LogicalTypeKind.Time or LogicalTypeKind.Timestamp:
                writer.WriteBoolField(1, IsAdjustedToUtc);
                writer.BeginStructField(2);
                writer.WriteEmptyStructField((short)Unit);
                writer.EndStruct();
                break;
            case LogicalTypeKind.Integer:
                writer.WriteI8Field(1, (sbyte)BitWidth);
                writer.WriteBoolField(2, IsSigned);
                break;
        }
        writer.EndStruct();
        writer.EndStruct();
    }
}
