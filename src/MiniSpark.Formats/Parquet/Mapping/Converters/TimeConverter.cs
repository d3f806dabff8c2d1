using System.Numerics;

namespace MiniSpark.Formats.Parquet.Mapping.Converters;

/// <summary>TIME(unit): time since midnight as a <see cref="TimeSpan"/> (which also allows 24:00:00 and beyond).</summary>
internal readonly struct TimeConverter<TIn>(long ticksPerUnit, long unitsPerTick) : IValueConverter<TIn, TimeSpan>
    where TIn : IBinaryInteger<TIn>
{
    public bool TryConvert(TIn value, out TimeSpan result)
    {
        long units = long.CreateTruncating(value);
        if (unitsPerTick > 1)
        {
            result = new TimeSpan(units / unitsPerTick);
            return true;
        }
        long high = Math.BigMul(units, ticksPerUnit, out long ticks);
        bool fits = high == (ticks >> 63); // the product fits 64 bits when the high half only extends the sign
        result = fits ? new TimeSpan(ticks) : default;
        return fits;
    }

    public string Failure(TIn value) => $"Time {value} is outside TimeSpan's range.";
}
