namespace MiniSpark.Tests.Sources;

public sealed class EmptyRddTests
{
    [Fact]
    public void HasNoPartitionsNoDependenciesNoPartitioner()
    {
        using var sc = new SparkContext("local[2]", "test");
        Rdd<int> empty = sc.EmptyRdd<int>();

        Assert.Equal(0, empty.NumPartitions);
        Assert.Empty(empty.Partitions);
        Assert.Empty(empty.Dependencies);
        Assert.Null(empty.Partitioner);
    }

    [Fact]
    public void Actions_SeeNoRecords()
    {
        using var sc = new SparkContext("local[2]", "test");
        Rdd<int> empty = sc.EmptyRdd<int>();

        Assert.Empty(empty.Collect());
        Assert.Equal(0, empty.Count());
        Assert.Empty(empty.Take(5));
        Assert.True(empty.IsEmpty());
        Assert.Empty(empty.ToLocalIterator());
        Assert.Equal(1, empty.Fold(1, (a, b) => a + b)); // no partitions: only the final zero
        Assert.Equal(10, empty.Aggregate(10, (acc, x) => acc + x, (a, b) => a + b));
        Assert.Throws<InvalidOperationException>(() => empty.First());
        Assert.Throws<InvalidOperationException>(() => empty.Reduce((a, b) => a + b));
    }

    [Fact]
    public void Transformations_StayEmpty()
    {
        using var sc = new SparkContext("local[2]", "test");
        Rdd<int> empty = sc.EmptyRdd<int>();

        Assert.Empty(empty.Map(x => x + 1).Filter(x => x > 0).FlatMap(x => new[] { x, x }).Collect());
        Assert.Empty(empty.Glom().Collect());
        Assert.Empty(empty.KeyBy(x => x % 3).ReduceByKey((a, b) => a + b).Collect());
        Assert.Empty(empty.KeyBy(x => x % 3).GroupByKey().Collect());
    }
}
