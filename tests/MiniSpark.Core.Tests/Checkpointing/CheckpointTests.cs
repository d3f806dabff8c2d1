using MiniSpark.Tests.Fakes;

namespace MiniSpark.Tests.Checkpointing;

public sealed class CheckpointTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "minispark-checkpoint-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private SparkContext NewContext(string name)
    {
        var sc = new SparkContext("local[2]", name);
        sc.SetCheckpointDir(_root);
        return sc;
    }

    [Fact]
    public void Checkpoint_WithoutDirectory_FailsNamingTheRemedy()
    {
        using var sc = new SparkContext("local[2]", "no-dir");
        var error = Assert.Throws<InvalidOperationException>(() => sc.Parallelize([1, 2, 3]).Checkpoint());
        Assert.Contains("SetCheckpointDir", error.Message);
    }

    [Fact]
    public void Checkpoint_WritesAfterTheJob_CutsLineage_AndLaterJobsReadTheFiles()
    {
        using var sc = NewContext("checkpoint");
        int computed = 0;
        Rdd<int> squares = sc.Parallelize(Enumerable.Range(0, 100), 4).Map(x =>
        {
            Interlocked.Increment(ref computed);
            return x * x;
        });
        squares.Checkpoint();
        Assert.False(squares.IsCheckpointed);

        Assert.Equal(100, squares.Count());
        Assert.True(squares.IsCheckpointed);
        Assert.Equal(200, computed); // the job, then the checkpoint job
        var dependency = Assert.IsType<OneToOneDependency>(Assert.Single(squares.Dependencies));
        Assert.Empty(dependency.Rdd.Dependencies);
        Assert.Equal(4, Directory.GetFiles(squares.CheckpointFile!, "part-*").Length);

        Assert.Equal(Enumerable.Range(0, 100).Select(x => x * x), squares.Collect());
        Assert.Equal(200, computed); // read from the files, not recomputed
        Assert.DoesNotContain("ParallelCollectionRdd", squares.ToDebugString());
    }

    [Fact]
    public void CheckpointedShuffle_KeepsPartitioner_AndFreesTheShuffle()
    {
        using var sc = NewContext("checkpoint-shuffle");
        Rdd<(int Key, int Value)> sums = CreateAndCheckpoint(sc);
        Assert.IsType<HashPartitioner>(sums.Partitioner);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        sc.Cleaner.Sweep();
        Assert.Equal(0, sc.MapOutputs.ShuffleCount);
        Assert.Equal(Enumerable.Range(0, 60).GroupBy(x => x % 6).ToDictionary(g => g.Key, g => g.Sum()),
            sums.CollectAsMap().ToDictionary(p => p.Key, p => p.Value));
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static Rdd<(int Key, int Value)> CreateAndCheckpoint(SparkContext sc)
    {
        Rdd<(int Key, int Value)> sums = sc.Parallelize(Enumerable.Range(0, 60), 3).Map(x => (x % 6, x)).ReduceByKey((a, b) => a + b, 2);
        sums.Checkpoint();
        sums.Count();
        Assert.Equal(1, sc.MapOutputs.ShuffleCount);
        return sums;
    }

    [Theory]
    [InlineData("flip")]
    [InlineData("truncate")]
    [InlineData("delete")]
    public void DamagedCheckpointFile_FailsLoudlyNamingTheFile(string damage)
    {
        using var sc = NewContext("checkpoint-damaged");
        Rdd<string> words = sc.Parallelize(Enumerable.Range(0, 2000).Select(i => $"word-{i}"), 2);
        words.Checkpoint();
        words.Count();
        string file = Path.Combine(words.CheckpointFile!, "part-00001");
        byte[] bytes = File.ReadAllBytes(file);
        switch (damage)
        {
            case "flip":
                bytes[bytes.Length / 2] ^= 0x5A;
                File.WriteAllBytes(file, bytes);
                break;
            case "truncate":
                File.WriteAllBytes(file, bytes[..(bytes.Length * 2 / 3)]);
                break;
            case "delete":
                File.Delete(file);
                break;
        }
        var error = Assert.Throws<SparkJobException>(() => words.Collect());
        Assert.True(error.InnerException is InvalidDataException or FileNotFoundException, error.InnerException?.ToString());
        Assert.Contains(file, error.InnerException!.Message);
        Assert.Equal(1, error.PartitionId);
    }

    [Fact]
    public void IterativeJob_WithPeriodicCheckpoints_KeepsShortLineage()
    {
        using var sc = NewContext("checkpoint-iterative");
        var recorder = RecordingListener.On(sc);
        Rdd<(int Key, double Rank)> ranks = sc.Parallelize(Enumerable.Range(0, 20).Select(i => (i, 1.0)), 2);
        for (int i = 1; i <= 12; i++)
        {
            ranks = ranks.MapValues(r => r * 0.5).ReduceByKey((a, b) => a + b, 2);
            if (i % 5 == 0)
            {
                ranks.Checkpoint();
                ranks.Count();
            }
        }
        Assert.Equal(20 * Math.Pow(0.5, 12), ranks.Values().Reduce((a, b) => a + b), 9);
        sc.FlushEvents();
        SparkListenerJobStart last = recorder.Of<SparkListenerJobStart>().Last();
        Assert.True(last.StageInfos.Count <= 3, $"lineage should be cut at iteration 10, but the job has {last.StageInfos.Count} stages");
    }
}
