using MiniSpark.Tests.Fakes;

namespace MiniSpark.Tests.Operators;

public sealed class RangePartitionerTests
{
    private sealed record Unordered(int Id);

    private static readonly IComparer<CollidingKey> ById = Comparer<CollidingKey>.Create((a, b) => a.Id.CompareTo(b.Id));

    private static int[] PartitionSizes<K>(Partitioner partitioner, IEnumerable<K> keys)
    {
        var sizes = new int[partitioner.NumPartitions];
        foreach (K key in keys) sizes[partitioner.GetPartition(key)]++;
        return sizes;
    }

    private static void AssertBalanced(int[] sizes, double tolerance)
    {
        double average = sizes.Average();
        Assert.All(sizes, size => Assert.InRange(size, average * (1 - tolerance), average * (1 + tolerance)));
    }

    [Theory]
    [InlineData(1, 8)]
    [InlineData(4, 8)]
    [InlineData(8, 3)]
    [InlineData(3, 100)]
    public void UniformKeys_RequestedPartitions_BalancedAndOrdered(int inputPartitions, int partitions)
    {
        using var sc = new SparkContext("local[2]", "test");
        int[] keys = TestData.Ints(20_000, seed: 1, maxValue: 1_000_000);
        Rdd<(int, int)> pairs = sc.Parallelize(keys.Select(k => (k, 0)), inputPartitions);

        RangePartitioner<int> partitioner = RangePartitioner.Create(partitions, pairs);

        Assert.Equal(partitions, partitioner.NumPartitions);
        Assert.True(partitioner.Ascending);
        Assert.Equal(partitioner.Bounds.Order(), partitioner.Bounds);
        Assert.Equal(partitioner.Bounds.Count, partitioner.Bounds.Distinct().Count());
        AssertBalanced(PartitionSizes(partitioner, keys), tolerance: 0.5);
        int[] placed = [.. keys.Order().Select(k => partitioner.GetPartition(k))];
        Assert.Equal(placed.Order(), placed); // ordered keys, non-decreasing partitions
    }

    [Fact]
    public void Descending_NumbersTheSameRangesFromTheOtherEnd()
    {
        using var sc = new SparkContext("local[2]", "test");
        Rdd<(int, int)> pairs = sc.Parallelize(TestData.Ints(5000, seed: 2).Select(k => (k, 0)), 4);

        RangePartitioner<int> up = RangePartitioner.Create(6, pairs);
        RangePartitioner<int> down = RangePartitioner.Create(6, pairs, ascending: false);

        Assert.Equal(up.Bounds, down.Bounds);
        Assert.NotEqual<Partitioner>(up, down);
        foreach (int key in TestData.Ints(500, seed: 3))
            Assert.Equal(up.NumPartitions - 1 - up.GetPartition(key), down.GetPartition(key));
    }

    [Fact]
    public void SkewedKeys_HeavyKeyInOnePartition_OthersStillSpread()
    {
        using var sc = new SparkContext("local[2]", "test");
        (int Key, int Value)[] data = TestData.SkewedPairs(10_000, seed: 4);

        RangePartitioner<int> partitioner = RangePartitioner.Create(8, sc.Parallelize(data, 4));

        // Duplicate bounds are skipped: fewer partitions than asked, never an empty range for the heavy key alone.
        Assert.InRange(partitioner.NumPartitions, 2, 8);
        Assert.Equal(partitioner.Bounds.Count, partitioner.Bounds.Distinct().Count());
        Assert.Single(data.Where(p => p.Key == 7).Select(p => partitioner.GetPartition(p.Key)).Distinct());
    }

    [Fact]
    public void ImbalancedInputPartitions_AreResampled_InASecondJob_AndOutputIsBalanced()
    {
        using var sc = new SparkContext("local[2]", "test");
        var listener = RecordingListener.On(sc);
        // One input partition holds 95% of the records: its 3x-oversampled reservoir is too small for its weight.
        int[] big = TestData.Ints(19_000, seed: 5, maxValue: 1_000_000);
        int[] small = TestData.Ints(1000, seed: 6, maxValue: 1_000_000);
        Rdd<(int, int)> pairs = sc.Union(sc.Parallelize(big, 1), sc.Parallelize(small, 9)).Map(k => (k, 0));

        RangePartitioner<int> partitioner = RangePartitioner.Create(10, pairs);

        sc.FlushEvents();
        Assert.Equal(2, listener.Of<SparkListenerJobStart>().Count());
        Assert.Equal(10, partitioner.NumPartitions);
        AssertBalanced(PartitionSizes(partitioner, big.Concat(small)), tolerance: 0.5);
    }

    [Fact]
    public void SameDataTwice_EqualPartitioners()
    {
        using var sc = new SparkContext("local[2]", "test");
        Rdd<(int, int)> pairs = sc.Parallelize(TestData.Pairs(3000, 1000, seed: 7), 5);

        RangePartitioner<int> first = RangePartitioner.Create(4, pairs);
        RangePartitioner<int> second = RangePartitioner.Create(4, pairs);

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Fact]
    public void Equality_NeedsSameBoundsDirectionAndComparer()
    {
        var a = new RangePartitioner<string>(["b", "m"]);
        Assert.Equal(a, new RangePartitioner<string>(["b", "m"], comparer: Comparer<string>.Default));
        Assert.Equal(a.GetHashCode(), new RangePartitioner<string>(["b", "m"]).GetHashCode());
        Assert.NotEqual(a, new RangePartitioner<string>(["b", "n"]));
        Assert.NotEqual(a, new RangePartitioner<string>(["b"]));
        Assert.NotEqual(a, new RangePartitioner<string>(["b", "m"], ascending: false));
        Assert.NotEqual(a, new RangePartitioner<string>(["b", "m"], comparer: StringComparer.OrdinalIgnoreCase));
        Assert.False(a.Equals(new HashPartitioner(3)));
        Assert.False(new HashPartitioner(3).Equals(a));
    }

    [Fact]
    public void GetPartition_BoundsAreInclusiveUpperLimits()
    {
        var partitioner = new RangePartitioner<int>([10, 20, 30]);

        Assert.Equal(4, partitioner.NumPartitions);
        Assert.Equal([0, 0, 1, 1, 2, 3, 3], new object[] { -5, 10, 11, 20, 30, 31, int.MaxValue }.Select(partitioner.GetPartition));
        var down = new RangePartitioner<int>([10, 20, 30], ascending: false);
        Assert.Equal([3, 3, 2, 2, 1, 0], new object[] { -5, 10, 11, 20, 30, 31 }.Select(down.GetPartition));
    }

    [Fact]
    public void ManyBounds_BinarySearchAgreesWithLinearScan()
    {
        int[] bounds = [.. Enumerable.Range(0, 1000).Select(i => i * 7)];
        var partitioner = new RangePartitioner<int>(bounds);

        foreach (int key in TestData.Ints(2000, seed: 8, maxValue: 8000))
            Assert.Equal(bounds.Count(b => b < key), partitioner.GetPartition(key));
    }

    [Fact]
    public void NullKeys_SortFirstAscending_LastDescending()
    {
        using var sc = new SparkContext("local[2]", "test");
        Rdd<(string?, int)> pairs = sc.Parallelize(TestData.NullKeyPairs(2000, seed: 9), 3);

        RangePartitioner<string?> up = RangePartitioner.Create(4, pairs, comparer: StringComparer.Ordinal);
        RangePartitioner<string?> down = RangePartitioner.Create(4, pairs, ascending: false, comparer: StringComparer.Ordinal);

        Assert.Equal(0, up.GetPartition(null));
        Assert.Equal(down.NumPartitions - 1, down.GetPartition(null));
    }

    [Fact]
    public void CustomComparer_OrdersAndPlacesByIt()
    {
        using var sc = new SparkContext("local[2]", "test");
        (string Key, int Value)[] data = TestData.MixedCasePairs(3000, seed: 10);

        RangePartitioner<string> partitioner = RangePartitioner.Create(4, sc.Parallelize(data, 3), comparer: StringComparer.OrdinalIgnoreCase);

        Assert.Same(StringComparer.OrdinalIgnoreCase, partitioner.Comparer);
        // Keys the comparer calls equal ("KEY3", "key3") share a partition.
        foreach (IGrouping<string, (string Key, int Value)> group in data.GroupBy(p => p.Key, StringComparer.OrdinalIgnoreCase))
            Assert.Single(group.Select(p => partitioner.GetPartition(p.Key)).Distinct());
    }

    [Fact]
    public void CollidingHashCodes_DoNotMatter_OnlyTheComparer()
    {
        using var sc = new SparkContext("local[2]", "test");
        (CollidingKey Key, int Value)[] data = TestData.CollidingPairs(3000, seed: 11);

        RangePartitioner<CollidingKey> partitioner = RangePartitioner.Create(3, sc.Parallelize(data, 4), comparer: ById);

        Assert.Equal(3, partitioner.NumPartitions);
        int[] placed = [.. data.Select(p => p.Key).OrderBy(k => k.Id).Select(k => partitioner.GetPartition(k))];
        Assert.Equal(placed.Order(), placed);
    }

    [Theory]
    [InlineData(0, 4)]
    [InlineData(1, 4)]
    [InlineData(5, 0)]
    public void EmptyData_OrOnePartitionAsked_OnePartition(int partitions, int records)
    {
        using var sc = new SparkContext("local[2]", "test");

        RangePartitioner<int> partitioner = RangePartitioner.Create(partitions, sc.Parallelize(TestData.Pairs(records, 10, seed: 12), 3));

        Assert.Equal(1, partitioner.NumPartitions);
        Assert.Empty(partitioner.Bounds);
        Assert.Equal(0, partitioner.GetPartition(42));
        Assert.Equal(1, RangePartitioner.Create(5, sc.EmptyRdd<(int, int)>()).NumPartitions);
    }

    [Fact]
    public void FewerDistinctKeysThanPartitions_AtMostOneBoundPerKey()
    {
        using var sc = new SparkContext("local[2]", "test");

        RangePartitioner<int> partitioner = RangePartitioner.Create(10, sc.Parallelize(TestData.Pairs(100, 3, seed: 13), 4));

        // As in Spark, every distinct key may become a bound, leaving the range above the last one empty.
        Assert.InRange(partitioner.Bounds.Count, 1, 3);
        Assert.Equal(partitioner.Bounds.Count + 1, partitioner.NumPartitions);
    }

    [Fact]
    public async Task CreateAsync_SameAsCreate()
    {
        using var sc = new SparkContext("local[2]", "test");
        Rdd<(int, int)> pairs = sc.Parallelize(TestData.Pairs(2000, 500, seed: 14), 4);

        Assert.Equal(RangePartitioner.Create(5, pairs), await RangePartitioner.CreateAsync(5, pairs));
    }

    [Fact]
    public void BadArguments_Throw()
    {
        using var sc = new SparkContext("local[2]", "test");
        Assert.Throws<ArgumentOutOfRangeException>(() => RangePartitioner.Create(-1, sc.Parallelize(new[] { (1, 1) })));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            RangePartitioner.Create(2, sc.Parallelize(new[] { (1, 1) }), samplePointsPerPartition: 0));
        Assert.Throws<ArgumentException>(() => RangePartitioner.Create(2, sc.Parallelize(new[] { (new Unordered(1), 1) })));
        Assert.Throws<ArgumentException>(() => new RangePartitioner<int>([3, 3]));
        Assert.Throws<ArgumentException>(() => new RangePartitioner<int>([3, 1]));
        Assert.Throws<ArgumentException>(() => new RangePartitioner<int>([1]).GetPartition("one"));
        Assert.Throws<ArgumentException>(() => new RangePartitioner<int>([1]).GetPartition(null));
        Assert.Equal(0, new RangePartitioner<int?>([1]).GetPartition(null));
    }

    [Fact]
    public void DetermineBounds_CutsByCumulativeWeight()
    {
        // Weights 1 except key 5 (weight 6): half the total weight (12) is reached at key 5.
        int[] keys = [9, 1, 5, 3, 7, 2, 8];
        float[] weights = [1, 1, 6, 1, 1, 1, 1];
        Assert.Equal([5], RangePartitioner<int>.DetermineBounds(keys, weights, 2, Comparer<int>.Default));
        Assert.Equal([2, 4, 7], RangePartitioner<int>.DetermineBounds([1, 2, 5, 3, 7, 8, 9, 4], [1, 1, 1, 1, 1, 1, 1, 1], 4,
            Comparer<int>.Default));
        // A repeated key is a bound once: fewer bounds rather than an empty range.
        Assert.Equal([1, 2], RangePartitioner<int>.DetermineBounds([1, 1, 1, 1, 2], [1, 1, 1, 1, 1], 4, Comparer<int>.Default));
    }
}
