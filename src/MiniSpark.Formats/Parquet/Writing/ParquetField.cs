using MiniSpark.Formats.Parquet.Metadata;

namespace MiniSpark.Formats.Parquet.Writing;

/// <summary>One flat column to write: name, type, nullability and (for decimals) precision and scale.</summary>
internal sealed record ParquetField
{
    public ParquetField(string name, ParquetType type, bool isNullable, int decimalPrecision = 38, int decimalScale = 18)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!Enum.IsDefined(type)) throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown Parquet column type.");
        if (type == ParquetType.Decimal && (decimalPrecision is < 1 or > 38 || decimalScale < 0 || decimalScale > decimalPrecision))
            throw new ArgumentException($"Column '{name}': decimal({decimalPrecision}, {decimalScale}) needs 1 <= precision <= 38 and 0 <= scale <= precision.");
        Name = name;
        Type = type;
        IsNullable = isNullable;
        DecimalPrecision = decimalPrecision;
        DecimalScale = decimalScale;
    }

    public string Name { get; }
    public ParquetType Type { get; }
    public bool IsNullable { get; }
    public int DecimalPrecision { get; }
    public int DecimalScale { get; }

    /// <summary>The CLR type whose values a <see cref="ColumnBuffer{T}"/> for this column holds.</summary>
    public Type ClrType => Type switch
    {
        ParquetType.Boolean => typeof(bool),
        ParquetType.Int32 => typeof(int),
        ParquetType.Int64 => typeof(long),
        ParquetType.Float => typeof(float),
        ParquetType.Double => typeof(double),
        ParquetType.String => typeof(string),
        ParquetType.Binary => typeof(byte[]),
        ParquetType.Timestamp => typeof(DateTime),
        ParquetType.Date => typeof(DateOnly),
        _ => typeof(decimal),
    };

    /// <summary>The physical type the column is stored as.</summary>
    public PhysicalType PhysicalType => Type switch
    {
        ParquetType.Boolean => PhysicalType.Boolean,
        ParquetType.Int32 or ParquetType.Date => PhysicalType.Int32,
        ParquetType.Int64 or ParquetType.Timestamp => PhysicalType.Int64,
        ParquetType.Float => PhysicalType.Float,
        ParquetType.Double => PhysicalType.Double,
        ParquetType.String or ParquetType.Binary => PhysicalType.ByteArray,
        _ => DecimalPrecision <= 9 ? PhysicalType.Int32 : DecimalPrecision <= 18 ? PhysicalType.Int64 : PhysicalType.FixedLenByteArray,
    };

    /// <summary>Bytes of a FIXED_LEN_BYTE_ARRAY decimal: the fewest whose two's complement holds 10^precision - 1.</summary>
    /// <remarks>Doubles suffice: 2^(8n-1) and 10^p are never close enough to round the wrong way. 38 digits take 16 bytes.</remarks>
    public int DecimalByteWidth
    {
        get
        {
            int bytes = 1;
            while (Math.Pow(2, 8 * bytes - 1) < Math.Pow(10, DecimalPrecision)) bytes++;
            return bytes;
        }
    }

    /// <summary>The schema element that describes this column in the footer.</summary>
    public SchemaElement ToSchemaElement()
    {
        var element = new SchemaElement
        {
            Name = Name,
            Type = PhysicalType,
            RepetitionType = IsNullable ? FieldRepetitionType.Optional : FieldRepetitionType.Required,
        };
        switch (Type)
        {
            case ParquetType.String:
                element.ConvertedType = ConvertedType.Utf8;
                element.LogicalType = new LogicalType { Kind = LogicalTypeKind.String };
                break;
            case ParquetType.Timestamp:
                element.ConvertedType = ConvertedType.TimestampMicros;
                element.LogicalType = new LogicalType { Kind = LogicalTypeKind.Timestamp, IsAdjustedToUtc = true, Unit = TimeUnit.Micros };
                break;
            case ParquetType.Date:
                element.ConvertedType = ConvertedType.Date;
                element.LogicalType = new LogicalType { Kind = LogicalTypeKind.Date };
                break;
            case ParquetType.Decimal:
                element.ConvertedType = ConvertedType.Decimal;
                element.Scale = DecimalScale;
                element.Precision = DecimalPrecision;
                element.LogicalType = new LogicalType { Kind = LogicalTypeKind.Decimal, DecimalScale = DecimalScale, DecimalPrecision = DecimalPrecision };
                if (PhysicalType == PhysicalType.FixedLenByteArray) element.TypeLength = DecimalByteWidth;
                break;
        }
        return element;
    }
}
