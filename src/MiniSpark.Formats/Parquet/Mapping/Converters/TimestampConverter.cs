namespace MiniSpark.Formats.Parquet.Mapping.Converters;

/// <summary>TIMESTAMP(unit): units since the Unix epoch; UTC instants get <see cref="DateTimeKind.Utc"/>, local ones Unspecified.</summary>
/// <remarks>Nanoseconds are truncated towards negative infinity to DateTime's 100 ns ticks. The range DateTime can hold is
/// worked out once, in units, so a value costs one comparison pair and one multiply.</remarks>
internal readonly struct TimestampConverter : IValueConverter<long, DateTime>
{
    private const long UnixEpochTicks = 621_355_968_000_000_000L;
    private static readonly long MaxTicks = DateTime.MaxValue.Ticks;

    private readonly long _ticksPerUnit;
    private readonly long _unitsPerTick;
    private readonly DateTimeKind _kind;
    private readonly long _minUnits;
    private readonly long _maxUnits;

    public TimestampConverter(long ticksPerUnit, long unitsPerTick, DateTimeKind kind)
    {
        _ticksPerUnit = ticksPerUnit;
        _unitsPerTick = unitsPerTick;
        _kind = kind;
        // Ticks from the epoch lie in [-UnixEpochTicks, MaxTicks - UnixEpochTicks]; for units coarser than a tick, the
        // units whose ticks do (rounded inwards); for nanoseconds every long, checked after dividing.
        _minUnits = unitsPerTick > 1 ? long.MinValue : -(UnixEpochTicks / ticksPerUnit);
        _maxUnits = unitsPerTick > 1 ? long.MaxValue : (MaxTicks - UnixEpochTicks) / ticksPerUnit;
    }

    public bool TryConvert(long value, out DateTime result)
    {
        result = default;
        if (value < _minUnits || value > _maxUnits) return false;
        long ticks;
        if (_unitsPerTick > 1)
        {
            ticks = Math.DivRem(value, _unitsPerTick, out long rest) - (rest < 0 ? 1 : 0) + UnixEpochTicks;
            if (ticks < 0 || ticks > MaxTicks) return false;
        }
        else
        {
            ticks = value * _ticksPerUnit + UnixEpochTicks;
        }
        result = new DateTime(ticks, _kind);
        return true;
    }

    public string Failure(long value) => $"Timestamp {value} is outside DateTime's range.";

    public static TimestampConverter Millis(DateTimeKind kind) => new(TimeSpan.TicksPerMillisecond, 1, kind);
    public static TimestampConverter Micros(DateTimeKind kind) => new(TimeSpan.TicksPerMicrosecond, 1, kind);
    public static TimestampConverter Nanos(DateTimeKind kind) => new(1, 100, kind);
}
