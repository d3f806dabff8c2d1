using System.Collections.Concurrent;
using MiniSpark.Tests.Fakes;

namespace MiniSpark.Tests.Scheduling;

/// <summary>Jobs on a real context: failures, retries, listener events, task context and concurrency.</summary>
public sealed class JobExecutionTests
{
    [Fact]
    public void FailingTask_ThrowsSparkJobExceptionNamingIds_AndContextStaysUsable()
    {
        using var sc = new SparkContext("local[2]", "fail");
        var cause = new InvalidDataException("record 7 is bad");
        Rdd<int> rdd = sc.Parallelize(Enumerable.Range(0, 10), 2).Map(i => i == 7 ? throw cause : i);

        var error = Assert.Throws<SparkJobException>(() => rdd.Collect());
        Assert.Same(cause, error.InnerException);
        Assert.Equal(1, error.PartitionId);
        Assert.Equal(1, error.Attempts);
        Assert.Contains("partition 1", error.Message);
        Assert.Contains($"stage {error.StageId}", error.Message);
        Assert.Contains($"Job {error.JobId}", error.Message);
        Assert.Contains("record 7 is bad", error.Message);

        Assert.Equal(45, sc.Parallelize(Enumerable.Range(0, 10), 2).Reduce((a, b) => a + b));
    }

    [Fact]
    public void FailingMapTask_FailsJobOnce_AndLaterJobsRun()
    {
        using var sc = new SparkContext("local[2]", "fail-map");
        Rdd<(int, int)> pairs = sc.Parallelize(Enumerable.Range(0, 100), 4)
            .Map(i => i == 99 ? throw new ArithmeticException("boom") : (i % 3, i));
        var error = Assert.Throws<SparkJobException>(() => pairs.ReduceByKey((a, b) => a + b).Collect());
        Assert.IsType<ArithmeticException>(error.InnerException);
        Assert.Equal(3, error.PartitionId);
        Assert.Equal(3, sc.Parallelize([1, 2, 3]).Count());
    }

    [Fact]
    public void FirstAttemptFails_RetriedUpToMaxFailures_FromMaster()
    {
        using var sc = new SparkContext("local[2,3]", "retry");
        var recorder = RecordingListener.On(sc);
        int[] result = sc.Parallelize(Enumerable.Range(0, 8), 4)
            .Map(i => TaskContext.Current!.AttemptNumber < 2 && i % 2 == 0 ? throw new TimeoutException("flaky") : i)
            .Collect();
        Assert.Equal(Enumerable.Range(0, 8), result);
        sc.FlushEvents();
        SparkListenerTaskEnd[] ends = [.. recorder.Of<SparkListenerTaskEnd>()];
        Assert.Equal(8, ends.Count(e => !e.Successful));
        Assert.Equal(4, ends.Count(e => e.Successful));
        Assert.All(ends.Where(e => e.Successful), e => Assert.Equal(2, e.AttemptNumber));
        Assert.All(ends.Where(e => !e.Successful), e => Assert.IsType<TimeoutException>(e.Exception));
    }

    [Fact]
    public void MaxFailuresSetting_OverridesDefault()
    {
        var conf = new SparkConf().SetMaster("local[2]").SetAppName("retry-conf").Set("spark.task.maxFailures", "2");
        using var sc = new SparkContext(conf);
        int attempts = 0;
        var error = Assert.Throws<SparkJobException>(() => sc.Parallelize([1], 1).Map(i =>
        {
            Interlocked.Increment(ref attempts);
            return i / 0;
        }).Collect());
        Assert.Equal(2, attempts);
        Assert.Equal(2, error.Attempts);
        Assert.Contains("2 times", error.Message);
    }

    [Fact]
    public void ListenerEvents_ArriveInOrder()
    {
        using var sc = new SparkContext("local[2]", "events");
        var recorder = RecordingListener.On(sc);
        sc.Parallelize(Enumerable.Range(0, 50), 3).Map(i => (i % 4, 1)).ReduceByKey((a, b) => a + b, 2).Collect();
        sc.FlushEvents();

        SparkListenerEvent[] events = [.. recorder.Events];
        var jobStart = Assert.IsType<SparkListenerJobStart>(events[0]);
        Assert.IsType<SparkListenerJobEnd>(events[^1]);
        Assert.Equal(2, jobStart.StageInfos.Count);
        Assert.True(Assert.IsType<SparkListenerJobEnd>(events[^1]).Succeeded);

        foreach (int stageId in jobStart.StageIds)
        {
            int submitted = Array.FindIndex(events, e => e is SparkListenerStageSubmitted s && s.StageInfo.StageId == stageId);
            int completed = Array.FindIndex(events, e => e is SparkListenerStageCompleted s && s.StageInfo.StageId == stageId);
            int[] taskStarts = [.. Enumerable.Range(0, events.Length).Where(i => events[i] is SparkListenerTaskStart t && t.StageId == stageId)];
            int[] taskEnds = [.. Enumerable.Range(0, events.Length).Where(i => events[i] is SparkListenerTaskEnd t && t.StageId == stageId)];
            Assert.True(submitted >= 0 && completed > submitted);
            Assert.All(taskStarts, i => Assert.InRange(i, submitted, completed));
            Assert.All(taskEnds, i => Assert.InRange(i, submitted, completed));
        }
        SparkListenerTaskEnd[] allEnds = [.. recorder.Of<SparkListenerTaskEnd>()];
        Assert.Equal(5, allEnds.Length);
        Assert.Equal(50, allEnds.Where(e => e.StageId == jobStart.StageIds[1]).Sum(e => e.Metrics.RecordsRead));
        Assert.All(allEnds, e => Assert.True(e.Metrics.Duration >= TimeSpan.Zero));
    }

    [Fact]
    public void SecondAction_OnShuffledData_SkipsMapStage()
    {
        using var sc = new SparkContext("local[2]", "skip");
        var recorder = RecordingListener.On(sc);
        Rdd<(int Key, int Value)> counts = sc.Parallelize(Enumerable.Range(0, 50), 3).Map(i => (i % 4, 1)).ReduceByKey((a, b) => a + b);
        counts.Collect();
        counts.Count();
        sc.FlushEvents();
        SparkListenerJobStart[] starts = [.. recorder.Of<SparkListenerJobStart>()];
        Assert.Equal(2, starts.Length);
        Assert.All(starts, s => Assert.Equal(2, s.StageIds.Count));
        Assert.Equal(3, recorder.Of<SparkListenerStageSubmitted>().Count()); // 2 for the first job, 1 for the second
    }

    [Fact]
    public void ThrowingListener_IsSkipped_OthersStillReceive()
    {
        using var sc = new SparkContext("local[1]", "bad-listener");
        sc.AddListener(new ThrowingListener());
        var recorder = RecordingListener.On(sc);
        Assert.Equal(3, sc.Parallelize([1, 2, 3]).Count());
        sc.FlushEvents();
        Assert.Single(recorder.Of<SparkListenerJobEnd>());
    }

    private sealed class ThrowingListener : ISparkListener
    {
        public void OnJobStart(SparkListenerJobStart jobStart) => throw new InvalidOperationException("listener bug");
        public void OnTaskEnd(SparkListenerTaskEnd taskEnd) => throw new InvalidOperationException("listener bug");
    }

    [Fact]
    public void TaskContext_IsSetInsideTasks_AndNullOutside()
    {
        using var sc = new SparkContext("local[2]", "task-context");
        Assert.Null(TaskContext.Current);
        (int Partition, int Stage, long Attempt)[] seen = sc.Parallelize(Enumerable.Range(0, 6), 3)
            .MapPartitions(records =>
            {
                TaskContext context = TaskContext.Current!;
                return records.Select(_ => (context.PartitionId, context.StageId, context.TaskAttemptId));
            })
            .Collect();
        Assert.Equal([0, 0, 1, 1, 2, 2], seen.Select(s => s.Partition));
        Assert.Single(seen.Select(s => s.Stage).Distinct());
        Assert.Equal(3, seen.Select(s => s.Attempt).Distinct().Count());
        Assert.Null(TaskContext.Current);
    }

    [Fact]
    public void TaskCompletionCallbacks_RunAfterTheTask()
    {
        using var sc = new SparkContext("local[2]", "callbacks");
        var closed = new ConcurrentBag<int>();
        sc.Parallelize(Enumerable.Range(0, 4), 4).MapPartitions(records =>
        {
            TaskContext.Current!.AddTaskCompletionListener(c => closed.Add(c.PartitionId));
            return records;
        }).Collect();
        Assert.Equal([0, 1, 2, 3], closed.Order());
    }

    [Fact]
    public async Task ManyThreads_SubmitJobsConcurrently_AllResultsCorrect()
    {
        using var sc = new SparkContext("local[4]", "concurrent");
        Rdd<(int Key, int Value)> shared = sc.Parallelize(Enumerable.Range(0, 1000), 8).Map(i => (i % 10, i)).ReduceByKey((a, b) => a + b);
        Dictionary<int, int> expected = Enumerable.Range(0, 1000).GroupBy(i => i % 10).ToDictionary(g => g.Key, g => g.Sum());

        Task[] workers = [.. Enumerable.Range(0, 16).Select(t => Task.Run(async () =>
        {
            for (int round = 0; round < 5; round++)
            {
                var result = (round + t) % 2 == 0 ? shared.Collect() : await shared.CollectAsync();
                Assert.Equal(expected, result.ToDictionary(p => p.Key, p => p.Value));
                Assert.Equal(t * 10 + round, sc.Parallelize([t * 10 + round], 1).First());
            }
        }))];
        await Task.WhenAll(workers);
    }

    [Fact]
    public void DeepNarrowLineage_RunsWithoutStackOverflow()
    {
        using var sc = new SparkContext("local[2]", "deep");
        Rdd<int> rdd = sc.Parallelize(Enumerable.Range(0, 10), 2);
        for (int i = 0; i < 2000; i++) rdd = rdd.Map(x => x + 1);
        Assert.Equal(Enumerable.Range(2000, 10), rdd.Collect());
        Assert.Equal(2001, rdd.ToDebugString().Split('\n').Length);
    }

    [Fact]
    public void ShuffleOutputs_AreReleasedWhenTheDatasetIsUnreachable()
    {
        using var sc = new SparkContext("local[2]", "cleaner");
        RunAndDrop(sc);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        sc.Cleaner.Sweep();
        Assert.Equal(0, sc.MapOutputs.ShuffleCount);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void RunAndDrop(SparkContext sc)
    {
        sc.Parallelize(Enumerable.Range(0, 100), 2).Map(i => (i % 3, i)).ReduceByKey((a, b) => a + b).Count();
        Assert.Equal(1, sc.MapOutputs.ShuffleCount);
    }
}
