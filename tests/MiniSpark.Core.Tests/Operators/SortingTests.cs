namespace MiniSpark.Tests.Operators;

/// <summary>SortByKey, SortBy and RepartitionAndSortWithinPartitions against LINQ's stable OrderBy.</summary>
public sealed class SortingTests
{
    private sealed record Unordered(int Id);

    public static TheoryData<string, int, int?> Cases()
    {
        var cases = new TheoryData<string, int, int?>();
        foreach (string shape in TestData.KeyShapes)
        {
            cases.Add(shape, 1, null);
            cases.Add(shape, 4, null);
            cases.Add(shape, 3, 8);
            cases.Add(shape, 6, 1);
        }
        return cases;
    }

    private static void AssertEachPartitionSorted<K, V>(Rdd<(K, V)> rdd, IComparer<K> order)
    {
        foreach ((K, V)[] partition in TestData.Partitions(rdd))
        {
            for (int i = 1; i < partition.Length; i++)
                Assert.True(order.Compare(partition[i - 1].Item1, partition[i].Item1) <= 0,
                    $"{partition[i - 1].Item1} comes before {partition[i].Item1}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SortByKey_MatchesStableOrderBy_RangePartitioned(string shape, int inputPartitions, int? numPartitions)
    {
        using var sc = new SparkContext("local[2]", "test");
        (int Key, int Value)[] data = TestData.Shape(shape);
        Rdd<(int, int)> input = sc.Parallelize(data, inputPartitions);

        Rdd<(int Key, int Value)> up = input.SortByKey(numPartitions: numPartitions);
        Rdd<(int Key, int Value)> down = input.SortByKey(ascending: false, numPartitions: numPartitions);

        // Equal keys keep their input order: the reducers' sort is stable over map outputs read in order.
        Assert.Equal(data.OrderBy(p => p.Key), up.Collect());
        Assert.Equal(data.OrderByDescending(p => p.Key), down.Collect());
        RangePartitioner<int> partitioner = Assert.IsType<RangePartitioner<int>>(up.Partitioner);
        Assert.True(partitioner.Ascending);
        Assert.False(Assert.IsType<RangePartitioner<int>>(down.Partitioner).Ascending);
        Assert.Equal(partitioner.NumPartitions, up.NumPartitions);
        Assert.InRange(up.NumPartitions, 1, numPartitions ?? inputPartitions);
        TestData.AssertPlacedByPartitioner(up);
        TestData.AssertPlacedByPartitioner(down);
        Assert.IsAssignableFrom<ShuffleDependency>(Assert.Single(up.Dependencies));
    }

    [Fact]
    public void SortByKey_ManyDistinctKeys_GetsTheRequestedBalancedPartitions()
    {
        using var sc = new SparkContext("local[2]", "test");
        (int Key, int Value)[] data = TestData.Pairs(20_000, 1_000_000, seed: 1);

        Rdd<(int Key, int Value)> sorted = sc.Parallelize(data, 3).SortByKey(numPartitions: 6);

        Assert.Equal(6, sorted.NumPartitions);
        int[] sizes = [.. TestData.Partitions(sorted).Select(p => p.Length)];
        Assert.All(sizes, size => Assert.InRange(size, 20_000 / 6 / 2, 20_000 / 6 * 3 / 2));
    }

    [Fact]
    public void SortByKey_DefaultsToTheInputsPartitionCount()
    {
        using var sc = new SparkContext("local[3]", "test");

        Assert.Equal(5, sc.Parallelize(TestData.Pairs(5000, 100_000, seed: 2), 5).SortByKey().NumPartitions);
    }

    [Fact]
    public void SortByKey_SkewedKeys_TotalOrder_HeavyKeyInOnePartition()
    {
        using var sc = new SparkContext("local[2]", "test");
        (int Key, int Value)[] data = TestData.SkewedPairs(10_000, seed: 3);

        Rdd<(int Key, int Value)> sorted = sc.Parallelize(data, 4).SortByKey(numPartitions: 8);

        Assert.Equal(data.OrderBy(p => p.Key), sorted.Collect());
        Assert.Single(TestData.Partitions(sorted), p => p.Any(r => r.Key == 7));
    }

    [Fact]
    public void SortByKey_SkewedInputPartitions_OutputStillBalanced()
    {
        using var sc = new SparkContext("local[2]", "test");
        (int, int)[] big = TestData.Pairs(15_000, 1_000_000, seed: 4);
        (int, int)[] small = TestData.Pairs(500, 1_000_000, seed: 5);

        Rdd<(int Key, int Value)> sorted = sc.Union(sc.Parallelize(big, 1), sc.Parallelize(small, 5)).SortByKey(numPartitions: 5);

        Assert.Equal(big.Concat(small).OrderBy(p => p.Item1).Select(p => p.Item1), sorted.Keys().Collect());
        Assert.All(TestData.Partitions(sorted), p => Assert.InRange(p.Length, 15_500 / 5 / 2, 15_500 / 5 * 3 / 2));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void SortByKey_NullKeys_FirstAscending_LastDescending(bool ascending)
    {
        using var sc = new SparkContext("local[2]", "test");
        (string? Key, int Value)[] data = TestData.NullKeyPairs(2000, seed: 6);

        Rdd<(string? Key, int Value)> sorted = sc.Parallelize(data, 4).SortByKey(ascending, 3, StringComparer.Ordinal);

        // LINQ's OrderBy with an ordinal comparer also puts null before every string.
        Assert.Equal(ascending ? data.OrderBy(p => p.Key, StringComparer.Ordinal) : data.OrderByDescending(p => p.Key, StringComparer.Ordinal),
            sorted.Collect());
        TestData.AssertPlacedByPartitioner(sorted);
    }

    [Fact]
    public void SortByKey_NullableValueKeys_NullFirst()
    {
        using var sc = new SparkContext("local[2]", "test");
        (int? Key, int Value)[] data = [.. TestData.Pairs(1000, 20, seed: 7).Select(p => (p.Key % 5 == 0 ? null : (int?)p.Key, p.Value))];

        Assert.Equal(data.OrderBy(p => p.Key), sc.Parallelize(data, 3).SortByKey(numPartitions: 4).Collect());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void SortByKey_CustomComparer_OrdinalIgnoreCase(bool ascending)
    {
        using var sc = new SparkContext("local[2]", "test");
        (string Key, int Value)[] data = TestData.MixedCasePairs(3000, seed: 8);

        Rdd<(string Key, int Value)> sorted = sc.Parallelize(data, 4).SortByKey(ascending, 4, StringComparer.OrdinalIgnoreCase);

        Assert.Equal(ascending
                ? data.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
                : data.OrderByDescending(p => p.Key, StringComparer.OrdinalIgnoreCase),
            sorted.Collect());
        Assert.Same(StringComparer.OrdinalIgnoreCase, Assert.IsType<RangePartitioner<string>>(sorted.Partitioner).Comparer);
    }

    [Fact]
    public void SortByKey_DescendingComparer_IsTheReverseOrder()
    {
        using var sc = new SparkContext("local[2]", "test");
        (int Key, int Value)[] data = TestData.Pairs(2000, 300, seed: 9);
        IComparer<int> reversed = Comparer<int>.Create((a, b) => b.CompareTo(a));

        Assert.Equal(data.OrderByDescending(p => p.Key), sc.Parallelize(data, 3).SortByKey(comparer: reversed).Collect());
    }

    [Fact]
    public void SortByKey_CollidingHashCodes_SortedByComparer()
    {
        using var sc = new SparkContext("local[2]", "test");
        (CollidingKey Key, int Value)[] data = TestData.CollidingPairs(1000, seed: 10);

        Rdd<(CollidingKey Key, int Value)> sorted = sc.Parallelize(data, 3)
            .SortByKey(numPartitions: 3, comparer: Comparer<CollidingKey>.Create((a, b) => a.Id.CompareTo(b.Id)));

        Assert.Equal(data.OrderBy(p => p.Key.Id), sorted.Collect());
    }

    [Fact]
    public void SortByKey_NoNaturalOrder_ThrowsAtDefinition()
    {
        using var sc = new SparkContext("local[2]", "test");
        Rdd<(Unordered, int)> pairs = sc.Parallelize(new[] { (new Unordered(1), 1) });

        Assert.Throws<ArgumentException>(() => pairs.SortByKey());
        Assert.Throws<ArgumentOutOfRangeException>(() => sc.Parallelize(new[] { (1, 1) }).SortByKey(numPartitions: 0));
    }

    [Fact]
    public void SortByKey_Empty_NoPartitions_OnePartitionNoRecords()
    {
        using var sc = new SparkContext("local[2]", "test");

        Rdd<(int Key, int Value)> sorted = sc.EmptyRdd<(int, int)>().SortByKey();

        Assert.Equal(1, sorted.NumPartitions);
        Assert.Empty(sorted.Collect());
    }

    [Fact]
    public void SortByKey_SortedTwice_EqualPartitioners()
    {
        using var sc = new SparkContext("local[2]", "test");
        Rdd<(int, int)> input = sc.Parallelize(TestData.Pairs(3000, 1000, seed: 11), 4);

        Assert.Equal(input.SortByKey().Partitioner, input.SortByKey().Partitioner);
    }

    [Theory]
    [InlineData(0, 3, null)]
    [InlineData(500, 1, null)]
    [InlineData(2000, 7, 3)]
    [InlineData(3, 10, 5)]
    public void SortBy_MatchesOrderBy_NoPartitioner(int n, int inputPartitions, int? numPartitions)
    {
        using var sc = new SparkContext("local[2]", "test");
        int[] data = TestData.Ints(n, seed: 12);
        Rdd<int> input = sc.Parallelize(data, inputPartitions);

        Rdd<int> byAbs = input.SortBy(x => Math.Abs(x), numPartitions: numPartitions);
        Rdd<int> byAbsDescending = input.SortBy(x => Math.Abs(x), ascending: false, numPartitions: numPartitions);

        Assert.Equal(data.OrderBy(x => Math.Abs(x)), byAbs.Collect());
        Assert.Equal(data.OrderByDescending(x => Math.Abs(x)), byAbsDescending.Collect());
        Assert.Null(byAbs.Partitioner);
        Assert.InRange(byAbs.NumPartitions, 1, Math.Max(numPartitions ?? inputPartitions, 1));
    }

    [Fact]
    public void SortBy_StringKeysWithComparer()
    {
        using var sc = new SparkContext("local[2]", "test");
        string[] words = [.. TestData.MixedCasePairs(1000, seed: 13).Select(p => p.Key + ":" + p.Value)];

        Rdd<string> sorted = sc.Parallelize(words, 4).SortBy(w => w.Split(':')[0], comparer: StringComparer.OrdinalIgnoreCase);

        Assert.Equal(words.OrderBy(w => w.Split(':')[0], StringComparer.OrdinalIgnoreCase), sorted.Collect());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RepartitionAndSortWithinPartitions_PlacedAndSortedPerPartition(string shape, int inputPartitions, int? numPartitions)
    {
        using var sc = new SparkContext("local[2]", "test");
        (int Key, int Value)[] data = TestData.Shape(shape);
        var partitioner = new HashPartitioner(numPartitions ?? 3);

        Rdd<(int Key, int Value)> result = sc.Parallelize(data, inputPartitions).RepartitionAndSortWithinPartitions(partitioner);

        Assert.Same(partitioner, result.Partitioner);
        TestData.AssertPlacedByPartitioner(result);
        TestData.AssertSameMultiset(data, result.Collect());
        (int Key, int Value)[][] partitions = TestData.Partitions(result);
        for (int i = 0; i < partitions.Length; i++)
        {
            // Stable: within a partition, exactly the input's records of that partition ordered by key.
            Assert.Equal(data.Where(p => partitioner.GetPartition(p.Key) == i).OrderBy(p => p.Key), partitions[i]);
        }
    }

    [Fact]
    public void RepartitionAndSortWithinPartitions_AlreadyPartitioned_SortsWithoutAShuffle()
    {
        using var sc = new SparkContext("local[2]", "test");
        (int Key, int Value)[] data = TestData.Pairs(2000, 50, seed: 14);
        var partitioner = new HashPartitioner(4);
        Rdd<(int Key, int Value)> placed = sc.Parallelize(data, 3).PartitionBy(partitioner);
        IComparer<int> descending = Comparer<int>.Create((a, b) => b.CompareTo(a));

        Rdd<(int Key, int Value)> result = placed.RepartitionAndSortWithinPartitions(new HashPartitioner(4), descending);

        Assert.IsType<OneToOneDependency>(Assert.Single(result.Dependencies));
        Assert.Equal(partitioner, result.Partitioner);
        (int Key, int Value)[][] before = TestData.Partitions(placed);
        (int Key, int Value)[][] after = TestData.Partitions(result);
        for (int i = 0; i < before.Length; i++) Assert.Equal(before[i].OrderByDescending(p => p.Key), after[i]);
    }

    [Fact]
    public void RepartitionAndSortWithinPartitions_RangePartitioner_GivesATotalOrder()
    {
        using var sc = new SparkContext("local[2]", "test");
        (string? Key, int Value)[] data = TestData.NullKeyPairs(1000, seed: 15);
        Rdd<(string?, int)> input = sc.Parallelize(data, 3);

        Rdd<(string? Key, int Value)> result = input.RepartitionAndSortWithinPartitions(
            RangePartitioner.Create(3, input, comparer: StringComparer.Ordinal), StringComparer.Ordinal);

        Assert.Equal(data.OrderBy(p => p.Key, StringComparer.Ordinal), result.Collect());
    }

    [Fact]
    public void StableSort_KeepsEqualKeysInArrivalOrder()
    {
        (int, int)[] items = [.. TestData.Pairs(1000, 10, seed: 16)];
        (int, int)[] expected = [.. items.OrderBy(p => p.Item1)];

        Sorting.StableSort.ByKey(items, items.Length, Comparer<int>.Default);

        Assert.Equal(expected, items);
    }
}
