using System.Collections.Concurrent;

namespace MiniSpark.Tests.Operators;

/// <summary>Actions other than Take (see <see cref="TakeTests"/>), against LINQ over the same seeded data.</summary>
public sealed class ActionTests
{
    public static TheoryData<int, int> Layouts => new() { { 0, 3 }, { 500, 1 }, { 1000, 7 }, { 3, 10 } };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void CollectAndCount_MatchTheData(int n, int k)
    {
        using var sc = new SparkContext("local[2]", "test");
        int[] data = TestData.Ints(n, seed: 1);
        Rdd<int> rdd = sc.Parallelize(data, k);

        Assert.Equal(data, rdd.Collect());
        Assert.Equal(n, rdd.Count());
        Assert.Equal(data.Count(x => x > 0), rdd.Filter(x => x > 0).Count());
        Assert.Equal(data.Length * 2, rdd.FlatMap(x => new[] { x, x }).Count());
    }

    [Fact]
    public void Collect_IsInPartitionOrder_EvenWhenLaterPartitionsFinishFirst()
    {
        using var sc = new SparkContext("local[4]", "test");
        // Partition 0 does the most work, so later partitions tend to finish first; order must not depend on it.
        int[] data = [.. Enumerable.Range(0, 4000)];
        Rdd<int> rdd = sc.Parallelize(data, 8).MapPartitionsWithIndex((index, records) =>
        {
            int[] all = [.. records];
            if (index == 0)
            {
                for (int i = 0; i < 300; i++) all = [.. all.OrderByDescending(x => x).OrderBy(x => x)];
            }
            return all;
        });

        Assert.Equal(data, rdd.Collect());
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void First_IsTheFirstRecordInPartitionOrder(int n, int k)
    {
        using var sc = new SparkContext("local[2]", "test");
        int[] data = TestData.Ints(n, seed: 2);
        Rdd<int> rdd = sc.Parallelize(data, k);

        if (n == 0) Assert.Throws<InvalidOperationException>(() => rdd.First());
        else Assert.Equal(data[0], rdd.First());
    }

    [Fact]
    public void First_OnlyLaterPartitionsHoldData_FindsIt()
    {
        using var sc = new SparkContext("local[2]", "test");
        Rdd<int> rdd = sc.Parallelize(Enumerable.Range(0, 100), 50).Filter(x => x >= 97);

        Assert.Equal(97, rdd.First());
        Assert.Throws<InvalidOperationException>(() => rdd.Filter(_ => false).First());
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Reduce_MatchesAggregate_EmptyThrows(int n, int k)
    {
        using var sc = new SparkContext("local[2]", "test");
        int[] data = TestData.Ints(n, seed: 3);
        Rdd<int> rdd = sc.Parallelize(data, k);

        if (n == 0)
        {
            Assert.Throws<InvalidOperationException>(() => rdd.Reduce((a, b) => a + b));
            return;
        }
        Assert.Equal(data.Sum(), rdd.Reduce((a, b) => a + b));
        Assert.Equal(data.Max(), rdd.Reduce(Math.Max));
        Assert.Equal(data.Min(), rdd.Reduce(Math.Min));
    }

    [Fact]
    public void Reduce_AllPartitionsFilteredEmpty_Throws()
    {
        using var sc = new SparkContext("local[2]", "test");
        Rdd<int> rdd = sc.Parallelize(Enumerable.Range(0, 100), 5).Filter(x => x < 0);

        Assert.Throws<InvalidOperationException>(() => rdd.Reduce((a, b) => a + b));
    }

    [Fact]
    public void Reduce_SingleNonEmptyPartition_IsItsValueWithoutExtraApplications()
    {
        using var sc = new SparkContext("local[2]", "test");
        int calls = 0;
        Rdd<int> rdd = sc.Parallelize(Enumerable.Range(0, 20), 10).Filter(x => x == 13);

        Assert.Equal(13, rdd.Reduce((a, b) => { Interlocked.Increment(ref calls); return a + b; }));
        Assert.Equal(0, calls);
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Fold_AppliesZeroOncePerPartitionAndOnceAtTheEnd(int n, int k)
    {
        using var sc = new SparkContext("local[2]", "test");
        int[] data = TestData.Ints(n, seed: 4);
        Rdd<int> rdd = sc.Parallelize(data, k);

        Assert.Equal(data.Sum() + k + 1, rdd.Fold(1, (a, b) => a + b));
        Assert.Equal(data.Sum(), rdd.Fold(0, (a, b) => a + b));
        Assert.Equal(data.Sum() + 5 * (k + 1), rdd.Fold(() => 5, (a, b) => a + b));
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Aggregate_AppliesZeroOncePerPartitionAndOnceAtTheEnd(int n, int k)
    {
        using var sc = new SparkContext("local[2]", "test");
        int[] data = TestData.Ints(n, seed: 5);
        Rdd<int> rdd = sc.Parallelize(data, k);

        long withOne = rdd.Aggregate(1L, (acc, x) => acc + x, (a, b) => a + b);
        (long Sum, int Count) stats = rdd.Aggregate((0L, 0), (acc, x) => (acc.Item1 + x, acc.Item2 + 1),
            (a, b) => (a.Item1 + b.Item1, a.Item2 + b.Item2));
        List<int> lists = rdd.Aggregate(() => new List<int>(), (list, x) => { list.Add(x); return list; },
            (a, b) => { a.AddRange(b); return a; });

        Assert.Equal(data.Sum(x => (long)x) + k + 1, withOne);
        Assert.Equal((data.Sum(x => (long)x), n), stats);
        TestData.AssertSameMultiset(data, lists);
    }

    [Fact]
    public void Aggregate_CountsZerosPerPartitionWithATypeChange()
    {
        using var sc = new SparkContext("local[2]", "test");
        Rdd<string> rdd = sc.Parallelize(["a", "bb", "ccc"], 5);

        // Each of the 5 partitions starts from "|", and the merge starts from "|" once more.
        string merged = rdd.Aggregate("|", (acc, s) => acc + s.Length, (a, b) => a + b);

        Assert.Equal(6, merged.Count(c => c == '|'));
        Assert.Equal("123", new string([.. merged.Where(char.IsDigit)]));
    }

    // Spark's documented contract: seqOp/combOp (and Fold's op) may modify and return their first argument; each task
    // gets its own copy of the zero (Spark clones it through the closure serializer; we through the record serializer).
    [Fact]
    public void Aggregate_MutableZeroValue_IsCopiedPerPartition_AsInSpark()
    {
        using var sc = new SparkContext("local[2]", "test");
        int[] data = TestData.Ints(2000, seed: 13);

        List<int> all = sc.Parallelize(data, 8).Aggregate(new List<int>(),
            (list, x) => { list.Add(x); return list; },
            (a, b) => { a.AddRange(b); return a; });

        TestData.AssertSameMultiset(data, all);
    }

    [Fact]
    public void Fold_MutableZeroValue_IsCopiedPerPartition()
    {
        using var sc = new SparkContext("local[2]", "test");
        var result = sc.Parallelize(Enumerable.Range(0, 100).Select(i => new List<int> { i }), 5)
            .Fold(new List<int>(), (a, b) => { a.AddRange(b); return a; });
        Assert.Equal(Enumerable.Range(0, 100), result.Order());
    }

    [Fact]
    public void Aggregate_UncopyableZero_FailsNamingTypeAndRemedy()
    {
        using var sc = new SparkContext("local[2]", "test");
        var error = Assert.Throws<NotSupportedException>(() =>
            sc.Parallelize([1, 2, 3]).Aggregate(new MemoryStream(), (s, x) => s, (a, b) => a));
        Assert.Contains("MemoryStream", error.Message);
        Assert.Contains("Aggregate", error.Message);
        Assert.Contains("function that creates the zero value", error.Message);
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Foreach_RunsOncePerRecord(int n, int k)
    {
        using var sc = new SparkContext("local[2]", "test");
        int[] data = TestData.Ints(n, seed: 6);
        var seen = new ConcurrentBag<int>();

        sc.Parallelize(data, k).Foreach(seen.Add);

        TestData.AssertSameMultiset(data, seen);
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void ForeachPartition_RunsOncePerPartitionWithItsSlice(int n, int k)
    {
        using var sc = new SparkContext("local[2]", "test");
        int[] data = TestData.Ints(n, seed: 7);
        Rdd<int> rdd = sc.Parallelize(data, k);
        var seen = new ConcurrentBag<(int Partition, int[] Records)>();

        rdd.ForeachPartition(records => seen.Add((TaskContext.Current!.PartitionId, [.. records])));

        Assert.Equal(k, seen.Count);
        int[][] slices = rdd.Glom().Collect();
        Assert.Equal(slices, seen.OrderBy(s => s.Partition).Select(s => s.Records));
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void IsEmpty_TrueOnlyWithoutRecords(int n, int k)
    {
        using var sc = new SparkContext("local[2]", "test");
        Rdd<int> rdd = sc.Parallelize(TestData.Ints(n, seed: 8), k);

        Assert.Equal(n == 0, rdd.IsEmpty());
        Assert.True(rdd.Filter(_ => false).IsEmpty());
        Assert.Equal(n == 0, sc.Parallelize(Enumerable.Range(0, 100).Select(i => i == 99 ? 1 : 0), 100)
            .Filter(x => n > 0 && x == 1).IsEmpty());
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void ToLocalIterator_YieldsCollectOrder(int n, int k)
    {
        using var sc = new SparkContext("local[2]", "test");
        int[] data = TestData.Ints(n, seed: 9);

        Assert.Equal(data, sc.Parallelize(data, k).ToLocalIterator());
    }

    [Fact]
    public void ToLocalIterator_ComputesAPartitionOnlyWhenReached()
    {
        using var sc = new SparkContext("local[2]", "test");
        var computed = new ConcurrentQueue<int>();
        Rdd<int> rdd = sc.Parallelize(Enumerable.Range(0, 40), 4)
            .MapPartitionsWithIndex((index, records) => { computed.Enqueue(index); return records; });

        using IEnumerator<int> e = rdd.ToLocalIterator().GetEnumerator();
        Assert.Empty(computed); // nothing runs before the first MoveNext

        Assert.True(e.MoveNext());
        Assert.Equal(0, e.Current);
        Assert.Equal([0], computed);

        for (int i = 1; i < 10; i++) Assert.True(e.MoveNext());
        Assert.Equal([0], computed);
        Assert.True(e.MoveNext());
        Assert.Equal(10, e.Current);
        Assert.Equal([0, 1], computed);

        var rest = new List<int>();
        while (e.MoveNext()) rest.Add(e.Current);
        Assert.Equal(Enumerable.Range(11, 29), rest);
        Assert.Equal([0, 1, 2, 3], computed);
    }

    [Fact]
    public async Task AsyncForms_MatchTheirBlockingForms()
    {
        using var sc = new SparkContext("local[2]", "test");
        int[] data = TestData.Ints(1000, seed: 10);
        Rdd<int> rdd = sc.Parallelize(data, 6);
        var seen = new ConcurrentBag<int>();
        var partitions = new ConcurrentBag<int>();

        Assert.Equal(data, await rdd.CollectAsync());
        Assert.Equal(data.Length, await rdd.CountAsync());
        Assert.Equal(data[..17], await rdd.TakeAsync(17));
        Assert.Equal(data[0], await rdd.FirstAsync());
        Assert.False(await rdd.IsEmptyAsync());
        Assert.True(await rdd.Filter(_ => false).IsEmptyAsync());
        Assert.Equal(data.Sum(), await rdd.ReduceAsync((a, b) => a + b));
        Assert.Equal(data.Sum() + 6 + 1, await rdd.FoldAsync(1, (a, b) => a + b));
        Assert.Equal(data.Sum(x => (long)x) + 7, await rdd.AggregateAsync(1L, (acc, x) => acc + x, (a, b) => a + b));
        await rdd.ForeachAsync(seen.Add);
        TestData.AssertSameMultiset(data, seen);
        await rdd.ForeachPartitionAsync(records => partitions.Add(records.Count()));
        Assert.Equal(rdd.Glom().Collect().Select(p => p.Length).Order(), partitions.Order());

        var streamed = new List<int>();
        await foreach (int x in rdd.ToLocalIteratorAsync()) streamed.Add(x);
        Assert.Equal(data, streamed);
    }

    [Fact]
    public async Task AsyncForms_OnEmpty_ThrowLikeBlockingForms()
    {
        using var sc = new SparkContext("local[2]", "test");
        Rdd<int> empty = sc.Parallelize<int>([], 3);

        await Assert.ThrowsAsync<InvalidOperationException>(() => empty.FirstAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => empty.ReduceAsync((a, b) => a + b));
        Assert.Empty(await empty.CollectAsync());
        Assert.Equal(0, await empty.CountAsync());
        Assert.True(await empty.IsEmptyAsync());
        Assert.True(await sc.EmptyRdd<int>().IsEmptyAsync());
        await foreach (int _ in empty.ToLocalIteratorAsync()) Assert.Fail("no records expected");
    }

    [Fact]
    public async Task ToLocalIteratorAsync_ComputesAPartitionOnlyWhenReached()
    {
        using var sc = new SparkContext("local[2]", "test");
        var computed = new ConcurrentQueue<int>();
        Rdd<int> rdd = sc.Parallelize(Enumerable.Range(0, 6), 3)
            .MapPartitionsWithIndex((index, records) => { computed.Enqueue(index); return records; });

        await using IAsyncEnumerator<int> e = rdd.ToLocalIteratorAsync().GetAsyncEnumerator();
        Assert.True(await e.MoveNextAsync());
        Assert.Equal(0, e.Current);
        Assert.Equal([0], computed);
    }

    [Fact]
    public void NullFunctions_ThrowArgumentNull()
    {
        using var sc = new SparkContext("local[2]", "test");
        Rdd<int> rdd = sc.Parallelize([1, 2, 3]);

        Assert.Throws<ArgumentNullException>(() => rdd.Reduce(null!));
        Assert.Throws<ArgumentNullException>(() => rdd.Fold(0, null!));
        Assert.Throws<ArgumentNullException>(() => rdd.Aggregate(0, null!, (a, b) => a + b));
        Assert.Throws<ArgumentNullException>(() => rdd.Aggregate(0, (a, b) => a + b, null!));
        Assert.Throws<ArgumentNullException>(() => rdd.Foreach(null!));
        Assert.Throws<ArgumentNullException>(() => rdd.ForeachPartition(null!));
    }

    [Fact]
    public void ActionsOnPairsWithNullAndCollidingKeys_KeepEveryRecord()
    {
        using var sc = new SparkContext("local[2]", "test");
        (string? Key, int Value)[] nullKeys = TestData.NullKeyPairs(300, seed: 11);
        (CollidingKey Key, int Value)[] colliding = TestData.CollidingPairs(300, seed: 12);

        Assert.Equal(nullKeys, sc.Parallelize(nullKeys, 4).Collect());
        Assert.Equal(colliding, sc.Parallelize(colliding, 4).Collect());
        Assert.Equal(nullKeys.Count(p => p.Key is null), sc.Parallelize(nullKeys, 4).Filter(p => p.Item1 is null).Count());
    }
}
