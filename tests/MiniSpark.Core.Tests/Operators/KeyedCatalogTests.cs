using System.Collections.Concurrent;

namespace MiniSpark.Tests.Operators;

/// <summary>Per-key aggregations, keyed actions and set operations against LINQ.</summary>
public sealed class KeyedCatalogTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(50)]
    public void FoldByKey_AppliesZeroOncePerKeyAndPartition(int partitions)
    {
        using var sc = new SparkContext("local[2]", "fold-by-key");
        var data = TestData.Pairs(300, 12, 1);
        Rdd<(int Key, int Value)> rdd = sc.Parallelize(data, partitions);
        int[][] slices = [.. rdd.Glom().Collect().Select(p => p.Select(x => x.Key).Distinct().ToArray())];
        var expected = data.GroupBy(p => p.Key).ToDictionary(g => g.Key,
            g => g.Sum(p => p.Value) + 1000 * slices.Count(s => s.Contains(g.Key)));
        Assert.Equal(expected, rdd.FoldByKey(1000, (a, b) => a + b).CollectAsMap().ToDictionary(p => p.Key, p => p.Value));
    }

    [Fact]
    public void FoldByKey_MutableZero_IsFreshPerKey()
    {
        using var sc = new SparkContext("local[2]", "fold-by-key-mutable");
        var data = TestData.Pairs(200, 10, 2);
        var result = sc.Parallelize(data.Select(p => (p.Key, new List<int> { p.Value })), 4)
            .FoldByKey(new List<int>(), (a, b) => { a.AddRange(b); return a; })
            .CollectAsMap();
        foreach (var group in data.GroupBy(p => p.Key))
            TestData.AssertSameMultiset(group.Select(p => p.Value), result[group.Key]);
    }

    [Fact]
    public void AggregateByKey_ComputesSumAndCount()
    {
        using var sc = new SparkContext("local[2]", "aggregate-by-key");
        var data = TestData.SkewedPairs(500, 3);
        var result = sc.Parallelize(data, 5)
            .AggregateByKey((Sum: 0L, Count: 0), (acc, v) => (acc.Sum + v, acc.Count + 1), (x, y) => (x.Sum + y.Sum, x.Count + y.Count), 3)
            .CollectAsMap();
        Assert.Equal(data.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => (g.Sum(p => (long)p.Value), g.Count())),
            result.ToDictionary(p => p.Key, p => (p.Value.Sum, p.Value.Count)));
    }

    [Fact]
    public void CountByKey_AndCountByValue_HandleNullKeys()
    {
        using var sc = new SparkContext("local[2]", "count-by-key");
        var data = TestData.NullKeyPairs(400, 4);
        IReadOnlyDictionary<string?, long> counts = sc.Parallelize(data, 6).CountByKey();
        Assert.Equal(data.Select(p => p.Key).Distinct().Count(), counts.Count);
        Assert.Equal(data.Count(p => p.Key is null), counts[null!]);
        foreach (var group in data.Where(p => p.Key is not null).GroupBy(p => p.Key))
            Assert.Equal(group.LongCount(), counts[group.Key]);

        IReadOnlyDictionary<string?, long> byValue = sc.Parallelize(data.Select(p => p.Key), 3).CountByValue();
        Assert.Equal(counts.OrderBy(p => p.Key ?? "").ToArray(), byValue.OrderBy(p => p.Key ?? "").ToArray());
    }

    [Fact]
    public void CountByKey_WithComparer_MergesCaseVariants()
    {
        using var sc = new SparkContext("local[2]", "count-by-key-comparer");
        var data = TestData.MixedCasePairs(300, 5);
        var counts = sc.Parallelize(data, 4).CountByKey(StringComparer.OrdinalIgnoreCase);
        var expected = data.GroupBy(p => p.Key, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key.ToUpperInvariant(), g => g.LongCount());
        Assert.Equal(expected, counts.ToDictionary(p => p.Key.ToUpperInvariant(), p => p.Value));
        Assert.Equal(expected.First().Value, counts[expected.First().Key.ToLowerInvariant()]);
    }

    [Fact]
    public void CollectAsMap_KeepsOneValuePerKey()
    {
        using var sc = new SparkContext("local[2]", "collect-as-map");
        var map = sc.Parallelize([(1, "a"), (2, "b"), (1, "c")], 2).CollectAsMap();
        Assert.Equal(2, map.Count);
        Assert.Contains(map[1], new[] { "a", "c" });
        Assert.False(map.ContainsKey(3));
        Assert.Throws<KeyNotFoundException>(() => map[3]);
    }

    [Fact]
    public void Lookup_WithPartitioner_ReadsOnlyTheKeysPartition()
    {
        using var sc = new SparkContext("local[2]", "lookup");
        var data = TestData.Pairs(300, 30, 6);
        var reads = new ConcurrentBag<int>();
        Rdd<(int Key, int Value)> partitioned = sc.Parallelize(data, 3).PartitionBy(new HashPartitioner(5));
        Rdd<(int Key, int Value)> observed = partitioned.MapPartitionsWithIndex((i, records) =>
        {
            reads.Add(i);
            return records;
        }, preservesPartitioning: true);
        TestData.AssertSameMultiset(data.Where(p => p.Key == 7).Select(p => p.Value), observed.Lookup(7));
        Assert.Equal([new HashPartitioner(5).GetPartition(7)], reads.ToArray());

        Assert.Empty(sc.Parallelize(data, 3).Lookup(-1));
        TestData.AssertSameMultiset(data.Where(p => p.Key == 3).Select(p => p.Value), sc.Parallelize(data, 3).Lookup(3));
    }

    [Fact]
    public void FlatMapValues_KeepsKeysAndPartitioner()
    {
        using var sc = new SparkContext("local[2]", "flat-map-values");
        Rdd<(int Key, int Value)> partitioned = sc.Parallelize(TestData.Pairs(50, 5, 7), 2).PartitionBy(new HashPartitioner(3));
        var result = partitioned.FlatMapValues(v => Enumerable.Repeat(v, Math.Abs(v % 3)));
        Assert.Equal(partitioned.Partitioner, result.Partitioner);
        TestData.AssertSameMultiset(TestData.Pairs(50, 5, 7).SelectMany(p => Enumerable.Repeat((p.Key, p.Value), Math.Abs(p.Value % 3))),
            result.Collect().Select(p => (p.Key, p.Value)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    public void Distinct_Intersection_Subtract_MatchLinq(int partitions)
    {
        using var sc = new SparkContext("local[2]", "set-ops");
        int[] a = TestData.Ints(400, 8, 100);
        int[] b = TestData.Ints(300, 9, 150);
        Rdd<int> ra = sc.Parallelize(a, partitions);
        Rdd<int> rb = sc.Parallelize(b, 3);
        Assert.Equal(a.Distinct().Order(), ra.Distinct().Collect().Order());
        Assert.Equal(a.Intersect(b).Order(), ra.Intersection(rb).Collect().Order());
        Assert.Equal(a.Where(x => !b.Contains(x)).Order(), ra.Subtract(rb).Collect().Order());
        Assert.Equal(4, ra.Distinct(4).NumPartitions);
    }

    [Fact]
    public void Distinct_WithNullsAndComparer()
    {
        using var sc = new SparkContext("local[2]", "distinct-null");
        string?[] words = ["a", "A", null, "b", null, "B", "a"];
        Assert.Equal(5, sc.Parallelize(words, 3).Distinct().Count());
        Assert.Equal(3, sc.Parallelize(words, 3).Distinct(comparer: StringComparer.OrdinalIgnoreCase!).Count());
        Assert.Empty(sc.EmptyRdd<int>().Distinct().Collect());
    }

    [Fact]
    public void GroupBy_ReturnsGroupingsThatDeconstruct()
    {
        using var sc = new SparkContext("local[2]", "group-by");
        int[] data = [.. TestData.Ints(300, 10, 1000).Select(Math.Abs)];
        var groups = sc.Parallelize(data, 4).GroupBy(x => x % 7).Collect();
        Assert.Equal(7, groups.Length);
        foreach (var (key, values) in groups)
            TestData.AssertSameMultiset(data.Where(x => x % 7 == key), values);
        Assert.All(groups, g => Assert.Equal(g.Values.Count, g.Count()));
    }

    [Fact]
    public void MaxMin_DefaultAndCustomOrder_EmptyThrowsNamingTheAction()
    {
        using var sc = new SparkContext("local[2]", "max-min");
        int[] data = TestData.Ints(200, 11, 10_000);
        Rdd<int> rdd = sc.Parallelize(data, 5);
        Assert.Equal(data.Max(), rdd.Max());
        Assert.Equal(data.Min(), rdd.Min());
        Assert.Equal(data.Min(), rdd.Max(Comparer<int>.Create((x, y) => y.CompareTo(x))));
        var error = Assert.Throws<InvalidOperationException>(() => sc.EmptyRdd<int>().Max());
        Assert.Contains("Max", error.Message);
        Assert.Contains("Min", Assert.Throws<InvalidOperationException>(() => sc.Parallelize(Array.Empty<int>(), 2).Min()).Message);
        Assert.Throws<ArgumentException>(() => sc.Parallelize([new object()]).Max());
    }

    [Fact]
    public async Task AsyncForms_MatchSyncResults()
    {
        using var sc = new SparkContext("local[2]", "async-keyed");
        var data = TestData.Pairs(100, 10, 12);
        Rdd<(int Key, int Value)> rdd = sc.Parallelize(data, 3);
        Assert.Equal(rdd.CountByKey().OrderBy(p => p.Key), (await rdd.CountByKeyAsync()).OrderBy(p => p.Key));
        Assert.Equal(rdd.Lookup(3).Order(), (await rdd.LookupAsync(3)).Order());
        Assert.Equal(rdd.Keys().Max(), await rdd.Keys().MaxAsync());
        Assert.Equal(rdd.Values().Min(), await rdd.Values().MinAsync());
        Assert.Equal(rdd.CollectAsMap().Count, (await rdd.CollectAsMapAsync()).Count);
    }
}
