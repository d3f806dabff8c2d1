using MiniSpark.Tests.Fakes;

namespace MiniSpark.Tests.Operators;

/// <summary>Consecutive narrow steps run as one loop; results, persistence, checkpoints and bad-record skipping must be
/// exactly as if each ran alone.</summary>
public sealed class FusedChainTests
{
    public static TheoryData<int, int> Layouts => new() { { 0, 3 }, { 700, 1 }, { 2000, 9 }, { 4, 12 } };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void EveryPairOfSteps_MatchesLinq_InOrder(int n, int k)
    {
        using var sc = new SparkContext("local[2]", "fused");
        int[] data = TestData.Ints(n, seed: 11, maxValue: 50);
        Rdd<int> rdd = sc.Parallelize(data, k);

        // Map, Filter and FlatMap (array and lazy results) followed by each of them.
        Assert.Equal(data.Select(x => x * 2).Select(x => x + 1), rdd.Map(x => x * 2).Map(x => x + 1).Collect());
        Assert.Equal(data.Select(x => x * 2).Where(x => x % 3 == 0), rdd.Map(x => x * 2).Filter(x => x % 3 == 0).Collect());
        Assert.Equal(data.Select(x => x % 4).SelectMany(x => Enumerable.Repeat(x, Math.Abs(x))),
            rdd.Map(x => x % 4).FlatMap(x => Enumerable.Repeat(x, Math.Abs(x))).Collect());
        Assert.Equal(data.Where(x => x > 0).Select(x => $"{x}"), rdd.Filter(x => x > 0).Map(x => $"{x}").Collect());
        Assert.Equal(data.Where(x => x > 0).Where(x => x % 2 == 0), rdd.Filter(x => x > 0).Filter(x => x % 2 == 0).Collect());
        Assert.Equal(data.Where(x => x < 0).SelectMany(x => new[] { x, -x }), rdd.Filter(x => x < 0).FlatMap(x => new[] { x, -x }).Collect());
        Assert.Equal(data.SelectMany(x => new[] { x, x + 1 }).Select(x => (x, 1)),
            rdd.FlatMap(x => new[] { x, x + 1 }).Map(x => (x, 1)).Collect());
        Assert.Equal(data.SelectMany(x => Enumerable.Range(0, Math.Abs(x) % 3)).Where(x => x == 1),
            rdd.FlatMap(x => Enumerable.Range(0, Math.Abs(x) % 3)).Filter(x => x == 1).Collect());
        Assert.Equal(data.Select(x => (x % 5, x)).Select(p => (p.Item1, p.x * 10)),
            rdd.KeyBy(x => x % 5).MapValues(v => v * 10).Collect());
    }

    [Fact]
    public void LongChain_WithWordCount_MatchesLinq()
    {
        using var sc = new SparkContext("local[2]", "fused-word-count");
        var random = new Random(5);
        string[] lines = [.. Enumerable.Range(0, 3000).Select(_ => string.Join(' ',
            Enumerable.Range(0, random.Next(0, 9)).Select(_ => "w" + random.Next(40))))];

        (string, int)[] counts = sc.Parallelize(lines, 6).FlatMap(l => l.Split(' ')).Filter(w => w.Length > 0).Map(w => (w, 1))
            .ReduceByKey((a, b) => a + b).Collect();

        var expected = lines.SelectMany(l => l.Split(' ')).Where(w => w.Length > 0).GroupBy(w => w, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Assert.Equal(expected.Count, counts.Length);
        foreach ((string word, int count) in counts) Assert.Equal(expected[word], count);
    }

    [Fact]
    public void PersistedParent_IsReadFromTheStore_NotRecomputedThroughTheFusedLoop()
    {
        using var sc = new SparkContext("local[2]", "fused-cache");
        int calls = 0;
        Rdd<int> parent = sc.Parallelize(Enumerable.Range(0, 1000), 4).Map(x =>
        {
            Interlocked.Increment(ref calls);
            return x * 2;
        }).Cache();

        Assert.Equal(1000, parent.Map(x => x + 1).Count());
        Assert.Equal(500, parent.Filter(x => x % 4 == 0).Count());
        Assert.Equal(Enumerable.Range(0, 1000).Select(x => x * 2 + 1), parent.Map(x => x + 1).Collect());

        Assert.Equal(1000, Volatile.Read(ref calls));
    }

    [Fact]
    public void CheckpointedParent_IsReadFromItsFiles_NotRecomputed()
    {
        using var directory = new TempDirectory();
        using var sc = new SparkContext("local[2]", "fused-checkpoint");
        sc.SetCheckpointDir(directory.Path);
        int calls = 0;
        Rdd<int> parent = sc.Parallelize(Enumerable.Range(0, 200), 3).Map(x =>
        {
            Interlocked.Increment(ref calls);
            return x + 7;
        });
        parent.Checkpoint();
        Assert.Equal(200, parent.Count()); // the job, then the checkpoint job: the function ran twice per record
        int afterCheckpoint = Volatile.Read(ref calls);

        Assert.True(parent.IsCheckpointed);
        Assert.Equal(Enumerable.Range(0, 200).Select(x => (x + 7) * 3), parent.Map(x => x * 3).Collect());
        Assert.Equal(afterCheckpoint, Volatile.Read(ref calls));
    }

    [Fact]
    public void BadRecordSkipping_InAFusedChain_SkipsOnlyTheFailingRecords()
    {
        var conf = new SparkConf().SetMaster("local[2,2]").SetAppName("fused-skip").Set(ConfigKeys.SkipBadRecords, "10");
        using var sc = new SparkContext(conf);
        var recorder = RecordingListener.On(sc);
        string[] lines = [.. Enumerable.Range(0, 60).Select(i => i % 13 == 0 ? $"x {i}" : $"{i} {i + 1}")];

        int[] parsed = sc.Parallelize(lines, 3).FlatMap(l => l.Split(' '))
            .Map(w => int.Parse(w, System.Globalization.CultureInfo.InvariantCulture)).Collect();

        Assert.Equal(lines.SelectMany(l => l.Split(' ')).Where(w => w != "x").Select(int.Parse), parsed);
        sc.FlushEvents();
        Assert.Equal(lines.Count(l => l.StartsWith('x')),
            recorder.Of<SparkListenerTaskEnd>().Where(e => e.Successful).Sum(e => e.Metrics.RecordsSkipped));
    }

    [Fact]
    public async Task FusedChain_StopsAtCancellation()
    {
        using var sc = new SparkContext("local[2]", "fused-cancel");
        using var cts = new CancellationTokenSource();
        int seen = 0;
        Task<long> job = sc.Parallelize(Enumerable.Range(0, 1_000_000), 2).Map(x =>
        {
            if (Interlocked.Increment(ref seen) == 1000) cts.Cancel();
            return x;
        }).Filter(x => x >= 0).CountAsync(cts.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => job);
        Assert.True(Volatile.Read(ref seen) < 1_000_000);
    }
}
