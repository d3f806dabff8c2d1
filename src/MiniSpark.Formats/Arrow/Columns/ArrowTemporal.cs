using MiniSpark.Formats.Arrow.Metadata;

namespace MiniSpark.Formats.Arrow.Columns;

/// <summary>Converts dates and timestamps between .NET values and Arrow's counts since the Unix epoch.</summary>
/// <remarks>
/// <see cref="DateTime"/> has 100 ns ticks: writing at a coarser unit floors (so pre-1970 values do not round toward the
/// epoch), reading nanoseconds floors to ticks. A <see cref="DateTimeKind.Local"/> value is converted to UTC before
/// writing; <see cref="DateTimeKind.Unspecified"/> is taken as UTC. Values outside the .NET ranges fail the read.
/// </remarks>
internal static class ArrowTemporal
{
    private const int EpochDayNumber = 719_162; // new DateOnly(1970, 1, 1).DayNumber
    private const long MillisecondsPerDay = 86_400_000;
    private static readonly long EpochTicks = DateTime.UnixEpoch.Ticks;
    private static readonly int MaxDayNumber = DateOnly.MaxValue.DayNumber;

    public static int ToDays(DateOnly date) => date.DayNumber - EpochDayNumber;

    public static long ToMilliseconds(DateOnly date) => ToDays(date) * MillisecondsPerDay;

    public static bool TryFromDays(long days, out DateOnly date)
    {
        long dayNumber = days + EpochDayNumber;
        date = default;
        if (days < -EpochDayNumber || dayNumber > MaxDayNumber) return false;
        date = DateOnly.FromDayNumber((int)dayNumber);
        return true;
    }

    public static bool TryFromMilliseconds(long milliseconds, out DateOnly date)
    {
        long days = Math.DivRem(milliseconds, MillisecondsPerDay, out long remainder);
        return TryFromDays(remainder < 0 ? days - 1 : days, out date);
    }

    /// <summary>Ticks per <paramref name="unit"/>, or 0 for nanoseconds (1/100 tick).</summary>
    private static long TicksPer(ArrowTimeUnit unit) => unit switch
    {
        ArrowTimeUnit.Second => TimeSpan.TicksPerSecond,
        ArrowTimeUnit.Millisecond => TimeSpan.TicksPerMillisecond,
        ArrowTimeUnit.Microsecond => TimeSpan.TicksPerMicrosecond,
        _ => 0,
    };

    public static long ToUnits(DateTime value, ArrowTimeUnit unit)
    {
        if (value.Kind == DateTimeKind.Local) value = value.ToUniversalTime();
        long ticks = value.Ticks - EpochTicks;
        long per = TicksPer(unit);
        if (per == 0) return checked(ticks * 100);
        long quotient = Math.DivRem(ticks, per, out long remainder);
        return remainder < 0 ? quotient - 1 : quotient;
    }

    public static bool TryFromUnits(long value, ArrowTimeUnit unit, DateTimeKind kind, out DateTime result)
    {
        result = default;
        long per = TicksPer(unit);
        long ticks;
        if (per == 0)
        {
            long quotient = Math.DivRem(value, 100, out long remainder);
            ticks = remainder < 0 ? quotient - 1 : quotient;
        }
        else
        {
            Int128 wide = (Int128)value * per;
            if (wide < -EpochTicks || wide > DateTime.MaxValue.Ticks - EpochTicks) return false;
            ticks = (long)wide;
        }
        ticks += EpochTicks;
        if (ticks < 0 || ticks > DateTime.MaxValue.Ticks) return false;
        result = new DateTime(ticks, kind);
        return true;
    }
}
