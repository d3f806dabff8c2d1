namespace MiniSpark.Tests.Operators;

public sealed class CombineByKeyTests
{
    // The combiner: (sum, count, max), to compute per-key averages and maxima.
    private static (long Sum, int Count, int Max) Create(int v) => (v, 1, v);

    private static (long Sum, int Count, int Max) MergeValue((long Sum, int Count, int Max) c, int v) =>
        (c.Sum + v, c.Count + 1, Math.Max(c.Max, v));

    private static (long Sum, int Count, int Max) MergeCombiners((long Sum, int Count, int Max) a, (long Sum, int Count, int Max) b) =>
        (a.Sum + b.Sum, a.Count + b.Count, Math.Max(a.Max, b.Max));

    private static IEnumerable<(K, (long, int, int))> Linq<K>(IEnumerable<(K Key, int Value)> data, IEqualityComparer<K>? comparer = null) =>
        data.GroupBy(p => p.Key, comparer).Select(g => (g.Key, (g.Sum(p => (long)p.Value), g.Count(), g.Max(p => p.Value))));

    public static TheoryData<string, int, bool> Cases()
    {
        var cases = new TheoryData<string, int, bool>();
        foreach (string shape in TestData.KeyShapes)
        {
            foreach (bool mapSideCombine in new[] { true, false })
            {
                cases.Add(shape, 1, mapSideCombine);
                cases.Add(shape, 6, mapSideCombine);
            }
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void PartitionerOverload_MatchesLinq_WithAndWithoutMapSideCombine(string shape, int inputPartitions, bool mapSideCombine)
    {
        using var sc = new SparkContext("local[2]", "test");
        (int Key, int Value)[] data = TestData.Shape(shape);

        var combined = sc.Parallelize(data, inputPartitions)
            .CombineByKey(Create, MergeValue, MergeCombiners, new HashPartitioner(5), mapSideCombine);

        Assert.Equal(new HashPartitioner(5), combined.Partitioner);
        Assert.Equal(5, combined.NumPartitions);
        TestData.AssertSameMultiset(Linq(data), combined.Collect());
        TestData.AssertPlacedByPartitioner(combined);
        var shuffle = Assert.IsAssignableFrom<ShuffleDependency>(Assert.Single(combined.Dependencies));
        Assert.Equal(mapSideCombine, shuffle.MapSideCombine);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void CountOverload_MatchesLinq(string shape, int inputPartitions, bool unused)
    {
        _ = unused;
        using var sc = new SparkContext("local[2]", "test");
        (int Key, int Value)[] data = TestData.Shape(shape);

        var combined = sc.Parallelize(data, inputPartitions).CombineByKey(Create, MergeValue, MergeCombiners, 3);

        Assert.Equal(new HashPartitioner(3), combined.Partitioner);
        TestData.AssertSameMultiset(Linq(data), combined.Collect());
        TestData.AssertPlacedByPartitioner(combined);
    }

    [Fact]
    public void NullPartitioner_UsesTheDefaultPartitionCount()
    {
        using var sc = new SparkContext("local[2]", "test");
        (int Key, int Value)[] data = TestData.Pairs(300, 20, seed: 1);

        var combined = sc.Parallelize(data, 7).CombineByKey(Create, MergeValue, MergeCombiners);

        Assert.Equal(7, combined.NumPartitions);
        Assert.Equal(new HashPartitioner(7), combined.Partitioner);
        TestData.AssertSameMultiset(Linq(data), combined.Collect());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void MapSideCombine_CreatesACombinerPerKeyAndMapTask_OtherwisePerKeyAndReducer(bool mapSideCombine)
    {
        using var sc = new SparkContext("local[2]", "test");
        // 4 map partitions, each holding every one of 10 keys several times.
        (int Key, int Value)[] data = [.. Enumerable.Range(0, 400).Select(i => (i % 10, i))];
        int created = 0;

        var combined = sc.Parallelize(data, 4).CombineByKey(
            v => { Interlocked.Increment(ref created); return Create(v); }, MergeValue, MergeCombiners,
            new HashPartitioner(3), mapSideCombine);

        TestData.AssertSameMultiset(Linq(data), combined.Collect());
        Assert.Equal(mapSideCombine ? 40 : 10, created);
    }

    [Fact]
    public void NullAndCollidingKeys()
    {
        using var sc = new SparkContext("local[2]", "test");
        (string? Key, int Value)[] nullKeys = TestData.NullKeyPairs(600, seed: 2);
        (CollidingKey Key, int Value)[] colliding = TestData.CollidingPairs(600, seed: 3);

        foreach (bool mapSideCombine in new[] { true, false })
        {
            var byNull = sc.Parallelize(nullKeys, 4).CombineByKey(Create, MergeValue, MergeCombiners, new HashPartitioner(3), mapSideCombine);
            var byColliding = sc.Parallelize(colliding, 4).CombineByKey(Create, MergeValue, MergeCombiners, new HashPartitioner(3), mapSideCombine);

            TestData.AssertSameMultiset(Linq(nullKeys), byNull.Collect());
            TestData.AssertPlacedByPartitioner(byNull);
            TestData.AssertSameMultiset(Linq(colliding), byColliding.Collect());
            TestData.AssertPlacedByPartitioner(byColliding);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void CaseInsensitiveComparer_MergesCaseVariants_IntoOnePartition(bool mapSideCombine)
    {
        using var sc = new SparkContext("local[2]", "test");
        (string Key, int Value)[] data = TestData.MixedCasePairs(1500, seed: 4);
        IEqualityComparer<string> comparer = StringComparer.OrdinalIgnoreCase;

        // A plain HashPartitioner is given: the comparer must still decide placement, or variants would split.
        var combined = sc.Parallelize(data, 5).CombineByKey(Create, MergeValue, MergeCombiners, new HashPartitioner(6),
            mapSideCombine, comparer);
        var byCount = sc.Parallelize(data, 5).CombineByKey(Create, MergeValue, MergeCombiners, 6, comparer);

        foreach (var rdd in new[] { combined, byCount })
        {
            (string, (long, int, int))[] actual = [.. rdd.Collect().Select(r => (r.Key.ToUpperInvariant(), r.Value))];
            TestData.AssertSameMultiset(Linq(data, comparer).Select(r => (r.Item1.ToUpperInvariant(), r.Item2)), actual);
            Assert.Equal(actual.Length, actual.Select(r => r.Item1).Distinct().Count());
            TestData.AssertPlacedByPartitioner(rdd);
        }
    }

    [Fact]
    public void MutableCombiners_AreNotSharedBetweenKeys()
    {
        using var sc = new SparkContext("local[2]", "test");
        (int Key, int Value)[] data = TestData.Pairs(500, 25, seed: 5);

        var lists = sc.Parallelize(data, 4).CombineByKey(
            v => new List<int> { v },
            (list, v) => { list.Add(v); return list; },
            (a, b) => { a.AddRange(b); return a; },
            new HashPartitioner(3));

        TestData.AssertSameMultiset(
            data.GroupBy(p => p.Key).Select(g => (g.Key, string.Join(",", g.Select(p => p.Value).Order()))),
            lists.Collect().Select(r => (r.Key, string.Join(",", r.Value.Order()))));
    }

    [Fact]
    public void NullFunctions_ThrowArgumentNullAtDefinition()
    {
        using var sc = new SparkContext("local[2]", "test");
        Rdd<(int, int)> pairs = sc.Parallelize([(1, 2)]);

        Assert.Throws<ArgumentNullException>(() => pairs.CombineByKey<int, int, int>(null!, (c, v) => c + v, (a, b) => a + b));
        Assert.Throws<ArgumentNullException>(() => pairs.CombineByKey<int, int, int>(v => v, null!, (a, b) => a + b));
        Assert.Throws<ArgumentNullException>(() => pairs.CombineByKey<int, int, int>(v => v, (c, v) => c + v, null!));
        Assert.Throws<ArgumentNullException>(() => pairs.CombineByKey<int, int, int>(null!, (c, v) => c + v, (a, b) => a + b, 2));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void NonPositivePartitionCount_ThrowsArgumentOutOfRange(int numPartitions)
    {
        using var sc = new SparkContext("local[2]", "test");
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            sc.Parallelize([(1, 2)]).CombineByKey(v => v, (c, v) => c + v, (a, b) => a + b, numPartitions));
    }
}
