namespace MiniSpark.Tests.Arrow;

/// <summary>A record with every type the codec writes, nullable and not: the shared test row.</summary>
public sealed record ArrowSample(
    int Id,
    long Big,
    float Ratio,
    double Score,
    bool Flag,
    string? Name,
    byte[]? Blob,
    DateTime At,
    DateOnly Day,
    decimal Price,
    int? MaybeInt,
    long? MaybeLong,
    float? MaybeRatio,
    double? MaybeScore,
    bool? MaybeFlag,
    DateTime? MaybeAt,
    DateOnly? MaybeDay,
    decimal? MaybePrice)
{
    /// <summary>Deterministic rows: extremes first, then seeded values with a varying null pattern.</summary>
    public static List<ArrowSample> Create(int count, int seed = 42)
    {
        var random = new Random(seed);
        var rows = new List<ArrowSample>(count);
        for (int i = 0; i < count; i++)
        {
            rows.Add(i switch
            {
                0 => new ArrowSample(int.MinValue, long.MinValue, float.NaN, double.PositiveInfinity, true, "", [],
                    DateTime.UnixEpoch.AddTicks(-10), new DateOnly(1, 1, 1), -99999999999999999999.999999m,
                    int.MaxValue, long.MaxValue, float.NegativeInfinity, -0.0, false,
                    new DateTime(9999, 12, 31, 23, 59, 59, DateTimeKind.Utc), new DateOnly(9999, 12, 31), 0.000000000000000001m),
                1 => new ArrowSample(int.MaxValue, long.MaxValue, float.MaxValue, double.Epsilon, false, "héllo wörld 𝄞 ✓", [0, 1, 2, 255],
                    new DateTime(1, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateOnly(1969, 12, 31), 12345678901234567890.123456789m,
                    null, null, null, null, null, null, null, null),
                _ => Random(i, random),
            });
        }
        return rows;
    }

    private static ArrowSample Random(int i, Random random)
    {
        bool Null(int k) => (i + k) % (3 + k % 4) == 0;
        long micros = random.NextInt64(-2_000_000_000_000_000, 4_000_000_000_000_000);
        var at = DateTime.UnixEpoch.AddTicks(micros * 10);
        var day = DateOnly.FromDayNumber(random.Next(0, DateOnly.MaxValue.DayNumber));
        decimal price = decimal.Round((decimal)(random.NextDouble() - 0.5) * random.Next(1, 1_000_000_000), random.Next(0, 19));
        var blob = new byte[random.Next(0, 20)];
        random.NextBytes(blob);
        return new ArrowSample(
            i, random.NextInt64(long.MinValue, long.MaxValue), (float)(random.NextDouble() * 1000 - 500), random.NextDouble() * 1e300,
            i % 2 == 0, Null(1) ? null : $"name-{i}-{new string('x', i % 17)}", Null(2) ? null : blob, at, day, price,
            Null(3) ? null : random.Next(), Null(4) ? null : random.NextInt64(), Null(5) ? null : (float)random.NextDouble(),
            Null(6) ? null : random.NextDouble(), Null(7) ? null : i % 3 == 0, Null(8) ? null : at.AddDays(1),
            Null(9) ? null : day.AddDays(-1), Null(10) ? null : -price);
    }
}
