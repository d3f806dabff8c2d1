using System.Numerics;

namespace MiniSpark.Formats.Parquet.Mapping.Converters;

/// <summary>DECIMAL stored in INT32 or INT64: the unscaled value and the column's scale.</summary>
internal readonly struct IntegerDecimalConverter<TIn>(int scale) : IValueConverter<TIn, decimal>
    where TIn : IBinaryInteger<TIn>
{
    public decimal Convert(TIn value)
    {
        // Every 64-bit magnitude fits decimal's 96 bits, so only scales beyond decimal's 28 need the general path.
        if (scale is < 0 or > 28) return DecimalDecoding.FromUnscaled(Int128.CreateTruncating(value), scale);
        long unscaled = long.CreateTruncating(value);
        ulong magnitude = unscaled < 0 ? unchecked((ulong)-unscaled) : (ulong)unscaled; // long.MinValue negates to 2^63
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, unscaled < 0, (byte)scale);
    }
}
