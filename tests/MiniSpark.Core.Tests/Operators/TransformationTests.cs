namespace MiniSpark.Tests.Operators;

/// <summary>Narrow transformations, each against LINQ over the same seeded data.</summary>
public sealed class TransformationTests
{
    // (records, partitions): empty, one partition, many, and more partitions than records.
    public static TheoryData<int, int> Layouts => new() { { 0, 3 }, { 500, 1 }, { 1000, 7 }, { 3, 10 } };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Map_MatchesSelect_InOrder(int n, int k)
    {
        using var sc = new SparkContext("local[2]", "test");
        int[] data = TestData.Ints(n, seed: 1);

        Rdd<string> mapped = sc.Parallelize(data, k).Map(x => $"<{x * 3}>");

        Assert.Equal(data.Select(x => $"<{x * 3}>"), mapped.Collect());
        Assert.Equal(k, mapped.NumPartitions);
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Filter_MatchesWhere_InOrder(int n, int k)
    {
        using var sc = new SparkContext("local[2]", "test");
        int[] data = TestData.Ints(n, seed: 2);

        Assert.Equal(data.Where(x => x % 3 == 0), sc.Parallelize(data, k).Filter(x => x % 3 == 0).Collect());
        Assert.Empty(sc.Parallelize(data, k).Filter(_ => false).Collect());
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void FlatMap_MatchesSelectMany_InOrder(int n, int k)
    {
        using var sc = new SparkContext("local[2]", "test");
        int[] data = TestData.Ints(n, seed: 3, maxValue: 5);

        // Arrays, lazy sequences and empty results.
        Assert.Equal(data.SelectMany(x => Enumerable.Repeat(x, Math.Abs(x))),
            sc.Parallelize(data, k).FlatMap(x => Enumerable.Repeat(x, Math.Abs(x))).Collect());
        Assert.Equal(data.SelectMany(x => new[] { x, -x }),
            sc.Parallelize(data, k).FlatMap(x => new[] { x, -x }).Collect());
        Assert.Equal(data.SelectMany(x => new List<int> { x }),
            sc.Parallelize(data, k).FlatMap(x => new List<int> { x }).Collect());
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void MapPartitions_SeesEachSliceWhole(int n, int k)
    {
        using var sc = new SparkContext("local[2]", "test");
        int[] data = TestData.Ints(n, seed: 4);
        Rdd<int> rdd = sc.Parallelize(data, k);

        long[] sums = rdd.MapPartitions(records => new[] { records.Sum(x => (long)x) }).Collect();

        Assert.Equal(rdd.Glom().Collect().Select(slice => slice.Sum(x => (long)x)), sums);
        Assert.Equal(k, sums.Length);
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void MapPartitionsWithIndex_PassesEachPartitionsIndex(int n, int k)
    {
        using var sc = new SparkContext("local[2]", "test");
        int[] data = TestData.Ints(n, seed: 5);

        (int Index, int Value)[] tagged = sc.Parallelize(data, k)
            .MapPartitionsWithIndex((index, records) => records.Select(x => (index, x))).Collect();

        var expected = new List<(int, int)>();
        for (int i = 0; i < k; i++)
        {
            for (int j = (int)((long)i * n / k); j < (int)((long)(i + 1) * n / k); j++) expected.Add((i, data[j]));
        }
        Assert.Equal(expected, tagged);
        Assert.Equal(Enumerable.Range(0, k),
            sc.Parallelize(data, k).MapPartitionsWithIndex((index, _) => new[] { index }).Collect());
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Glom_OneArrayPerPartition_ConcatenatingToCollect(int n, int k)
    {
        using var sc = new SparkContext("local[2]", "test");
        int[] data = TestData.Ints(n, seed: 6);
        Rdd<int> rdd = sc.Parallelize(data, k).Map(x => x + 1);

        int[][] glommed = rdd.Glom().Collect();

        Assert.Equal(k, glommed.Length);
        Assert.Equal(rdd.Collect(), glommed.SelectMany(a => a));
        Assert.Equal(data.Select(x => x + 1), glommed.SelectMany(a => a));
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void KeyBy_PairsKeyWithRecord(int n, int k)
    {
        using var sc = new SparkContext("local[2]", "test");
        int[] data = TestData.Ints(n, seed: 7);

        Assert.Equal(data.Select(x => (x % 10, x)), sc.Parallelize(data, k).KeyBy(x => x % 10).Collect());
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void KeysValuesMapValues_MatchLinq(int n, int k)
    {
        using var sc = new SparkContext("local[2]", "test");
        (int Key, int Value)[] data = TestData.Pairs(n, 20, seed: 8);
        Rdd<(int, int)> pairs = sc.Parallelize(data, k);

        Assert.Equal(data.Select(p => p.Key), pairs.Keys().Collect());
        Assert.Equal(data.Select(p => p.Value), pairs.Values().Collect());
        Assert.Equal(data.Select(p => (p.Key, p.Value.ToString())), pairs.MapValues(v => v.ToString()).Collect());
    }

    [Fact]
    public void NullKeys_PassThroughPairOperators()
    {
        using var sc = new SparkContext("local[2]", "test");
        (string? Key, int Value)[] data = TestData.NullKeyPairs(200, seed: 9);
        Rdd<(string?, int)> pairs = sc.Parallelize(data, 4);

        Assert.Equal(data.Select(p => p.Key), pairs.Keys().Collect());
        Assert.Equal(data.Select(p => (p.Key, p.Value * 2)), pairs.MapValues(v => v * 2).Collect());
    }

    [Fact]
    public void Filter_KeepsThePartitioner_MapDropsIt()
    {
        using var sc = new SparkContext("local[2]", "test");
        (int Key, int Value)[] data = TestData.Pairs(300, 30, seed: 10);
        Rdd<(int, int)> partitioned = sc.Parallelize(data, 3).PartitionBy(new HashPartitioner(5));

        Rdd<(int, int)> filtered = partitioned.Filter(p => p.Item2 > 0);

        Assert.Equal(new HashPartitioner(5), filtered.Partitioner);
        TestData.AssertSameMultiset(data.Where(p => p.Value > 0).Select(p => ((int, int))p), filtered.Collect());
        TestData.AssertPlacedByPartitioner(filtered);
        Assert.Null(partitioned.Map(p => p).Partitioner);
        Assert.Null(partitioned.FlatMap(p => new[] { p }).Partitioner);
        Assert.Null(partitioned.MapPartitions(r => r).Partitioner);
        Assert.Equal(new HashPartitioner(5), partitioned.MapPartitions(r => r, preservesPartitioning: true).Partitioner);
        Assert.Equal(new HashPartitioner(5),
            partitioned.MapPartitionsWithIndex((_, r) => r, preservesPartitioning: true).Partitioner);
    }

    [Fact]
    public void MapValues_KeepsThePartitioner_KeysAndValuesDoNot()
    {
        using var sc = new SparkContext("local[2]", "test");
        (int Key, int Value)[] data = TestData.Pairs(300, 30, seed: 11);
        Rdd<(int, int)> partitioned = sc.Parallelize(data, 3).PartitionBy(new HashPartitioner(4));

        Rdd<(int Key, long Value)> mapped = partitioned.MapValues(v => (long)v * v);

        Assert.Equal(new HashPartitioner(4), mapped.Partitioner);
        TestData.AssertSameMultiset(data.Select(p => (p.Key, (long)p.Value * p.Value)), mapped.Collect());
        TestData.AssertPlacedByPartitioner(mapped);
        Assert.Null(partitioned.Keys().Partitioner);
        Assert.Null(partitioned.Values().Partitioner);
        Assert.Null(partitioned.KeyBy(p => p.Item1).Partitioner);
    }

    [Fact]
    public void Transformations_AreLazy()
    {
        using var sc = new SparkContext("local[2]", "test");
        int calls = 0;

        Rdd<int> rdd = sc.Parallelize([1, 2, 3], 2).Map(x => { Interlocked.Increment(ref calls); return x; })
            .Filter(_ => { Interlocked.Increment(ref calls); return true; })
            .FlatMap(x => { Interlocked.Increment(ref calls); return new[] { x }; });

        Assert.Equal(0, calls);
        Assert.Equal([1, 2, 3], rdd.Collect());
        Assert.Equal(9, calls);
    }

    [Fact]
    public void Transformations_HaveOneToOneDependencyOnTheirParent()
    {
        using var sc = new SparkContext("local[2]", "test");
        Rdd<int> parent = sc.Parallelize([1, 2, 3], 3);

        Rdd[] children = [parent.Map(x => x), parent.Filter(_ => true), parent.FlatMap(x => new[] { x }),
            parent.MapPartitions(r => r), parent.MapPartitionsWithIndex((_, r) => r), parent.Glom(), parent.KeyBy(x => x)];

        foreach (Rdd child in children)
        {
            Dependency dependency = Assert.Single(child.Dependencies);
            Assert.IsType<OneToOneDependency>(dependency);
            Assert.Same(parent, dependency.Rdd);
            Assert.Equal(3, child.NumPartitions);
        }
    }

    [Fact]
    public void NullFunctions_ThrowArgumentNullAtDefinition()
    {
        using var sc = new SparkContext("local[2]", "test");
        Rdd<int> rdd = sc.Parallelize([1, 2, 3]);
        Rdd<(int, int)> pairs = rdd.KeyBy(x => x);

        Assert.Throws<ArgumentNullException>(() => rdd.Map<int>(null!));
        Assert.Throws<ArgumentNullException>(() => rdd.Filter(null!));
        Assert.Throws<ArgumentNullException>(() => rdd.FlatMap<int>(null!));
        Assert.Throws<ArgumentNullException>(() => rdd.MapPartitions<int>(null!));
        Assert.Throws<ArgumentNullException>(() => rdd.MapPartitionsWithIndex<int>(null!));
        Assert.Throws<ArgumentNullException>(() => rdd.KeyBy<int>(null!));
        Assert.Throws<ArgumentNullException>(() => pairs.MapValues<int, int, int>(null!));
        Assert.Throws<ArgumentNullException>(() => PairRddExtensions.Keys<int, int>(null!));
        Assert.Throws<ArgumentNullException>(() => PairRddExtensions.Values<int, int>(null!));
    }

    [Fact]
    public void ChainedTransformations_MatchLinqPipeline()
    {
        using var sc = new SparkContext("local[4]", "test");
        int[] data = TestData.Ints(3000, seed: 12);

        int[] actual = sc.Parallelize(data, 9)
            .Map(x => x * 2).Filter(x => x % 3 != 0).FlatMap(x => new[] { x, x + 1 })
            .MapPartitions(r => r.Where(x => x > -500)).KeyBy(x => x % 7).MapValues(v => v - 1).Values()
            .Collect();

        Assert.Equal(data.Select(x => x * 2).Where(x => x % 3 != 0).SelectMany(x => new[] { x, x + 1 })
            .Where(x => x > -500).Select(x => x - 1), actual);
    }
}
