namespace MiniSpark.Tests.Sources;

public sealed class RangeTests
{
    // The reference: the arithmetic sequence computed with Int128, so it cannot overflow.
    private static long[] Expected(long start, long end, long step)
    {
        var values = new List<long>();
        for (Int128 v = start; step > 0 ? v < end : v > end; v += step) values.Add((long)v);
        return [.. values];
    }

    [Theory]
    [InlineData(0L, 10L, 1L, 2)]
    [InlineData(0L, 10L, 3L, 3)]
    [InlineData(10L, 0L, -3L, 2)]
    [InlineData(-5L, 5L, 2L, 4)]
    [InlineData(5L, -5L, -1L, 3)]
    [InlineData(0L, 1000L, 7L, 7)]
    [InlineData(0L, 3L, 1L, 8)] // more partitions than elements
    [InlineData(0L, 1L, 1L, 1)]
    public void Collect_MatchesTheArithmeticSequence(long start, long end, long step, int numSlices)
    {
        using var sc = new SparkContext("local[2]", "test");
        Rdd<long> range = sc.Range(start, end, step, numSlices);

        Assert.Equal(numSlices, range.NumPartitions);
        Assert.Equal(Expected(start, end, step), range.Collect());
        Assert.Equal(Expected(start, end, step).Length, range.Count());
    }

    [Theory]
    [InlineData(0L, 0L, 1L)]
    [InlineData(5L, 5L, -1L)]
    [InlineData(5L, 0L, 1L)] // positive step away from the end
    [InlineData(0L, 5L, -1L)] // negative step away from the end
    [InlineData(long.MaxValue, long.MinValue, 1L)]
    public void EmptyRange_HasNoElements(long start, long end, long step)
    {
        using var sc = new SparkContext("local[2]", "test");
        Rdd<long> range = sc.Range(start, end, step, 3);

        Assert.Empty(range.Collect());
        Assert.Equal(0, range.Count());
        Assert.True(range.IsEmpty());
    }

    [Fact]
    public void Slices_FollowSparkPositions()
    {
        using var sc = new SparkContext("local[2]", "test");
        long[][] slices = sc.Range(0, 10, 1, 3).Glom().Collect();

        Assert.Equal([[0, 1, 2], [3, 4, 5], [6, 7, 8, 9]], slices);
    }

    [Theory]
    [InlineData(long.MaxValue - 5, long.MaxValue, 1L, 4)]
    [InlineData(long.MaxValue - 10, long.MaxValue, 3L, 2)]
    [InlineData(long.MinValue, long.MinValue + 4, 1L, 3)]
    [InlineData(long.MinValue + 10, long.MinValue, -3L, 2)]
    [InlineData(long.MaxValue, long.MaxValue - 7, -2L, 3)]
    [InlineData(long.MinValue, long.MaxValue, long.MaxValue, 3)] // min, -1, max - 1: offsets overflow a long
    [InlineData(long.MaxValue, long.MinValue, long.MinValue, 2)] // max, -1
    [InlineData(0L, long.MinValue, long.MinValue, 2)] // 0 only: min itself is the exclusive end
    [InlineData(-1L, long.MinValue, long.MinValue, 1)] // -1 only: the next value would overflow
    public void LongEdges_NeverOverflow(long start, long end, long step, int numSlices)
    {
        using var sc = new SparkContext("local[2]", "test");

        Assert.Equal(Expected(start, end, step), sc.Range(start, end, step, numSlices).Collect());
    }

    [Fact]
    public void StepZero_ThrowsArgumentException()
    {
        using var sc = new SparkContext("local[2]", "test");
        var error = Assert.Throws<ArgumentException>(() => sc.Range(0, 10, 0));
        Assert.Equal("step", error.ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void NonPositiveSliceCount_ThrowsArgumentOutOfRange(int numSlices)
    {
        using var sc = new SparkContext("local[2]", "test");
        Assert.Throws<ArgumentOutOfRangeException>(() => sc.Range(0, 10, 1, numSlices));
    }

    [Fact]
    public void DefaultStepAndSlices_AreOneAndDefaultParallelism()
    {
        using var sc = new SparkContext("local[3]", "test");
        Rdd<long> range = sc.Range(0, 5);

        Assert.Equal(3, range.NumPartitions);
        Assert.Equal([0, 1, 2, 3, 4], range.Collect());
    }

    [Fact]
    public void IsLazy_ComposesWithTransformations()
    {
        using var sc = new SparkContext("local[2]", "test");
        long[] expected = [.. Expected(0, 10_000, 1).Where(x => x % 3 == 0).Select(x => x * 2)];

        Assert.Equal(expected, sc.Range(0, 10_000, 1, 5).Filter(x => x % 3 == 0).Map(x => x * 2).Collect());
        Assert.Equal(expected.Sum(), sc.Range(0, 10_000, 1, 5).Filter(x => x % 3 == 0).Map(x => x * 2).Reduce((a, b) => a + b));
    }
}
