namespace MiniSpark.Tests.Operators;

public sealed class GroupByKeyTests
{
    // Groups as (key, sorted values), so value order within a group (unspecified, as in Spark) does not matter.
    private static IEnumerable<(K, string)> Canonical<K>(IEnumerable<(K Key, IEnumerable<int> Values)> groups) =>
        groups.Select(g => (g.Key, string.Join(",", g.Values.Order())));

    private static IEnumerable<(K, string)> LinqGroups<K>(IEnumerable<(K Key, int Value)> data, IEqualityComparer<K>? comparer = null) =>
        Canonical(data.GroupBy(p => p.Key, comparer).Select(g => (g.Key, g.Select(p => p.Value))));

    private static IEnumerable<(K, string)> Actual<K>(Rdd<(K Key, IReadOnlyList<int> Values)> grouped) =>
        Canonical(grouped.Collect().Select(g => (g.Key, (IEnumerable<int>)g.Values)));

    public static TheoryData<string, int, int?> Cases()
    {
        var cases = new TheoryData<string, int, int?>();
        foreach (string shape in TestData.KeyShapes)
        {
            cases.Add(shape, 1, null);
            cases.Add(shape, 5, null);
            cases.Add(shape, 8, 2);
            cases.Add(shape, 2, 12);
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ValuesPerKey_AreTheLinqGroupsAsMultisets(string shape, int inputPartitions, int? numPartitions)
    {
        using var sc = new SparkContext("local[2]", "test");
        (int Key, int Value)[] data = TestData.Shape(shape);

        Rdd<(int Key, IReadOnlyList<int> Values)> grouped = sc.Parallelize(data, inputPartitions).GroupByKey(numPartitions);

        int expectedPartitions = numPartitions ?? inputPartitions;
        Assert.Equal(expectedPartitions, grouped.NumPartitions);
        Assert.Equal(new HashPartitioner(expectedPartitions), grouped.Partitioner);
        TestData.AssertSameMultiset(LinqGroups(data), Actual(grouped));
        TestData.AssertPlacedByPartitioner(grouped);
    }

    [Fact]
    public void NullKeys_FormOneGroup()
    {
        using var sc = new SparkContext("local[2]", "test");
        (string? Key, int Value)[] data = TestData.NullKeyPairs(800, seed: 1);

        Rdd<(string? Key, IReadOnlyList<int> Values)> grouped = sc.Parallelize(data, 4).GroupByKey(3);

        TestData.AssertSameMultiset(LinqGroups(data), Actual(grouped));
        TestData.AssertPlacedByPartitioner(grouped);
    }

    [Fact]
    public void CollidingHashCodes_KeysStayDistinct()
    {
        using var sc = new SparkContext("local[2]", "test");
        (CollidingKey Key, int Value)[] data = TestData.CollidingPairs(800, seed: 2);

        Rdd<(CollidingKey Key, IReadOnlyList<int> Values)> grouped = sc.Parallelize(data, 4).GroupByKey(3);

        TestData.AssertSameMultiset(LinqGroups(data), Actual(grouped));
        TestData.AssertPlacedByPartitioner(grouped);
    }

    [Fact]
    public void SkewedKey_HoldsAllItsValues()
    {
        using var sc = new SparkContext("local[4]", "test");
        (int Key, int Value)[] data = TestData.SkewedPairs(5000, seed: 3);

        Rdd<(int Key, IReadOnlyList<int> Values)> grouped = sc.Parallelize(data, 8).GroupByKey(4);

        IReadOnlyList<int> hot = grouped.Collect().Single(g => g.Key == 7).Values;
        TestData.AssertSameMultiset(data.Where(p => p.Key == 7).Select(p => p.Value), hot);
    }

    [Fact]
    public void CaseInsensitiveComparer_GroupsKeysDifferingInCase_IntoOnePartition()
    {
        using var sc = new SparkContext("local[2]", "test");
        (string Key, int Value)[] data = TestData.MixedCasePairs(1500, seed: 4);

        Rdd<(string Key, IReadOnlyList<int> Values)> grouped =
            sc.Parallelize(data, 5).GroupByKey(4, StringComparer.OrdinalIgnoreCase);

        (string, string)[] actual = [.. Actual(grouped).Select(g => (g.Item1.ToUpperInvariant(), g.Item2))];
        TestData.AssertSameMultiset(
            LinqGroups(data, StringComparer.OrdinalIgnoreCase).Select(g => (g.Item1.ToUpperInvariant(), g.Item2)), actual);
        Assert.Equal(actual.Length, actual.Select(g => g.Item1).Distinct().Count());
        TestData.AssertPlacedByPartitioner(grouped);
    }

    [Fact]
    public void InputAlreadyPartitionedEqually_AddsNoShuffleDependency()
    {
        using var sc = new SparkContext("local[2]", "test");
        (int Key, int Value)[] data = TestData.Pairs(600, 50, seed: 5);
        Rdd<(int, int)> partitioned = sc.Parallelize(data, 3).PartitionBy(new HashPartitioner(4));

        Rdd<(int Key, IReadOnlyList<int> Values)> grouped = partitioned.GroupByKey();

        Assert.Equal(new HashPartitioner(4), grouped.Partitioner);
        var pending = new Stack<Rdd>([grouped]);
        while (pending.TryPop(out Rdd? rdd) && !ReferenceEquals(rdd, partitioned))
        {
            foreach (Dependency dependency in rdd.Dependencies)
            {
                Assert.IsAssignableFrom<NarrowDependency>(dependency);
                pending.Push(dependency.Rdd);
            }
        }
        TestData.AssertSameMultiset(LinqGroups(data), Actual(grouped));
    }

    [Fact]
    public void PartitionerOverload_UsesIt()
    {
        using var sc = new SparkContext("local[2]", "test");
        (int Key, int Value)[] data = TestData.Pairs(600, 50, seed: 6);

        Rdd<(int Key, IReadOnlyList<int> Values)> grouped = sc.Parallelize(data, 3).GroupByKey(new ModuloPartitioner(5));

        Assert.Equal(new ModuloPartitioner(5), grouped.Partitioner);
        TestData.AssertSameMultiset(LinqGroups(data), Actual(grouped));
        TestData.AssertPlacedByPartitioner(grouped);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void NonPositivePartitionCount_ThrowsArgumentOutOfRange(int numPartitions)
    {
        using var sc = new SparkContext("local[2]", "test");
        Assert.Throws<ArgumentOutOfRangeException>(() => sc.Parallelize([(1, 2)]).GroupByKey(numPartitions));
    }

    [Fact]
    public void NullArguments_ThrowArgumentNull()
    {
        using var sc = new SparkContext("local[2]", "test");
        Assert.Throws<ArgumentNullException>(() => sc.Parallelize([(1, 2)]).GroupByKey((Partitioner)null!));
        Assert.Throws<ArgumentNullException>(() => PairRddExtensions.GroupByKey<int, int>(null!));
    }
}
