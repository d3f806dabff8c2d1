using System.Collections.Concurrent;

namespace MiniSpark.Tests.Storage;

public sealed class PersistenceTests
{
    public sealed record Order(int Id, string Customer, List<string> Items, decimal Total, DateTime At);

    private static SparkContext WithBudget(string budget, string name = "persist", string master = "local[2]") =>
        new(new SparkConf().SetMaster(master).SetAppName(name).Set("spark.memory.maxBytes", budget));

    private static Order[] Orders(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new Order(i, $"customer-{i % 17}", [.. Enumerable.Range(0, i % 4).Select(j => $"item-{j}")],
            i * 1.25m, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(i)))];

    [Fact]
    public void Persist_WithoutLevel_IsMemoryOnly_LikeCache()
    {
        using var sc = new SparkContext("local[2]", "persist");
        int computed = 0;
        Rdd<int> rdd = sc.Parallelize(Enumerable.Range(0, 100), 3).Map(x => { Interlocked.Increment(ref computed); return x; });

        Assert.Same(rdd, rdd.Persist());
        Assert.Equal(StorageLevel.MemoryOnly, rdd.StorageLevel);
        Assert.Same(rdd, rdd.Cache()); // the same level again is allowed
        Assert.Equal(100, rdd.Count());
        Assert.Equal(4950, rdd.Sum());
        Assert.Equal(100, computed);
    }

    [Fact]
    public void Cache_ComputesOnce_AndReportsStorage()
    {
        using var sc = new SparkContext("local[2]", "cache");
        int computed = 0;
        Rdd<int> rdd = sc.Parallelize(Enumerable.Range(0, 1000), 4).Map(x => { Interlocked.Increment(ref computed); return x * 2; })
            .SetName("doubled").Cache();
        Assert.Same(rdd, rdd.Cache());
        Assert.Equal(1000, rdd.Count());
        Assert.Equal(999_000, rdd.Reduce((a, b) => a + b));
        Assert.Equal(1000, computed);

        RddStorageInfo info = Assert.Single(sc.GetRddStorageInfo());
        Assert.Equal((rdd.Id, "doubled", 4, 4), (info.RddId, info.Name, info.NumPartitions, info.CachedPartitions));
        Assert.Equal(StorageLevel.MemoryOnly, info.StorageLevel);
        Assert.True(info.MemoryBytes > 4000, $"{info.MemoryBytes} bytes for 1000 ints");
        Assert.Equal(0, info.DiskBytes);
        Assert.Contains("[Memory Deserialized 1x Replicated]", rdd.ToDebugString());
    }

    [Fact]
    public void MemoryOnly_OverBudget_StillCorrect_RecomputesWhatDoesNotFit()
    {
        using var sc = WithBudget("256k");
        int computed = 0;
        Rdd<string> rdd = sc.Parallelize(Enumerable.Range(0, 40_000), 8)
            .Map(i => { Interlocked.Increment(ref computed); return $"record-{i:D8}"; }).Cache();
        Assert.Equal(40_000, rdd.Count());
        Assert.Equal(40_000, rdd.Distinct().Count());
        Assert.True(computed > 40_000, "partitions that did not fit were recomputed");
        RddStorageInfo info = Assert.Single(sc.GetRddStorageInfo());
        Assert.True(info.CachedPartitions < 8);
        Assert.True(info.MemoryBytes <= 256 * 1024);
    }

    [Fact]
    public void Eviction_IsLeastRecentlyUsedByDataset_NeverTheOneBeingStored()
    {
        using var sc = WithBudget("400k", master: "local[1]");
        // Each dataset is estimated at about 160 KB: two fit, three do not.
        Rdd<string> Make(string tag) => sc.Parallelize(Enumerable.Range(0, 3000), 2).Map(i => $"{tag}-{i:D10}").Cache();
        Rdd<string> a = Make("a"), b = Make("b"), c = Make("c");
        a.Count();
        b.Count();
        a.Count(); // a is now more recent than b
        c.Count(); // needs room: b goes first
        var cached = sc.GetRddStorageInfo().ToDictionary(i => i.RddId, i => i.CachedPartitions);
        Assert.Equal(2, cached[c.Id]);
        Assert.Equal(2, cached[a.Id]);
        Assert.Equal(0, cached[b.Id]);
        Assert.True(sc.BlockManager.MemoryStore.EvictedBlocks >= 2);
    }

    [Theory]
    [InlineData("MemoryAndDisk")]
    [InlineData("MemoryAndDiskSerialized")]
    [InlineData("DiskOnly")]
    [InlineData("MemoryOnlySerialized")]
    public void Levels_RoundTripUserRecords(string levelName)
    {
        StorageLevel level = typeof(StorageLevel).GetProperty(levelName)!.GetValue(null) as StorageLevel ?? throw new InvalidOperationException();
        using var sc = WithBudget("64m");
        Order[] orders = Orders(500);
        int computed = 0;
        Rdd<Order> rdd = sc.Parallelize(orders, 3).Map(o => { Interlocked.Increment(ref computed); return o; }).Persist(level);
        Order[] first = rdd.Collect();
        Order[] second = rdd.Collect();
        Assert.Equal(500, computed);
        Assert.Equal(orders.Select(o => (o.Id, o.Customer, string.Join(",", o.Items), o.Total, o.At)),
            second.Select(o => (o.Id, o.Customer, string.Join(",", o.Items), o.Total, o.At)));
        Assert.Equal(first.Length, second.Length);
        RddStorageInfo info = Assert.Single(sc.GetRddStorageInfo());
        Assert.Equal(3, info.CachedPartitions);
        if (level.UseDisk && !level.UseMemory) Assert.True(info.DiskBytes > 0);
        if (level.UseMemory) Assert.True(info.MemoryBytes > 0);
    }

    [Fact]
    public void MemoryAndDisk_OverBudget_SpillsToDisk_WithoutRecomputing()
    {
        using var sc = WithBudget("128k");
        int computed = 0;
        Rdd<string> rdd = sc.Parallelize(Enumerable.Range(0, 30_000), 6)
            .Map(i => { Interlocked.Increment(ref computed); return $"value-{i:D9}"; }).Persist(StorageLevel.MemoryAndDisk);
        Assert.Equal(30_000, rdd.Count());
        Assert.Equal(30_000, rdd.Collect().Distinct().Count());
        Assert.Equal(30_000, computed);
        RddStorageInfo info = Assert.Single(sc.GetRddStorageInfo());
        Assert.Equal(6, info.CachedPartitions);
        Assert.True(info.DiskBytes > 0);
    }

    [Fact]
    public void Unpersist_RemovesMemoryAndDiskBlocks()
    {
        using var sc = WithBudget("64k");
        Rdd<string> rdd = sc.Parallelize(Enumerable.Range(0, 20_000), 4).Map(i => $"v{i:D9}").Persist(StorageLevel.MemoryAndDisk);
        rdd.Count();
        string blocks = Path.Combine(sc.LocalDirectoryPath, "blocks");
        Assert.NotEmpty(Directory.GetFiles(blocks));
        Assert.Same(rdd, rdd.Unpersist());
        Assert.Empty(Directory.GetFiles(blocks));
        Assert.Empty(sc.GetRddStorageInfo());
        Assert.Equal(0, sc.Memory.StorageUsed);
        Assert.Equal(StorageLevel.None, rdd.StorageLevel);
    }

    [Fact]
    public void ConcurrentReaders_ComputeEachPartitionOnce()
    {
        using var sc = new SparkContext("local[4]", "concurrent-cache");
        var computedPartitions = new ConcurrentBag<int>();
        Rdd<int> rdd = sc.Parallelize(Enumerable.Range(0, 4000), 4).MapPartitionsWithIndex((i, records) =>
        {
            computedPartitions.Add(i);
            return records.Select(x => x + 1);
        }).Cache();
        Parallel.For(0, 8, _ => Assert.Equal(4000, rdd.Count()));
        Assert.Equal([0, 1, 2, 3], computedPartitions.Order());
    }

    [Fact]
    public void ChangingTheLevel_RequiresUnpersistFirst()
    {
        using var sc = new SparkContext("local[2]", "level-change");
        Rdd<int> rdd = sc.Parallelize([1, 2, 3]).Cache();
        Assert.Contains("Unpersist", Assert.Throws<InvalidOperationException>(() => rdd.Persist(StorageLevel.DiskOnly)).Message);
        rdd.Unpersist().Persist(StorageLevel.DiskOnly);
        Assert.Equal(StorageLevel.DiskOnly, rdd.StorageLevel);
        Assert.Equal(6, rdd.Reduce((a, b) => a + b));
    }

    [Fact]
    public void UnreachablePersistedDataset_IsCleanedUp()
    {
        using var sc = new SparkContext("local[2]", "persist-cleaner");
        CacheAndDrop(sc);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        sc.Cleaner.Sweep();
        Assert.Equal(0, sc.Memory.StorageUsed);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void CacheAndDrop(SparkContext sc)
    {
        sc.Parallelize(Enumerable.Range(0, 1000), 2).Cache().Count();
        Assert.True(sc.Memory.StorageUsed > 0);
    }
}
