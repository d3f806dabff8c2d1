using System.Collections.Concurrent;
using MiniSpark.Tests.Fakes;

namespace MiniSpark.Tests.FaultTolerance;

public sealed class SchedulingFeaturesTests
{
    [Fact]
    public void Speculation_CopiesAStraggler_FirstFinisherWins_OutputCountedOnce()
    {
        var conf = new SparkConf().SetMaster("local[4]").SetAppName("speculation")
            .Set(ConfigKeys.Speculation, "true").Set(ConfigKeys.SpeculationInterval, "20ms")
            .Set(ConfigKeys.SpeculationMinTaskRuntime, "50ms");
        using var sc = new SparkContext(conf);
        var recorder = RecordingListener.On(sc);
        LongAccumulator seen = sc.LongAccumulator();
        // Partition 3's first attempt hangs until it is stopped; only a speculative copy can finish the job.
        int[] result = sc.Parallelize(Enumerable.Range(0, 40), 4).MapPartitionsWithIndex((index, records) =>
        {
            TaskContext task = TaskContext.Current!;
            if (index == 3 && task.AttemptNumber == 0) task.CancellationToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(60));
            task.CancellationToken.ThrowIfCancellationRequested();
            return records.Select(x => { seen.Add(1); return x; });
        }).Collect();
        Assert.Equal(Enumerable.Range(0, 40), result);
        Assert.Equal(40, seen.Value);
        sc.FlushEvents();
        Assert.Contains(recorder.Of<SparkListenerTaskStart>(), t => t.Speculative && t.PartitionId == 3);
        Assert.Contains(recorder.Of<SparkListenerTaskEnd>(), t => t.Killed && t.PartitionId == 3);
    }

    [Fact]
    public void SpeculativeMapOutputs_AreRegisteredOnce()
    {
        var conf = new SparkConf().SetMaster("local[4]").SetAppName("speculation-map")
            .Set(ConfigKeys.Speculation, "true").Set(ConfigKeys.SpeculationInterval, "20ms")
            .Set(ConfigKeys.SpeculationMinTaskRuntime, "50ms");
        using var sc = new SparkContext(conf);
        var sums = sc.Parallelize(Enumerable.Range(0, 400), 4).MapPartitionsWithIndex((index, records) =>
        {
            TaskContext task = TaskContext.Current!;
            if (index == 0 && task.AttemptNumber == 0) task.CancellationToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(60));
            task.CancellationToken.ThrowIfCancellationRequested();
            return records;
        }).Map(x => (x % 7, 1)).ReduceByKey((a, b) => a + b).CollectAsMap();
        Assert.Equal(Enumerable.Range(0, 400).GroupBy(x => x % 7).ToDictionary(g => g.Key, g => g.Count()),
            sums.ToDictionary(p => p.Key, p => p.Value));
    }

    [Fact]
    public void BadRecordSkipping_SkipsRecordsFailingTheSameWay_AndCountsThem()
    {
        var conf = new SparkConf().SetMaster("local[2,2]").SetAppName("skip").Set(ConfigKeys.SkipBadRecords, "10");
        using var sc = new SparkContext(conf);
        var recorder = RecordingListener.On(sc);
        string[] lines = [.. Enumerable.Range(0, 100).Select(i => i % 17 == 0 ? $"bad-{i}" : i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        int[] parsed = sc.Parallelize(lines, 4).Map(l => int.Parse(l.StartsWith("bad", StringComparison.Ordinal) ? "x" : l,
            System.Globalization.CultureInfo.InvariantCulture)).Collect();
        Assert.Equal(Enumerable.Range(0, 100).Where(i => i % 17 != 0), parsed);
        sc.FlushEvents();
        Assert.Equal(lines.Count(l => l.StartsWith("bad", StringComparison.Ordinal)),
            recorder.Of<SparkListenerTaskEnd>().Where(e => e.Successful).Sum(e => e.Metrics.RecordsSkipped));
    }

    [Fact]
    public void BadRecordSkipping_IsOffByDefault_AndBoundedByItsLimit()
    {
        using (var sc = new SparkContext("local[2,3]", "skip-off"))
        {
            Assert.Throws<SparkJobException>(() => sc.Parallelize(["1", "x", "3"], 1).Map(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).Collect());
        }
        var conf = new SparkConf().SetMaster("local[2,3]").SetAppName("skip-limit").Set(ConfigKeys.SkipBadRecords, "1");
        using (var sc = new SparkContext(conf))
        {
            var error = Assert.Throws<SparkJobException>(() =>
                sc.Parallelize(["1", "x", "y", "4"], 1).Map(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).Collect());
            Assert.IsType<FormatException>(error.InnerException);
        }
    }

    [Fact]
    public async Task CancelledJob_ReturnsOnlyAfterItsTasksStopped()
    {
        using var sc = new SparkContext("local[2]", "no-task-after-job");
        using var started = new CountdownEvent(2);
        var running = new ConcurrentDictionary<int, bool>();
        using var cts = new CancellationTokenSource();
        Task<int[]> job = sc.Parallelize(Enumerable.Range(0, 4), 2).MapPartitionsWithIndex((index, records) =>
        {
            running[index] = true;
            try
            {
                started.Signal();
                TaskContext.Current!.CancellationToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(60));
                Thread.Sleep(50); // some cleanup after noticing the cancellation
                TaskContext.Current!.CancellationToken.ThrowIfCancellationRequested();
                return records;
            }
            finally
            {
                running[index] = false;
            }
        }).CollectAsync(cts.Token);
        Assert.True(started.Wait(TimeSpan.FromSeconds(30)));
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => job);
        Assert.All(running.Values, r => Assert.False(r));
    }

    [Fact]
    public async Task SixteenThreads_SubmitJobs_WhileOthersAreCancelled_ContextStaysConsistent()
    {
        using var sc = new SparkContext("local[4]", "concurrent-cancel");
        Rdd<(int Key, int Value)> pairs = sc.Parallelize(Enumerable.Range(0, 2000), 8).Map(x => (x % 13, x));
        Dictionary<int, int> expected = Enumerable.Range(0, 2000).GroupBy(x => x % 13).ToDictionary(g => g.Key, g => g.Sum());
        int cancelled = 0, completed = 0;
        Task[] workers = [.. Enumerable.Range(0, 16).Select(t => Task.Run(async () =>
        {
            for (int round = 0; round < 4; round++)
            {
                using var cts = new CancellationTokenSource();
                Task<(int Key, int Value)[]> job = pairs.ReduceByKey((a, b) => a + b, 3).CollectAsync(cts.Token);
                if ((t + round) % 3 == 0) cts.Cancel();
                try
                {
                    var result = await job;
                    Assert.Equal(expected, result.ToDictionary(p => p.Key, p => p.Value));
                    Interlocked.Increment(ref completed);
                }
                catch (OperationCanceledException)
                {
                    Interlocked.Increment(ref cancelled);
                }
            }
        }))];
        await Task.WhenAll(workers);
        Assert.Equal(64, cancelled + completed);
        Assert.True(completed >= 32);
        Assert.Equal(expected, pairs.ReduceByKey((a, b) => a + b).CollectAsMap().ToDictionary(p => p.Key, p => p.Value));
        sc.DagScheduler.DrainQuiet();
        Assert.False(sc.DagScheduler.HasLeakedState(out string state), state);
    }
}
