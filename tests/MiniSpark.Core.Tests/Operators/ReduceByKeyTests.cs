namespace MiniSpark.Tests.Operators;

public sealed class ReduceByKeyTests
{
    private static IEnumerable<(K, int)> LinqSums<K>(IEnumerable<(K Key, int Value)> data, IEqualityComparer<K>? comparer = null) =>
        data.GroupBy(p => p.Key, comparer).Select(g => (g.Key, g.Sum(p => p.Value)));

    public static TheoryData<string, int, int?> Cases()
    {
        var cases = new TheoryData<string, int, int?>();
        foreach (string shape in TestData.KeyShapes)
        {
            cases.Add(shape, 1, null);
            cases.Add(shape, 4, null);
            cases.Add(shape, 8, 3);
            cases.Add(shape, 3, 1);
            cases.Add(shape, 2, 16);
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesLinqGroupBySum_PlacedByItsPartitioner(string shape, int inputPartitions, int? numPartitions)
    {
        using var sc = new SparkContext("local[2]", "test");
        (int Key, int Value)[] data = TestData.Shape(shape);

        Rdd<(int Key, int Value)> reduced = sc.Parallelize(data, inputPartitions).ReduceByKey((a, b) => a + b, numPartitions);

        int expectedPartitions = numPartitions ?? inputPartitions;
        Assert.Equal(expectedPartitions, reduced.NumPartitions);
        Assert.Equal(new HashPartitioner(expectedPartitions), reduced.Partitioner);
        TestData.AssertSameMultiset(LinqSums(data), reduced.Collect());
        TestData.AssertPlacedByPartitioner(reduced);
        Assert.IsAssignableFrom<ShuffleDependency>(Assert.Single(reduced.Dependencies));
    }

    [Fact]
    public void NullKeys_AreOneKey_InPartitionZero()
    {
        using var sc = new SparkContext("local[2]", "test");
        (string? Key, int Value)[] data = TestData.NullKeyPairs(1000, seed: 1);

        Rdd<(string? Key, int Value)> reduced = sc.Parallelize(data, 5).ReduceByKey((a, b) => a + b, 4);

        TestData.AssertSameMultiset(LinqSums(data), reduced.Collect());
        TestData.AssertPlacedByPartitioner(reduced);
        Assert.Contains(reduced.Glom().Collect()[0], p => p.Key is null);
    }

    [Fact]
    public void NullableValueTypeKeys_NullIsOneKey()
    {
        using var sc = new SparkContext("local[2]", "test");
        (int? Key, int Value)[] data = [.. TestData.Pairs(600, 10, seed: 13).Select(p => (p.Key == 0 ? null : (int?)p.Key, p.Value))];

        Rdd<(int? Key, int Value)> reduced = sc.Parallelize(data, 4).ReduceByKey((a, b) => a + b, 3);

        TestData.AssertSameMultiset(LinqSums(data), reduced.Collect());
        TestData.AssertPlacedByPartitioner(reduced);
    }

    [Fact]
    public void NullValues_AreValuesLikeAnyOther()
    {
        using var sc = new SparkContext("local[2]", "test");
        (int Key, string? Value)[] data = [.. TestData.Pairs(300, 10, seed: 14).Select(p => (p.Key, p.Value % 3 == 0 ? null : p.Value.ToString()))];

        Rdd<(int Key, string? Value)> reduced = sc.Parallelize(data, 4).ReduceByKey((a, b) => (a ?? "") + "|" + (b ?? ""), 3);

        TestData.AssertSameMultiset(data.GroupBy(p => p.Key).Select(g => (g.Key, g.Count())),
            reduced.Collect().Select(r => (r.Key, r.Value is null ? 1 : r.Value.Count(c => c == '|') + 1)));
    }

    [Fact]
    public void CollidingHashCodes_KeysStayDistinct()
    {
        using var sc = new SparkContext("local[2]", "test");
        (CollidingKey Key, int Value)[] data = TestData.CollidingPairs(1000, seed: 2);

        Rdd<(CollidingKey Key, int Value)> reduced = sc.Parallelize(data, 6).ReduceByKey((a, b) => a + b, 5);

        TestData.AssertSameMultiset(LinqSums(data), reduced.Collect());
        TestData.AssertPlacedByPartitioner(reduced);
        // All keys hash alike, so all land in one partition.
        Assert.Single(reduced.Glom().Collect(), p => p.Length > 0);
    }

    public static TheoryData<string> Comparers => ["StringComparer.OrdinalIgnoreCase", "generic-only comparer"];

    private static IEqualityComparer<string> ComparerNamed(string name) =>
        name == "StringComparer.OrdinalIgnoreCase" ? StringComparer.OrdinalIgnoreCase : CaseInsensitiveComparer.Instance;

    [Theory]
    [MemberData(nameof(Comparers))]
    public void CaseInsensitiveComparer_MergesKeysDifferingInCase_IntoOnePartition(string comparerName)
    {
        IEqualityComparer<string> comparer = ComparerNamed(comparerName);
        using var sc = new SparkContext("local[2]", "test");
        (string Key, int Value)[] data = TestData.MixedCasePairs(2000, seed: 3);

        Rdd<(string Key, int Value)> reduced = sc.Parallelize(data, 6).ReduceByKey((a, b) => a + b, 7, comparer);
        (string Key, int Value)[][] partitions = reduced.Glom().Collect();

        (string, int)[] normalized = [.. partitions.SelectMany(p => p).Select(r => (r.Key.ToUpperInvariant(), r.Value))];
        TestData.AssertSameMultiset(LinqSums(data, comparer).Select(r => (r.Item1.ToUpperInvariant(), r.Item2)), normalized);
        Assert.Equal(normalized.Length, normalized.Select(r => r.Item1).Distinct().Count()); // each key once
        TestData.AssertPlacedByPartitioner(reduced);
        Assert.Equal(7, reduced.NumPartitions);
    }

    [Theory]
    [MemberData(nameof(Comparers))]
    public void CaseInsensitiveComparer_DefaultPartitionCount_AndNullKeys(string comparerName)
    {
        IEqualityComparer<string?> comparer = ComparerNamed(comparerName)!;
        using var sc = new SparkContext("local[2]", "test");
        (string? Key, int Value)[] data = [.. TestData.MixedCasePairs(500, seed: 4).Select(p => ((string?)p.Key, p.Value)),
            (null, 5), (null, 6)];

        Rdd<(string? Key, int Value)> reduced = sc.Parallelize(data, 3).ReduceByKey((a, b) => a + b, comparer: comparer);

        Assert.Equal(3, reduced.NumPartitions);
        TestData.AssertSameMultiset(LinqSums(data, comparer).Select(r => (r.Item1?.ToUpperInvariant(), r.Item2)),
            reduced.Collect().Select(r => (r.Key?.ToUpperInvariant(), r.Value)));
        TestData.AssertPlacedByPartitioner(reduced);
    }

    [Fact]
    public void CaseInsensitiveComparer_OnInputHashPartitionedWithoutIt_StillMergesCaseVariants()
    {
        using var sc = new SparkContext("local[2]", "test");
        (string Key, int Value)[] data = TestData.MixedCasePairs(1000, seed: 5);
        // Placed by ordinal hash codes: "key3" and "KEY3" may sit in different partitions.
        Rdd<(string, int)> partitioned = sc.Parallelize(data, 4).PartitionBy(new HashPartitioner(4));

        Rdd<(string Key, int Value)> reduced = partitioned.ReduceByKey((a, b) => a + b, 4, StringComparer.OrdinalIgnoreCase);

        TestData.AssertSameMultiset(LinqSums(data, StringComparer.OrdinalIgnoreCase).Select(r => (r.Item1.ToUpperInvariant(), r.Item2)),
            reduced.Collect().Select(r => (r.Key.ToUpperInvariant(), r.Value)));
        TestData.AssertPlacedByPartitioner(reduced);
    }

    [Fact]
    public void CaseInsensitiveComparer_OnInputPlacedByAUserPartitioner_StillMergesCaseVariants()
    {
        using var sc = new SparkContext("local[2]", "test");
        (string Key, int Value)[] data = TestData.MixedCasePairs(1000, seed: 12);
        // The user's partitioner knows nothing of the comparer: "key3" and "KEY3" land apart (k % 3 != K % 3).
        Rdd<(string, int)> partitioned = sc.Parallelize(data, 4).PartitionBy(new FirstCharPartitioner(3));

        Rdd<(string Key, int Value)> reduced = partitioned.ReduceByKey((a, b) => a + b, comparer: StringComparer.OrdinalIgnoreCase);
        var grouped = partitioned.GroupByKey(comparer: StringComparer.OrdinalIgnoreCase);

        TestData.AssertSameMultiset(LinqSums(data, StringComparer.OrdinalIgnoreCase).Select(r => (r.Item1.ToUpperInvariant(), r.Item2)),
            reduced.Collect().Select(r => (r.Key.ToUpperInvariant(), r.Value)));
        TestData.AssertPlacedByPartitioner(reduced);
        Assert.Equal(15, grouped.Count());
    }

    [Fact]
    public void CaseInsensitiveComparer_OnInputAlreadyPlacedWithIt_NeedsNoShuffle()
    {
        using var sc = new SparkContext("local[2]", "test");
        (string Key, int Value)[] data = TestData.MixedCasePairs(1000, seed: 6);
        Rdd<(string Key, int Value)> first = sc.Parallelize(data, 4).ReduceByKey((a, b) => a + b, 5, StringComparer.OrdinalIgnoreCase);

        Rdd<(string Key, int Value)> second = first.MapValues(v => v * 2).ReduceByKey((a, b) => a + b, comparer: StringComparer.OrdinalIgnoreCase);

        Assert.All(second.Dependencies, d => Assert.IsAssignableFrom<NarrowDependency>(d));
        Assert.Equal(first.Partitioner, second.Partitioner);
        TestData.AssertSameMultiset(LinqSums(data, StringComparer.OrdinalIgnoreCase).Select(r => (r.Item1.ToUpperInvariant(), r.Item2 * 2)),
            second.Collect().Select(r => (r.Key.ToUpperInvariant(), r.Value)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(4)]
    public void InputAlreadyHashPartitionedEqually_AddsNoShuffleDependency(int? numPartitions)
    {
        using var sc = new SparkContext("local[2]", "test");
        (int Key, int Value)[] data = TestData.SkewedPairs(1000, seed: 7);
        Rdd<(int, int)> partitioned = sc.Parallelize(data, 3).PartitionBy(new HashPartitioner(4));

        Rdd<(int Key, int Value)> reduced = partitioned.ReduceByKey((a, b) => a + b, numPartitions);

        Dependency dependency = Assert.Single(reduced.Dependencies);
        Assert.IsAssignableFrom<NarrowDependency>(dependency);
        Assert.Same(partitioned, dependency.Rdd);
        Assert.Equal(new HashPartitioner(4), reduced.Partitioner);
        TestData.AssertSameMultiset(LinqSums(data), reduced.Collect());
        TestData.AssertPlacedByPartitioner(reduced);
    }

    [Fact]
    public void InputPartitionedDifferently_Shuffles()
    {
        using var sc = new SparkContext("local[2]", "test");
        (int Key, int Value)[] data = TestData.Pairs(500, 40, seed: 8);
        Rdd<(int, int)> partitioned = sc.Parallelize(data, 3).PartitionBy(new HashPartitioner(4));

        Rdd<(int Key, int Value)> reduced = partitioned.ReduceByKey((a, b) => a + b, 6);

        Assert.IsAssignableFrom<ShuffleDependency>(Assert.Single(reduced.Dependencies));
        Assert.Equal(new HashPartitioner(6), reduced.Partitioner);
        TestData.AssertSameMultiset(LinqSums(data), reduced.Collect());
    }

    [Fact]
    public void PartitionerOverload_UsesIt()
    {
        using var sc = new SparkContext("local[2]", "test");
        (int Key, int Value)[] data = TestData.Pairs(500, 40, seed: 9);
        var partitioner = new ModuloPartitioner(3);

        Rdd<(int Key, int Value)> reduced = sc.Parallelize(data, 5).ReduceByKey(partitioner, (a, b) => a + b);

        Assert.Same(partitioner, reduced.Partitioner);
        Assert.Equal(3, reduced.NumPartitions);
        TestData.AssertSameMultiset(LinqSums(data), reduced.Collect());
        TestData.AssertPlacedByPartitioner(reduced);
    }

    [Fact]
    public void ReducedTwice_ChainsShuffles()
    {
        using var sc = new SparkContext("local[2]", "test");
        (int Key, int Value)[] data = TestData.Pairs(1000, 100, seed: 10);

        Rdd<(int Key, int Value)> result = sc.Parallelize(data, 4)
            .ReduceByKey((a, b) => a + b, 5)
            .Map(p => (p.Key % 10, p.Value))
            .ReduceByKey((a, b) => a + b, 3);

        TestData.AssertSameMultiset(LinqSums(data.Select(p => (p.Key % 10, p.Value))), result.Collect());
    }

    [Fact]
    public void ResultIsReusableAcrossActions()
    {
        using var sc = new SparkContext("local[2]", "test");
        (int Key, int Value)[] data = TestData.Pairs(500, 30, seed: 11);
        Rdd<(int Key, int Value)> reduced = sc.Parallelize(data, 4).ReduceByKey((a, b) => a + b);

        Assert.Equal(30, reduced.Count());
        TestData.AssertSameMultiset(LinqSums(data), reduced.Collect());
        Assert.Equal(data.Sum(p => p.Value), reduced.Values().Reduce((a, b) => a + b));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void NonPositivePartitionCount_ThrowsArgumentOutOfRange(int numPartitions)
    {
        using var sc = new SparkContext("local[2]", "test");
        Rdd<(int, int)> pairs = sc.Parallelize([(1, 2)]);

        Assert.Throws<ArgumentOutOfRangeException>(() => pairs.ReduceByKey((a, b) => a + b, numPartitions));
    }

    [Fact]
    public void NullArguments_ThrowArgumentNullAtDefinition()
    {
        using var sc = new SparkContext("local[2]", "test");
        Rdd<(int, int)> pairs = sc.Parallelize([(1, 2)]);

        Assert.Throws<ArgumentNullException>(() => pairs.ReduceByKey(null!));
        Assert.Throws<ArgumentNullException>(() => pairs.ReduceByKey(null!, 3));
        Assert.Throws<ArgumentNullException>(() => pairs.ReduceByKey(null!, (a, b) => a + b));
        Assert.Throws<ArgumentNullException>(() => pairs.ReduceByKey(new HashPartitioner(2), null!));
        Assert.Throws<ArgumentNullException>(() => PairRddExtensions.ReduceByKey<int, int>(null!, (a, b) => a + b));
    }
}

/// <summary>A user partitioner: non-negative int keys modulo the count.</summary>
internal sealed class ModuloPartitioner(int numPartitions) : Partitioner
{
    public override int NumPartitions => numPartitions;

    public override int GetPartition(object? key) => key is int k ? ((k % numPartitions) + numPartitions) % numPartitions : 0;

    public override bool Equals(object? obj) => obj is ModuloPartitioner other && other.NumPartitions == NumPartitions;

    public override int GetHashCode() => NumPartitions * 31;
}

/// <summary>A user partitioner by the key's first character (ordinal): blind to any equality comparer.</summary>
internal sealed class FirstCharPartitioner(int numPartitions) : Partitioner
{
    public override int NumPartitions => numPartitions;

    public override int GetPartition(object? key) => key is string { Length: > 0 } s ? s[0] % numPartitions : 0;

    public override bool Equals(object? obj) => obj is FirstCharPartitioner other && other.NumPartitions == NumPartitions;

    public override int GetHashCode() => NumPartitions * 17;
}
