using MiniSpark.Formats.Arrow.Columns;
using MiniSpark.Formats.Arrow.Metadata;

namespace MiniSpark.Tests.Arrow;

public class ArrowValueTests
{
    [Theory]
    [InlineData("0", 38, 18, "0")]
    [InlineData("1.5", 38, 18, "1500000000000000000")]
    [InlineData("-1.5", 38, 18, "-1500000000000000000")]
    [InlineData("1.005", 10, 2, "101")] // half away from zero
    [InlineData("-1.005", 10, 2, "-101")]
    [InlineData("79228162514264337593543950335", 38, 0, "79228162514264337593543950335")]
    public void Decimal_ToUnscaled(string value, int precision, int scale, string expected)
    {
        Assert.True(ArrowDecimal.TryToUnscaled(decimal.Parse(value), precision, scale, out Int128 unscaled));
        Assert.Equal(Int128.Parse(expected), unscaled);
    }

    [Theory]
    [InlineData("100", 2, 0)]
    [InlineData("79228162514264337593543950335", 38, 18)] // 10^46 does not fit Decimal128
    public void Decimal_ToUnscaled_RejectsValuesPastPrecision(string value, int precision, int scale) =>
        Assert.False(ArrowDecimal.TryToUnscaled(decimal.Parse(value), precision, scale, out _));

    [Theory]
    [InlineData("1500000000000000000", 18, "1.5")]
    [InlineData("-1", 2, "-0.01")]
    [InlineData("12345", -2, "1234500")]
    [InlineData("10000000000000000000000000000000000001", 18, "10000000000000000000")] // 38 digits round to 29
    [InlineData("15", 30, "0")] // below 10^-28
    [InlineData("-170141183460469231731687303715884105728", 38, "-1.7014118346046923173168730372")] // Int128.MinValue
    public void Decimal_FromUnscaled(string unscaled, int scale, string expected)
    {
        Assert.True(ArrowDecimal.TryFromUnscaled(Int128.Parse(unscaled), scale, out decimal value));
        Assert.Equal(decimal.Parse(expected), value);
    }

    [Theory]
    [InlineData("99999999999999999999999999999999999999", 0)]
    [InlineData("1", -30)]
    public void Decimal_FromUnscaled_RejectsTooLargeIntegers(string unscaled, int scale) =>
        Assert.False(ArrowDecimal.TryFromUnscaled(Int128.Parse(unscaled), scale, out _));

    [Fact]
    public void Timestamps_FloorToTheUnit()
    {
        DateTime justBeforeEpoch = DateTime.UnixEpoch.AddTicks(-1);
        Assert.Equal(-1, ArrowTemporal.ToUnits(justBeforeEpoch, ArrowTimeUnit.Microsecond));
        Assert.Equal(-1, ArrowTemporal.ToUnits(justBeforeEpoch, ArrowTimeUnit.Second));
        Assert.Equal(-100, ArrowTemporal.ToUnits(justBeforeEpoch, ArrowTimeUnit.Nanosecond));
        Assert.True(ArrowTemporal.TryFromUnits(-150, ArrowTimeUnit.Nanosecond, DateTimeKind.Utc, out DateTime at));
        Assert.Equal(DateTime.UnixEpoch.AddTicks(-2), at);
        Assert.False(ArrowTemporal.TryFromUnits(long.MaxValue, ArrowTimeUnit.Second, DateTimeKind.Utc, out _));
        Assert.False(ArrowTemporal.TryFromUnits(long.MinValue, ArrowTimeUnit.Microsecond, DateTimeKind.Utc, out _));
    }

    [Fact]
    public void Dates_CoverDateOnlyRangeOnly()
    {
        Assert.Equal(-719162, ArrowTemporal.ToDays(DateOnly.MinValue));
        Assert.True(ArrowTemporal.TryFromDays(ArrowTemporal.ToDays(DateOnly.MaxValue), out DateOnly max));
        Assert.Equal(DateOnly.MaxValue, max);
        Assert.False(ArrowTemporal.TryFromDays(int.MaxValue, out _));
        Assert.False(ArrowTemporal.TryFromDays(-719163, out _));
        Assert.True(ArrowTemporal.TryFromMilliseconds(-1, out DateOnly day));
        Assert.Equal(new DateOnly(1969, 12, 31), day);
    }
}
