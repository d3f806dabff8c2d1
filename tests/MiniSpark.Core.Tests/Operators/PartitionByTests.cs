namespace MiniSpark.Tests.Operators;

public sealed class PartitionByTests
{
    public static TheoryData<string, int, int> Cases()
    {
        var cases = new TheoryData<string, int, int>();
        foreach (string shape in TestData.KeyShapes)
        {
            cases.Add(shape, 1, 1);
            cases.Add(shape, 3, 5);
            cases.Add(shape, 6, 2);
            cases.Add(shape, 2, 20);
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryRecordLandsInItsKeysPartition_NoneLostOrAdded(string shape, int inputPartitions, int numPartitions)
    {
        using var sc = new SparkContext("local[2]", "test");
        (int Key, int Value)[] data = TestData.Shape(shape);
        var partitioner = new HashPartitioner(numPartitions);

        Rdd<(int Key, int Value)> partitioned = sc.Parallelize(data, inputPartitions).PartitionBy(partitioner);

        Assert.Same(partitioner, partitioned.Partitioner);
        Assert.Equal(numPartitions, partitioned.NumPartitions);
        TestData.AssertSameMultiset(data, partitioned.Collect());
        TestData.AssertPlacedByPartitioner(partitioned);
        Assert.IsAssignableFrom<ShuffleDependency>(Assert.Single(partitioned.Dependencies));
    }

    [Fact]
    public void NullKeys_GoToPartitionZero()
    {
        using var sc = new SparkContext("local[2]", "test");
        (string? Key, int Value)[] data = TestData.NullKeyPairs(500, seed: 1);

        Rdd<(string? Key, int Value)> partitioned = sc.Parallelize(data, 3).PartitionBy(new HashPartitioner(4));

        (string? Key, int Value)[][] parts = partitioned.Glom().Collect();
        TestData.AssertSameMultiset(data.Where(p => p.Key is null), parts[0].Where(p => p.Key is null));
        TestData.AssertSameMultiset(data, parts.SelectMany(p => p));
        TestData.AssertPlacedByPartitioner(partitioned);
    }

    [Fact]
    public void CollidingKeys_AllShareOnePartition()
    {
        using var sc = new SparkContext("local[2]", "test");
        (CollidingKey Key, int Value)[] data = TestData.CollidingPairs(500, seed: 2);
        var partitioner = new HashPartitioner(7);

        (CollidingKey Key, int Value)[][] parts = sc.Parallelize(data, 3).PartitionBy(partitioner).Glom().Collect();

        int expected = partitioner.GetPartition((object)new CollidingKey(0));
        Assert.InRange(expected, 0, 6);
        TestData.AssertSameMultiset(data, parts[expected]);
    }

    [Fact]
    public void AlreadyPartitionedByAnEqualPartitioner_ReturnsTheSameInstance()
    {
        using var sc = new SparkContext("local[2]", "test");
        Rdd<(int, int)> once = sc.Parallelize(TestData.Pairs(100, 10, seed: 3), 2).PartitionBy(new HashPartitioner(3));

        Assert.Same(once, once.PartitionBy(new HashPartitioner(3)));
        Assert.NotSame(once, once.PartitionBy(new HashPartitioner(4)));
        Rdd<(int, int)> filtered = once.Filter(_ => true);
        Assert.Same(filtered, filtered.PartitionBy(new HashPartitioner(3)));
    }

    [Fact]
    public void Repartitioning_MovesEveryRecord()
    {
        using var sc = new SparkContext("local[2]", "test");
        (int Key, int Value)[] data = TestData.Pairs(1000, 97, seed: 4);

        Rdd<(int Key, int Value)> twice = sc.Parallelize(data, 4).PartitionBy(new HashPartitioner(3)).PartitionBy(new ModuloPartitioner(5));

        Assert.Equal(new ModuloPartitioner(5), twice.Partitioner);
        TestData.AssertSameMultiset(data, twice.Collect());
        TestData.AssertPlacedByPartitioner(twice);
    }

    [Fact]
    public void NullArguments_ThrowArgumentNull()
    {
        using var sc = new SparkContext("local[2]", "test");
        Assert.Throws<ArgumentNullException>(() => sc.Parallelize([(1, 2)]).PartitionBy(null!));
        Assert.Throws<ArgumentNullException>(() => PairRddExtensions.PartitionBy<int, int>(null!, new HashPartitioner(2)));
    }
}
