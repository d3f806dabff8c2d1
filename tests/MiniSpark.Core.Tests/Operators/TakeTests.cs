using System.Collections.Concurrent;

namespace MiniSpark.Tests.Operators;

public sealed class TakeTests
{
    // Records which partitions a job computed.
    private static Rdd<int> Tracked(Rdd<int> rdd, ConcurrentBag<int> computed) =>
        rdd.MapPartitionsWithIndex((index, records) => { computed.Add(index); return records; });

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(17)]
    [InlineData(999)]
    [InlineData(1000)]
    [InlineData(5000)]
    public void Take_IsThePrefixInPartitionOrder(int num)
    {
        using var sc = new SparkContext("local[2]", "test");
        int[] data = TestData.Ints(1000, seed: num);

        Assert.Equal(data.Take(num), sc.Parallelize(data, 7).Take(num));
    }

    [Fact]
    public void TakeZero_RunsNoJob()
    {
        using var sc = new SparkContext("local[2]", "test");
        var computed = new ConcurrentBag<int>();

        Assert.Empty(Tracked(sc.Parallelize([1, 2, 3], 3), computed).Take(0));
        Assert.Empty(computed);
    }

    [Fact]
    public void TakeNegative_ThrowsArgumentOutOfRange()
    {
        using var sc = new SparkContext("local[2]", "test");
        Assert.Throws<ArgumentOutOfRangeException>(() => sc.Parallelize([1, 2, 3]).Take(-1));
    }

    [Fact]
    public void TakeOne_WhenPartitionZeroHasData_ComputesOnlyPartitionZero()
    {
        using var sc = new SparkContext("local[4]", "test");
        var computed = new ConcurrentBag<int>();
        Rdd<int> rdd = Tracked(sc.Parallelize(Enumerable.Range(0, 1000), 100), computed);

        Assert.Equal([0], rdd.Take(1));
        Assert.Equal([0], computed);
    }

    [Fact]
    public void TakeOne_ReadsOnlyOneRecordOfThePartition()
    {
        using var sc = new SparkContext("local[2]", "test");
        int read = 0;
        Rdd<int> rdd = sc.Parallelize(Enumerable.Range(0, 1000), 1).Map(x => { Interlocked.Increment(ref read); return x; });

        Assert.Equal([0, 1, 2], rdd.Take(3));
        Assert.Equal(3, read);
    }

    [Fact]
    public void Take_FromFirstPartitionsOnly_ScansAPrefixOfPartitions()
    {
        using var sc = new SparkContext("local[4]", "test");
        var computed = new ConcurrentBag<int>();
        // One record per partition: take 10 must not scan all 100.
        Rdd<int> rdd = Tracked(sc.Parallelize(Enumerable.Range(0, 100), 100), computed);

        Assert.Equal(Enumerable.Range(0, 10), rdd.Take(10));

        int[] scanned = [.. computed.Order()];
        Assert.Equal(Enumerable.Range(0, scanned.Length), scanned); // each partition once, a prefix
        Assert.InRange(scanned.Length, 10, 40);
    }

    [Fact]
    public void Take_AcrossManyMostlyEmptyPartitions()
    {
        using var sc = new SparkContext("local[4]", "test");
        var computed = new ConcurrentBag<int>();
        // 100 partitions; only 50, 51 and 99 hold data.
        int[] data = [.. Enumerable.Range(0, 100)];
        Rdd<int> rdd = Tracked(sc.Parallelize(data, 100), computed).Filter(x => x is 50 or 51 or 99);

        Assert.Equal([50, 51, 99], rdd.Take(5));
        Assert.Equal([50, 51], rdd.Take(2));
        Assert.Equal([50], rdd.Take(1));
        Assert.Equal(50, rdd.First());
        Assert.False(rdd.IsEmpty());
    }

    [Fact]
    public void Take_MostlyEmpty_EachPartitionComputedOncePerTake()
    {
        using var sc = new SparkContext("local[4]", "test");
        var computed = new ConcurrentBag<int>();
        Rdd<int> rdd = Tracked(sc.Parallelize(Enumerable.Range(0, 100), 100), computed).Filter(x => x == 77);

        Assert.Equal([77], rdd.Take(1));

        Assert.Equal(Enumerable.Range(0, 100), computed.Order());
    }

    [Fact]
    public void Take_MoreThanAvailable_ReturnsAll()
    {
        using var sc = new SparkContext("local[2]", "test");
        int[] data = TestData.Ints(30, seed: 1);

        Assert.Equal(data, sc.Parallelize(data, 64).Take(1000));
        Assert.Empty(sc.Parallelize<int>([], 5).Take(10));
        Assert.Empty(sc.EmptyRdd<int>().Take(10));
    }

    [Fact]
    public void Take_AfterShuffle_IsPrefixOfCollect()
    {
        using var sc = new SparkContext("local[2]", "test");
        Rdd<(int Key, int Value)> reduced = sc.Parallelize(TestData.Pairs(500, 50, seed: 2), 5).ReduceByKey((a, b) => a + b, 8);

        (int, int)[] all = reduced.Collect();

        Assert.Equal(all.Take(13), reduced.Take(13));
        Assert.Equal(all, reduced.Take(100));
    }
}
