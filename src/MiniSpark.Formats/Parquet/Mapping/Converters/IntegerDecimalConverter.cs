using System.Numerics;

namespace MiniSpark.Formats.Parquet.Mapping.Converters;

/// <summary>DECIMAL stored in INT32 or INT64: the unscaled value and the column's scale.</summary>
internal readonly struct IntegerDecimalConverter<TIn>(int scale) : IValueConverter<TIn, decimal>
    where TIn : IBinaryInteger<TIn>
{
    public decimal Convert(TIn value) => DecimalDecoding.FromUnscaled(Int128.CreateTruncating(value), scale);
}
