using MiniSpark.Shuffle;
using MiniSpark.Storage;
using MiniSpark.Tests.Fakes;

namespace MiniSpark.Tests.FaultTolerance;

/// <summary>Lost and corrupt shuffle outputs and cached blocks are recomputed from lineage; changed recomputations are caught.</summary>
public sealed class LostDataTests
{
    private static Rdd<(int Key, int Value)> Sums(SparkContext sc, int maps = 3, int reducers = 2) =>
        sc.Parallelize(Enumerable.Range(0, 300), maps).Map(x => (x % 10, x)).ReduceByKey((a, b) => a + b, reducers);

    private static readonly Dictionary<int, int> Expected =
        Enumerable.Range(0, 300).GroupBy(x => x % 10).ToDictionary(g => g.Key, g => g.Sum());

    private static ShuffleDependency ShuffleOf(Rdd rdd) => (ShuffleDependency)rdd.Dependencies.Single();

    [Fact]
    public void LostMapOutput_IsRecomputed_OnlyThatPartition()
    {
        using var sc = new SparkContext("local[2]", "lost-output");
        var recorder = RecordingListener.On(sc);
        Rdd<(int Key, int Value)> sums = Sums(sc);
        sums.Count();
        Assert.True(sc.MapOutputs.RemoveOutput(ShuffleOf(sums).ShuffleId, 1));

        Assert.Equal(Expected, sums.CollectAsMap().ToDictionary(p => p.Key, p => p.Value));
        sc.FlushEvents();
        SparkListenerStageSubmitted[] submitted = [.. recorder.Of<SparkListenerStageSubmitted>()];
        // Job 1: map (3 tasks) + result. Job 2 knows the output is missing: map again for partition 1 only, then result.
        Assert.Contains(submitted.Skip(2), s => s.StageInfo.IsShuffleMap);
        Assert.DoesNotContain(recorder.Of<SparkListenerTaskEnd>(), e => !e.Successful);
        int[] mapStages = [.. submitted.Where(s => s.StageInfo.IsShuffleMap).Select(s => s.StageInfo.StageId)];
        Assert.Equal(2, mapStages.Length);
        Assert.Equal(1, recorder.Of<SparkListenerTaskEnd>().Count(e => e.StageId == mapStages[1])); // only the lost partition
    }

    [Fact]
    public void CorruptMapOutputFile_IsDetectedAndRecomputed()
    {
        using var sc = new SparkContext(new SparkConf().SetMaster("local[2]").SetAppName("corrupt-output")
            .Set("spark.memory.maxBytes", "1")); // map outputs go straight to disk
        Rdd<(int Key, int Value)> sums = Sums(sc);
        sums.Count();
        MapOutput output = sc.MapOutputs.OutputOf(ShuffleOf(sums).ShuffleId, 0)!;
        Assert.True(output.IsOnDisk);
        string file = ((MapOutput<(int, int)>)output).FilePath!;
        byte[] bytes = File.ReadAllBytes(file);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(file, bytes);

        Assert.Equal(Expected, sums.CollectAsMap().ToDictionary(p => p.Key, p => p.Value));
    }

    [Fact]
    public void OutputsLostDuringTheJob_AreRecomputed()
    {
        using var sc = new SparkContext("local[2]", "lost-during-job");
        int losses = 0;
        sc.MapOutputs.LoseOutputOnFetch = (_, map, reduce) => map == reduce && Interlocked.Increment(ref losses) <= 2;
        Rdd<(int Key, int Value)> sums = Sums(sc);
        Assert.Equal(Expected, sums.CollectAsMap().ToDictionary(p => p.Key, p => p.Value));
        Assert.True(losses >= 2);
    }

    [Fact]
    public void OutputLostEveryTime_AbortsAfterRepeatedStageFailures()
    {
        using var sc = new SparkContext("local[2]", "lost-always");
        sc.MapOutputs.LoseOutputOnFetch = (_, map, _) => map == 0;
        var error = Assert.Throws<SparkJobException>(() => Sums(sc).Count());
        Assert.Contains("4 times in a row", error.Message);
    }

    [Fact]
    public void NonDeterministicMapFunction_WithResultsAlreadyReturned_FailsTheJobSayingWhy()
    {
        using var sc = new SparkContext("local[1]", "non-deterministic");
        int calls = 0;
        // Each computation of a record yields a different value: a recomputed map output cannot match the lost one.
        Rdd<(int Key, int Value)> pairs = sc.Parallelize(Enumerable.Range(0, 40), 2).Map(x => (x % 4, Interlocked.Increment(ref calls)));
        Rdd<(int Key, int Value)> sums = pairs.ReduceByKey((a, b) => a + b, 2);
        int fetches = 0;
        // Reduce partition 0 reads everything; then map output 0 is lost before reduce partition 1 reads it.
        sc.MapOutputs.LoseOutputOnFetch = (_, map, reduce) => reduce == 1 && map == 0 && Interlocked.Increment(ref fetches) == 1;
        var error = Assert.Throws<SparkJobException>(() => sums.Collect());
        Assert.Contains("not deterministic", error.Message);
        Assert.Contains("different data", error.Message);
    }

    [Fact]
    public void DeterministicFunctions_SameScenario_Recover()
    {
        using var sc = new SparkContext("local[1]", "deterministic");
        Rdd<(int Key, int Value)> sums = sc.Parallelize(Enumerable.Range(0, 40), 2).Map(x => (x % 4, x * 3)).ReduceByKey((a, b) => a + b, 2);
        int fetches = 0;
        sc.MapOutputs.LoseOutputOnFetch = (_, map, reduce) => reduce == 1 && map == 0 && Interlocked.Increment(ref fetches) == 1;
        Assert.Equal(Enumerable.Range(0, 40).GroupBy(x => x % 4).ToDictionary(g => g.Key, g => g.Sum() * 3),
            sums.CollectAsMap().ToDictionary(p => p.Key, p => p.Value));
    }

    [Fact]
    public void NonDeterministicInput_ToASecondShuffle_RerunsItEntirely_NoMixedOutput()
    {
        using var sc = new SparkContext("local[1]", "non-deterministic-two-shuffles");
        int calls = 0;
        // Each record carries a bit for the (attempt of the first map stage, map partition) that produced it, so a recomputed
        // output differs from the lost one; reducers OR the bits. Every map partition must appear in one version only
        // across the whole result: a reducer that read the lost version would add a second bit for that partition.
        Rdd<(int Key, long Versions)> first = sc.Parallelize(Enumerable.Range(0, 40), 2)
            .Map(x =>
            {
                Interlocked.Increment(ref calls);
                TaskContext task = TaskContext.Current!;
                return (x % 4, 1L << (task.StageAttemptNumber * 2 + task.PartitionId));
            })
            .ReduceByKey((a, b) => a | b, 2);
        Rdd<(int Key, long Versions)> second = first.Map(p => (p.Key % 2, p.Versions)).ReduceByKey((a, b) => a | b, 1);
        int fetches = 0;
        ShuffleDependency firstShuffle = ShuffleOf(first);
        // The second shuffle's map side reads the first; lose the first's map output 0 when its second reducer reads it.
        sc.MapOutputs.LoseOutputOnFetch = (shuffle, map, reduce) =>
            shuffle == firstShuffle.ShuffleId && reduce == 1 && map == 0 && Interlocked.Increment(ref fetches) == 1;

        (int Key, long Versions)[] result = second.Collect();

        Assert.Equal(2, result.Length);
        long versions = result[0].Versions;
        Assert.All(result, r => Assert.Equal(versions, r.Versions));
        const long partition0 = 0x5555_5555_5555_5555, partition1 = partition0 << 1; // bits of even and odd positions
        Assert.True(System.Numerics.BitOperations.PopCount((ulong)(versions & partition0)) == 1, $"map 0 in several versions: {versions:b}");
        Assert.True(System.Numerics.BitOperations.PopCount((ulong)(versions & partition1)) == 1, $"map 1 in several versions: {versions:b}");
        Assert.True((versions & 1) == 0, $"the lost version of map 0 reached the result: {versions:b}");
        Assert.True(calls >= 60, "map 0 of the first stage ran again");
    }

    [Fact]
    public void LostCachedBlocks_AreRecomputed()
    {
        using var sc = new SparkContext("local[2]", "lost-blocks");
        int computed = 0;
        Rdd<int> onDisk = sc.Parallelize(Enumerable.Range(0, 100), 4).Map(x => { Interlocked.Increment(ref computed); return x; })
            .Persist(StorageLevel.DiskOnly);
        onDisk.Count();
        File.Delete(sc.BlockManager.DiskStore.PathOf(new RddBlockId(onDisk.Id, 2))!);
        sc.BlockManager.MemoryStore.RemoveRdd(onDisk.Id);
        Assert.Equal(4950, onDisk.Reduce((a, b) => a + b));
        Assert.Equal(125, computed); // 100 once, then the lost partition's 25 again

        Rdd<int> inMemory = sc.Parallelize(Enumerable.Range(0, 100), 4).Cache();
        inMemory.Count();
        sc.BlockManager.MemoryStore.Remove(new RddBlockId(inMemory.Id, 1));
        Assert.Equal(100, inMemory.Count());
    }
}
