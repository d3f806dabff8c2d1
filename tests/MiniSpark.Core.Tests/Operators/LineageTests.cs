namespace MiniSpark.Tests.Operators;

/// <summary>Lineage shapes of operators: dependencies and <see cref="Rdd.ToDebugString"/>.</summary>
public sealed class LineageTests
{
    private static string[] Lines(Rdd rdd) => rdd.ToDebugString().Split(Environment.NewLine);

    [Fact]
    public void ReduceByKey_DebugString_IndentsTheShuffleParent()
    {
        using var sc = new SparkContext("local[2]", "test");
        Rdd<int> numbers = sc.Parallelize(Enumerable.Range(0, 100), 4);
        Rdd<(int, int)> pairs = numbers.Map(x => (x % 5, x));
        Rdd<(int Key, int Value)> reduced = pairs.ReduceByKey((a, b) => a + b, 3);

        string[] lines = Lines(reduced);

        Assert.Equal(3, lines.Length);
        Assert.Equal($"(3) ShuffledRdd[{reduced.Id}] at ReduceByKey []", lines[0]);
        Assert.Equal($" +-(4) MapPartitionsRdd[{pairs.Id}] at Map []", lines[1]);
        Assert.Equal($"    |  ParallelCollectionRdd[{numbers.Id}] at Parallelize []", lines[2]);
    }

    [Fact]
    public void TwoShuffles_DebugString_IndentsEachLevel()
    {
        using var sc = new SparkContext("local[2]", "test");
        Rdd<(int Key, int Value)> twice = sc.Parallelize(TestData.Pairs(50, 5, seed: 1), 2)
            .ReduceByKey((a, b) => a + b, 3)
            .MapValues(v => v * 2)
            .GroupByKey(4)
            .MapValues(vs => vs.Count);

        string[] lines = Lines(twice);

        Assert.Equal(2, lines.Count(l => l.Contains("+-(")));
        int first = Array.FindIndex(lines, l => l.Contains("+-("));
        int second = Array.FindLastIndex(lines, l => l.Contains("+-("));
        Assert.True(lines[second].IndexOf("+-(", StringComparison.Ordinal) > lines[first].IndexOf("+-(", StringComparison.Ordinal));
        Assert.StartsWith("(4) ", lines[0]);
        Assert.Contains("ParallelCollectionRdd", lines[^1]);
    }

    [Fact]
    public void NarrowChain_HasNoShuffleBranch()
    {
        using var sc = new SparkContext("local[2]", "test");
        Rdd<int> chain = sc.Parallelize([1, 2, 3], 2).Map(x => x + 1).Filter(x => x > 1);

        string[] lines = Lines(chain);

        Assert.Equal(3, lines.Length);
        Assert.DoesNotContain(lines, l => l.Contains("+-("));
        Assert.StartsWith("(2) MapPartitionsRdd", lines[0]);
        Assert.StartsWith(" |  MapPartitionsRdd", lines[1]);
        Assert.StartsWith(" |  ParallelCollectionRdd", lines[2]);
    }

    [Fact]
    public void SetName_AppearsInTheDebugString()
    {
        using var sc = new SparkContext("local[2]", "test");
        Rdd<int> named = sc.Parallelize([1, 2, 3], 2).SetName("numbers");

        Assert.Same(named, named.SetName("numbers"));
        Assert.StartsWith("(2) numbers ParallelCollectionRdd", named.ToDebugString());
    }

    [Fact]
    public void ReduceByKey_OnEquallyPartitionedInput_HasNoShuffleAnywhereAboveThePartitioning()
    {
        using var sc = new SparkContext("local[2]", "test");
        Rdd<(int, int)> partitioned = sc.Parallelize(TestData.Pairs(100, 10, seed: 2), 2).PartitionBy(new HashPartitioner(3));

        Rdd<(int Key, int Value)> reduced = partitioned.ReduceByKey((a, b) => a + b);

        Assert.IsAssignableFrom<NarrowDependency>(Assert.Single(reduced.Dependencies));
        Assert.Equal(1, Lines(reduced).Count(l => l.Contains("+-("))); // only PartitionBy's own shuffle
    }
}
