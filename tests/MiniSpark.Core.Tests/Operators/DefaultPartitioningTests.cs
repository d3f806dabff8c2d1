namespace MiniSpark.Tests.Operators;

/// <summary>Spark's rule for a key-based result's partitions when none is given.</summary>
public sealed class DefaultPartitioningTests
{
    private static SparkContext WithDefaultParallelism(int value) =>
        new(new SparkConf().SetMaster("local[2]").SetAppName("test").Set("spark.default.parallelism", value.ToString()));

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(9)]
    public void Unset_UsesTheInputsPartitionCount_NotTheSlots(int inputPartitions)
    {
        using var sc = new SparkContext("local[2]", "test");
        Rdd<(int, int)> pairs = sc.Parallelize(TestData.Pairs(200, 20, seed: 1), inputPartitions);

        Assert.Equal(inputPartitions, pairs.ReduceByKey((a, b) => a + b).NumPartitions);
        Assert.Equal(inputPartitions, pairs.GroupByKey().NumPartitions);
        Assert.Equal(inputPartitions, pairs.CombineByKey(v => v, (c, v) => c + v, (a, b) => a + b).NumPartitions);
        Assert.Equal(new HashPartitioner(inputPartitions), pairs.ReduceByKey((a, b) => a + b).Partitioner);
    }

    [Fact]
    public void Set_UsesTheConfiguredValue()
    {
        using SparkContext sc = WithDefaultParallelism(3);
        (int Key, int Value)[] data = TestData.Pairs(200, 20, seed: 2);
        Rdd<(int, int)> pairs = sc.Parallelize(data, 8);

        Rdd<(int Key, int Value)> reduced = pairs.ReduceByKey((a, b) => a + b);

        Assert.Equal(3, reduced.NumPartitions);
        Assert.Equal(3, pairs.GroupByKey().NumPartitions);
        Assert.Equal(3, pairs.CombineByKey(v => v, (c, v) => c + v, (a, b) => a + b).NumPartitions);
        TestData.AssertSameMultiset(data.GroupBy(p => p.Key).Select(g => (g.Key, g.Sum(p => p.Value))), reduced.Collect());
    }

    [Fact]
    public void ExplicitCount_WinsOverTheDefault()
    {
        using SparkContext sc = WithDefaultParallelism(3);
        Rdd<(int, int)> pairs = sc.Parallelize(TestData.Pairs(200, 20, seed: 3), 8);

        Assert.Equal(6, pairs.ReduceByKey((a, b) => a + b, 6).NumPartitions);
        Assert.Equal(1, pairs.GroupByKey(1).NumPartitions);
    }

    [Fact]
    public void InputWithAPartitioner_KeepsIt()
    {
        using SparkContext sc = WithDefaultParallelism(3);
        Rdd<(int, int)> partitioned = sc.Parallelize(TestData.Pairs(200, 20, seed: 4), 2).PartitionBy(new HashPartitioner(5));

        Assert.Equal(new HashPartitioner(5), partitioned.ReduceByKey((a, b) => a + b).Partitioner);
        Assert.Equal(new HashPartitioner(5), partitioned.MapValues(v => v + 1).GroupByKey().Partitioner);
    }

    [Fact]
    public void EmptyInput_StillHasAPartitionAndNoRecords()
    {
        using var sc = new SparkContext("local[2]", "test");

        Rdd<(int Key, int Value)> reduced = sc.EmptyRdd<(int, int)>().ReduceByKey((a, b) => a + b);

        Assert.True(reduced.NumPartitions >= 1);
        Assert.Empty(reduced.Collect());
        Assert.Equal(0, reduced.Count());
    }
}
