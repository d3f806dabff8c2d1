namespace MiniSpark.Formats.Parquet.Writing;

/// <summary>The column types MiniSpark writes, each with one fixed physical and logical Parquet type.</summary>
internal enum ParquetType
{
    /// <summary>BOOLEAN.</summary>
    Boolean,
    /// <summary>INT32.</summary>
    Int32,
    /// <summary>INT64.</summary>
    Int64,
    /// <summary>FLOAT.</summary>
    Float,
    /// <summary>DOUBLE.</summary>
    Double,
    /// <summary>BYTE_ARRAY annotated STRING (UTF-8).</summary>
    String,
    /// <summary>BYTE_ARRAY, unannotated.</summary>
    Binary,
    /// <summary>INT64 TIMESTAMP(isAdjustedToUTC = true, MICROS): a <see cref="System.DateTime"/> instant.</summary>
    Timestamp,
    /// <summary>INT32 DATE: days since 1970-01-01, a <see cref="System.DateOnly"/>.</summary>
    Date,
    /// <summary>DECIMAL(precision, scale) in INT32, INT64 or FIXED_LEN_BYTE_ARRAY by precision.</summary>
    Decimal,
}
