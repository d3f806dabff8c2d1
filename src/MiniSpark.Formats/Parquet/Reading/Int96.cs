using System.Runtime.InteropServices;

namespace MiniSpark.Formats.Parquet.Reading;

/// <summary>A legacy INT96 timestamp (Impala, old Spark): nanoseconds within the day, then the Julian day number.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal readonly struct Int96
{
    private const int JulianDayOfUnixEpoch = 2_440_588;
    private const long UnixEpochTicks = 621_355_968_000_000_000L;

    public readonly long NanosOfDay;
    public readonly int JulianDay;

    /// <summary>The instant as a UTC <see cref="DateTime"/> (100 ns precision); false when out of DateTime's range.</summary>
    public bool TryToDateTime(out DateTime value)
    {
        Int128 ticks = (Int128)(JulianDay - (long)JulianDayOfUnixEpoch) * TimeSpan.TicksPerDay + NanosOfDay / 100 + UnixEpochTicks;
        if (ticks < 0 || ticks > DateTime.MaxValue.Ticks)
        {
            value = default;
            return false;
        }
        value = new DateTime((long)ticks, DateTimeKind.Utc);
        return true;
    }
}
