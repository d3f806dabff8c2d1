namespace MiniSpark.Formats.Parquet.Mapping.Converters;

/// <summary>TIMESTAMP(unit): units since the Unix epoch; UTC instants get <see cref="DateTimeKind.Utc"/>, local ones Unspecified.</summary>
/// <remarks>Nanoseconds are truncated towards negative infinity to DateTime's 100 ns ticks.</remarks>
internal readonly struct TimestampConverter(long ticksPerUnit, long unitsPerTick, DateTimeKind kind) : IValueConverter<long, DateTime>
{
    private const long UnixEpochTicks = 621_355_968_000_000_000L;
    private static readonly long MaxTicks = DateTime.MaxValue.Ticks;

    public DateTime Convert(long value)
    {
        Int128 ticks = unitsPerTick > 1
            ? (Int128)Math.DivRem(value, unitsPerTick, out long rest) - (rest < 0 ? 1 : 0)
            : (Int128)value * ticksPerUnit;
        ticks += UnixEpochTicks;
        if (ticks < 0 || ticks > MaxTicks) throw new OverflowException($"Timestamp {value} is outside DateTime's range.");
        return new DateTime((long)ticks, kind);
    }

    public static TimestampConverter Millis(DateTimeKind kind) => new(TimeSpan.TicksPerMillisecond, 1, kind);
    public static TimestampConverter Micros(DateTimeKind kind) => new(TimeSpan.TicksPerMicrosecond, 1, kind);
    public static TimestampConverter Nanos(DateTimeKind kind) => new(1, 100, kind);
}
