using System.Numerics;

namespace MiniSpark.Formats.Parquet.Mapping.Converters;

/// <summary>TIME(unit): time since midnight as a <see cref="TimeSpan"/> (which also allows 24:00:00 and beyond).</summary>
internal readonly struct TimeConverter<TIn>(long ticksPerUnit, long unitsPerTick) : IValueConverter<TIn, TimeSpan>
    where TIn : IBinaryInteger<TIn>
{
    public TimeSpan Convert(TIn value)
    {
        long units = long.CreateTruncating(value);
        return new TimeSpan(unitsPerTick > 1 ? units / unitsPerTick : checked(units * ticksPerUnit));
    }
}
