using System.Numerics;

namespace MiniSpark.Formats.Parquet.Mapping.Converters;

/// <summary>DECIMAL stored in INT32 or INT64: the unscaled value and the column's scale.</summary>
internal readonly struct IntegerDecimalConverter<TIn>(int scale) : IValueConverter<TIn, decimal>
    where TIn : IBinaryInteger<TIn>
{
    public bool TryConvert(TIn value, out decimal result)
    {
        // Every 64-bit magnitude fits decimal's 96 bits, so only scales beyond decimal's 28 need the general path (which
        // drops digits, never the integer part: the value stays in range).
        if (scale is < 0 or > 28) return DecimalDecoding.TryFromUnscaled(Int128.CreateTruncating(value), scale, out result);
        long unscaled = long.CreateTruncating(value);
        ulong magnitude = unscaled < 0 ? unchecked((ulong)-unscaled) : (ulong)unscaled; // long.MinValue negates to 2^63
        result = new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, unscaled < 0, (byte)scale);
        return true;
    }

    public string Failure(TIn value) => DecimalDecoding.OutOfRange;
}
