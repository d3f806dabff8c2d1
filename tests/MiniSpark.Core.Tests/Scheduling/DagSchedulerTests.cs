using MiniSpark.Listeners;
using MiniSpark.Scheduling;
using MiniSpark.Tests.Fakes;

namespace MiniSpark.Tests.Scheduling;

/// <summary>Stage graphs driven step by step: the test pumps events and runs tasks; no threads, no timing.</summary>
public sealed class DagSchedulerTests : IDisposable
{
    private readonly SparkContext _sc = new("local[2]", "dag-tests");
    private readonly FakeTaskScheduler _executor = new();
    private readonly ListenerBus _bus = new();
    private readonly RecordingListener _events = new();
    private readonly DagScheduler _scheduler;

    public DagSchedulerTests()
    {
        _bus.AddListener(_events);
        _scheduler = new DagScheduler(_executor, _sc.MapOutputs, _bus, startEventThread: false);
    }

    public void Dispose()
    {
        _scheduler.Dispose();
        _bus.Dispose();
        _sc.Dispose();
    }

    private JobWaiter<T[]> Submit<T>(Rdd<T> rdd, params int[] partitions) =>
        _scheduler.SubmitJob(rdd, static (_, records) => records.ToArray(),
            partitions.Length > 0 ? partitions : [.. Enumerable.Range(0, rdd.NumPartitions)],
            "test", new JobProperties(null, null), CancellationToken.None);

    private TaskSet Step(int expectedSubmitted)
    {
        _scheduler.DrainEvents();
        Assert.Equal(expectedSubmitted, _executor.Submitted.Count);
        return _executor.Submitted[^1];
    }

    private void AssertNoLeakedState()
    {
        _scheduler.DrainEvents();
        Assert.False(_scheduler.HasLeakedState(out string state), state);
    }

    private Rdd<(int Key, int Value)> Pairs(int partitions) =>
        _sc.Parallelize(Enumerable.Range(0, 20).Select(i => (i % 5, i)), partitions);

    [Fact]
    public void Submit_OneShuffle_MapStageRunsFirst()
    {
        Rdd<(int Key, int Value)> pairs = Pairs(3);
        Rdd<(int Key, int Value)> sums = pairs.ReduceByKey((a, b) => a + b, 2);

        JobWaiter<(int, int)[]> job = Submit(sums);
        TaskSet map = Step(1);
        Assert.Same(pairs, map.Rdd);
        Assert.Equal(3, map.Tasks.Count);
        Assert.All(map.Tasks, t => Assert.IsType<ShuffleMapTask>(t));

        _executor.RunAll(map);
        TaskSet result = Step(2);
        Assert.Same(sums, result.Rdd);
        Assert.Equal(2, result.Tasks.Count);

        _executor.RunAll(result);
        _scheduler.DrainEvents();
        Assert.True(job.Task.IsCompletedSuccessfully);
        var expected = Enumerable.Range(0, 20).GroupBy(i => i % 5).ToDictionary(g => g.Key, g => g.Sum());
        Assert.Equal(expected, TaskAssert.Done(job.Task).SelectMany(p => p).ToDictionary(p => p.Item1, p => p.Item2));
        AssertNoLeakedState();
    }

    [Fact]
    public void Submit_TwoShuffles_StagesRunInLineageOrder()
    {
        Rdd<(int Key, int Value)> first = Pairs(2).ReduceByKey((a, b) => a + b, 3);
        Rdd<(int Key, int Value)> second = first.Map(p => (p.Key % 2, p.Value)).ReduceByKey((a, b) => a + b, 2);

        JobWaiter<(int, int)[]> job = Submit(second);
        TaskSet a = Step(1);
        Assert.Equal(2, a.Tasks.Count); // the parallelized input
        _executor.RunAll(a);
        TaskSet b = Step(2);
        Assert.Equal(3, b.Tasks.Count); // the first reduce, mapped
        Assert.All(b.Tasks, t => Assert.IsType<ShuffleMapTask>(t));
        _executor.RunAll(b);
        TaskSet c = Step(3);
        Assert.All(c.Tasks, t => Assert.IsType<ResultTask>(t));
        _executor.RunAll(c);
        _scheduler.DrainEvents();

        int expectedEven = Enumerable.Range(0, 20).Where(i => i % 5 % 2 == 0).Sum();
        Assert.Contains((0, expectedEven), TaskAssert.Done(job.Task).SelectMany(p => p));
        AssertNoLeakedState();
    }

    [Fact]
    public void SecondJob_SkipsMapStageWhoseOutputExists()
    {
        Rdd<(int Key, int Value)> sums = Pairs(3).ReduceByKey((a, b) => a + b, 2);
        Submit(sums);
        _executor.RunAll(Step(1));
        _executor.RunAll(Step(2));

        JobWaiter<(int, int)[]> second = Submit(sums);
        TaskSet onlyResult = Step(3);
        Assert.Same(sums, onlyResult.Rdd);
        _executor.RunAll(onlyResult);
        _scheduler.DrainEvents();
        Assert.True(second.Task.IsCompletedSuccessfully);

        Assert.True(_bus.WaitUntilEmpty(TimeSpan.FromSeconds(10)));
        SparkListenerJobStart secondStart = _events.Of<SparkListenerJobStart>().Last();
        Assert.Equal(2, secondStart.StageIds.Count); // the map stage is part of the job...
        int[] submittedForSecond = [.. _events.Of<SparkListenerStageSubmitted>().Skip(2).Select(s => s.StageInfo.StageId)];
        Assert.Single(submittedForSecond); // ...but skipped
        AssertNoLeakedState();
    }

    [Fact]
    public void ConcurrentJobs_ShareOneMapStage()
    {
        Rdd<(int Key, int Value)> sums = Pairs(3).ReduceByKey((a, b) => a + b, 2);
        JobWaiter<(int, int)[]> one = Submit(sums, 0);
        JobWaiter<(int, int)[]> two = Submit(sums, 1);
        TaskSet map = Step(1); // one map stage for both jobs
        _executor.RunAll(map);
        _scheduler.DrainEvents();
        Assert.Equal(3, _executor.Submitted.Count); // then one result stage per job
        _executor.RunAll(_executor.Submitted[1]);
        _executor.RunAll(_executor.Submitted[2]);
        _scheduler.DrainEvents();
        Assert.True(one.Task.IsCompletedSuccessfully);
        Assert.True(two.Task.IsCompletedSuccessfully);
        AssertNoLeakedState();
    }

    [Fact]
    public void UnionOfTwoShuffles_WaitsForBothMapStages()
    {
        Rdd<(int Key, int Value)> left = Pairs(2).ReduceByKey((a, b) => a + b, 2);
        Rdd<(int Key, int Value)> right = Pairs(3).ReduceByKey((a, b) => a * 0 + b, 2);
        Rdd<(int Key, int Value)> union = left.Map(p => p).Union(right.Map(p => p));

        JobWaiter<(int, int)[]> job = Submit(union);
        _scheduler.DrainEvents();
        Assert.Equal(2, _executor.Submitted.Count);
        _executor.RunAll(_executor.Submitted[0]);
        _scheduler.DrainEvents();
        Assert.Equal(2, _executor.Submitted.Count); // still waiting for the other map stage
        _executor.RunAll(_executor.Submitted[1]);
        TaskSet result = Step(3);
        Assert.Equal(4, result.Tasks.Count);
        _executor.RunAll(result);
        _scheduler.DrainEvents();
        Assert.Equal(10, TaskAssert.Done(job.Task).Sum(p => p.Length));
        AssertNoLeakedState();
    }

    [Fact]
    public void TaskSetFailed_FailsJobWithIdsAndCause_AndCleansUp()
    {
        Rdd<(int Key, int Value)> sums = Pairs(3).ReduceByKey((a, b) => a + b, 2);
        JobWaiter<(int, int)[]> job = Submit(sums);
        TaskSet map = Step(1);
        var cause = new FormatException("bad record");
        _executor.FailFinally(map, map.Tasks[1], 4, cause);
        _scheduler.DrainEvents();

        var error = Assert.IsType<SparkJobException>(job.Task.Exception!.InnerException);
        Assert.Same(cause, error.InnerException);
        Assert.Contains($"Job {job.JobId}", error.Message);
        Assert.Contains($"stage {map.StageId}", error.Message);
        Assert.Contains("partition 1", error.Message);
        Assert.Contains("4 times", error.Message);
        Assert.Contains("bad record", error.Message);
        Assert.Equal((job.JobId, map.StageId, 1, 4), (error.JobId, error.StageId, error.PartitionId, error.Attempts));
        Assert.Contains(map.StageId, _executor.KilledStages);
        AssertNoLeakedState();
    }

    [Fact]
    public void Cancel_FailsJobWithOperationCanceled_AndKillsItsStage()
    {
        using var cts = new CancellationTokenSource();
        Rdd<(int Key, int Value)> sums = Pairs(3).ReduceByKey((a, b) => a + b, 2);
        JobWaiter<(int, int)[]> job = _scheduler.SubmitJob(sums, static (_, r) => r.ToArray(), [0, 1], "test",
            new JobProperties(null, null), cts.Token);
        TaskSet map = Step(1);
        cts.Cancel();
        _scheduler.DrainEvents();
        Assert.IsType<OperationCanceledException>(job.Task.Exception!.InnerException);
        Assert.Contains(map.StageId, _executor.KilledStages);
        _executor.RunAll(map); // late outcomes of killed tasks are ignored
        _scheduler.DrainEvents();
        Assert.Single(_executor.Submitted);
        AssertNoLeakedState();
    }

    [Fact]
    public void JobGroupCancel_CancelsOnlyThatGroup()
    {
        Rdd<(int Key, int Value)> sums = Pairs(3).ReduceByKey((a, b) => a + b, 2);
        JobWaiter<(int, int)[]> grouped = _scheduler.SubmitJob(sums, static (_, r) => r.ToArray(), [0], "test",
            new JobProperties("g", "grouped"), CancellationToken.None);
        JobWaiter<int[]> other = _scheduler.SubmitJob(Pairs(1).Values(), static (_, r) => r.ToArray(), [0], "test",
            new JobProperties(null, null), CancellationToken.None);
        _scheduler.DrainEvents();
        _scheduler.CancelJobGroup("g");
        _scheduler.DrainEvents();
        Assert.IsType<OperationCanceledException>(grouped.Task.Exception!.InnerException);
        Assert.False(other.Task.IsCompleted);
        _executor.RunAll(_executor.Submitted[1]);
        _scheduler.DrainEvents();
        Assert.True(other.Task.IsCompletedSuccessfully);
        AssertNoLeakedState();
    }

    [Fact]
    public void EmptyPartitionList_CompletesAtOnce()
    {
        JobWaiter<int[]> job = _scheduler.SubmitJob(_sc.Parallelize([1, 2], 2), static (_, r) => r.ToArray(), [], "test",
            new JobProperties(null, null), CancellationToken.None);
        _scheduler.DrainEvents();
        Assert.Empty(TaskAssert.Done(job.Task));
        Assert.Empty(_executor.Submitted);
        AssertNoLeakedState();
    }

    [Fact]
    public void FindStageBoundaries_StopsAtFirstShuffle()
    {
        Rdd<(int Key, int Value)> a = Pairs(2);
        Rdd<(int Key, int Value)> b = a.ReduceByKey((x, y) => x + y, 2);
        Rdd<(int Key, int Value)> c = b.Map(p => p).ReduceByKey((x, y) => x + y, 2);
        ShuffleDependency boundary = Assert.Single(DagScheduler.FindStageBoundaries(c));
        Assert.Same(c.Dependencies[0], boundary);
    }
}
