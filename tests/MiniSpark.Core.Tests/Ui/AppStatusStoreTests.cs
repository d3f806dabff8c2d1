using MiniSpark.Ui;

namespace MiniSpark.Tests.Ui;

public sealed class AppStatusStoreTests
{
    private static (SparkContext Context, AppStatusStore Store) Start()
    {
        var sc = new SparkContext("local[2]", "store");
        var store = new AppStatusStore(liveStorage: sc.GetRddStorageInfo);
        sc.AddListener(store);
        return (sc, store);
    }

    private static void Drain(SparkContext sc) => Assert.True(sc.ListenerBus.WaitUntilEmpty(TimeSpan.FromSeconds(10)));

    [Fact]
    public void ShuffleJob_CountsStagesAndTasks()
    {
        (SparkContext sc, AppStatusStore store) = Start();
        using (sc)
        {
            sc.Parallelize(Enumerable.Range(0, 100), 4).Map(x => (x % 5, 1)).ReduceByKey((a, b) => a + b, 3).Collect();
            Drain(sc);
            JobSnapshot job = Assert.Single(store.GetJobs());
            Assert.Equal(JobStatus.Succeeded, job.Status);
            Assert.Equal(2, job.NumCompletedStages);
            Assert.Equal(7, job.NumTasks);
            Assert.Equal(7, job.NumCompletedTasks);
            Assert.Equal(0, job.NumActiveTasks);
            Assert.NotNull(job.CompletionTime);
            Assert.False(store.HasActiveJobs);

            IReadOnlyList<StageSnapshot> stages = store.GetStages();
            Assert.Equal(2, stages.Count);
            StageSnapshot map = stages.Single(s => s.IsShuffleMap);
            Assert.Equal(StageStatus.Complete, map.Status);
            Assert.Equal(4, map.NumCompleteTasks);
            Assert.Equal(100, map.Totals.RecordsRead);
            Assert.True(map.Totals.ShuffleBytesWritten > 0);
            Assert.Equal([job.JobId], map.JobIds);
            Assert.Equal(4, store.GetTasks(map.StageId, 0).Count);
            StageSnapshot result = stages.Single(s => !s.IsShuffleMap);
            Assert.Equal([map.StageId], result.ParentIds);
            Assert.Contains(result.RddInfos, r => r.CreationSite == "ReduceByKey");
        }
    }

    [Fact]
    public void ReusedShuffle_IsASkippedStageOfTheLaterJob()
    {
        (SparkContext sc, AppStatusStore store) = Start();
        using (sc)
        {
            Rdd<(int, int)> sums = sc.Parallelize(Enumerable.Range(0, 100), 4).Map(x => (x % 5, 1)).ReduceByKey((a, b) => a + b, 2);
            sums.Count();
            sums.Count();
            Drain(sc);
            JobSnapshot second = store.GetJobs()[0]; // newest first
            Assert.Equal(1, second.JobId);
            Assert.Equal(1, second.NumSkippedStages);
            Assert.Equal(4, second.NumSkippedTasks);
            Assert.Equal(1, second.NumCompletedStages);
            IReadOnlyList<StageSnapshot> seen = store.GetJobStages(1);
            Assert.Equal([StageStatus.Complete, StageStatus.Skipped], seen.Select(s => s.Status));
            // As in Spark, the later job describes the shuffle with a stage of its own, which it skips; the one that ran
            // for job 0 stays complete.
            IReadOnlyList<StageSnapshot> all = store.GetStages();
            Assert.Equal(4, all.Count);
            StageSnapshot skipped = Assert.Single(all, s => s.Status == StageStatus.Skipped);
            Assert.Equal([1], skipped.JobIds);
            Assert.Equal(2, all.Count(s => s.IsShuffleMap));
        }
    }

    [Fact]
    public void FailedJob_RecordsItsFailures()
    {
        (SparkContext sc, AppStatusStore store) = Start();
        using (sc)
        {
            Assert.Throws<SparkJobException>(() => sc.Parallelize(Enumerable.Range(0, 4), 4)
                .Map(x => x == 1 ? throw new FormatException("bad value 1") : x).Count());
            Drain(sc);
            JobSnapshot job = Assert.Single(store.GetJobs([JobStatus.Failed]));
            Assert.Contains("bad value 1", job.FailureReason);
            Assert.Equal(1, job.NumFailedStages);
            Assert.True(job.NumFailedTasks >= 1);
            StageSnapshot stage = Assert.Single(store.GetStages([StageStatus.Failed]));
            Assert.Contains("bad value 1", stage.FailureReason);
            TaskSnapshot failed = store.GetTasks(stage.StageId, 0).First(t => t.Status == TaskAttemptStatus.Failed);
            Assert.Equal("System.FormatException: bad value 1", failed.ErrorMessage);
            Assert.Empty(store.GetJobs([JobStatus.Running, JobStatus.Succeeded]));
        }
    }

    [Fact]
    public async Task RunningJob_ShowsActiveTasksAndPendingStages()
    {
        (SparkContext sc, AppStatusStore store) = Start();
        using (sc)
        using (var release = new ManualResetEventSlim())
        {
            Task<long> job = sc.Parallelize(Enumerable.Range(0, 4), 4).Map(x =>
            {
                release.Wait();
                return (x, 1);
            }).ReduceByKey((a, b) => a + b, 2).CountAsync();
            try
            {
                WaitUntil(() => store.GetJobs().FirstOrDefault()?.NumActiveTasks == 2);
                JobSnapshot running = store.GetJobs()[0];
                Assert.Equal(JobStatus.Running, running.Status);
                Assert.True(store.HasActiveJobs);
                Assert.Equal(1, running.NumActiveStages);
                Assert.Single(store.GetStages([StageStatus.Active]));
                Assert.Single(store.GetStages([StageStatus.Pending]));
            }
            finally
            {
                release.Set();
            }
            Assert.Equal(4, await job);
        }
    }

    [Fact]
    public void Storage_IsReadLiveFromTheContext()
    {
        (SparkContext sc, AppStatusStore store) = Start();
        using (sc)
        {
            Rdd<int> ten = sc.Parallelize(Enumerable.Range(0, 10), 2).SetName("ten").Cache();
            ten.Count();
            RddStorageInfo rdd = Assert.Single(store.Storage);
            Assert.Equal("ten", rdd.Name);
            Assert.Equal(2, rdd.CachedPartitions);
            GC.KeepAlive(ten); // persisted datasets are tracked weakly
        }
    }

    [Fact]
    public void TaskSummary_UsesSparksQuantileRule()
    {
        var store = new AppStatusStore();
        var stage = new StageInfo(0, 0, "Count", 100, false, [], []);
        store.OnJobStart(new SparkListenerJobStart(0, [stage], null, "Count"));
        store.OnStageSubmitted(new SparkListenerStageSubmitted(stage));
        for (int i = 0; i < 100; i++)
        {
            store.OnTaskStart(new SparkListenerTaskStart(0, 0, i, 0, i));
            var metrics = new TaskMetrics { Duration = TimeSpan.FromMilliseconds(100 - i), RecordsRead = i * 10 };
            store.OnTaskEnd(new SparkListenerTaskEnd(0, 0, i, 0, i, Successful: i != 99, false, null, metrics));
        }
        TaskSummary summary = store.GetTaskSummary(0, 0, [0, 0.25, 0.5, 0.75, 1])!;
        // 99 successful tasks (durations 2..100 ms): the q-quantile is sorted[min(q*n, n-1)].
        Assert.Equal(99, summary.TaskCount);
        Assert.Equal([2, 26, 51, 76, 100], summary.Duration);
        Assert.Equal([0, 240, 490, 740, 980], summary.RecordsRead);
        Assert.Null(store.GetTaskSummary(0, 1));
    }

    [Fact]
    public void Retention_DropsTheOldestFinishedJobsAndStages()
    {
        var sc = new SparkContext("local[2]", "retention");
        var store = new AppStatusStore(retainedJobs: 2, retainedStages: 3, retainedTasks: 10);
        sc.AddListener(store);
        using (sc)
        {
            for (int i = 0; i < 5; i++) sc.Parallelize(Enumerable.Range(0, 40), 20).Count();
            Drain(sc);
        }
        Assert.Equal([4, 3], store.GetJobs().Select(j => j.JobId));
        Assert.Equal(3, store.GetStages().Count);
        StageSnapshot last = store.GetStages()[0];
        Assert.Equal(20, last.NumCompleteTasks); // totals count every task
        Assert.InRange(store.GetTasks(last.StageId, 0).Count, 1, 10);
    }

    [Fact]
    public void UiEnabled_WithoutTheUiPackage_FailsNamingIt()
    {
        var conf = new SparkConf().SetMaster("local").SetAppName("no-ui").Set(ConfigKeys.UiEnabled, "true");
        var error = Assert.Throws<InvalidOperationException>(() => new SparkContext(conf));
        Assert.Contains("'MiniSpark.UI'", error.Message);
        Assert.Contains(ConfigKeys.UiEnabled, error.Message);
    }

    [Theory]
    [InlineData(ConfigKeys.UiEnabled, "yes")]
    [InlineData(ConfigKeys.UiPort, "70000")]
    [InlineData(ConfigKeys.UiPort, "http")]
    [InlineData(ConfigKeys.PortMaxRetries, "-1")]
    [InlineData(ConfigKeys.EventLogEnabled, "1")]
    [InlineData(ConfigKeys.UiRetainedJobs, "0")]
    public void BadSetting_ThrowsNamingKeyAndValue(string key, string value)
    {
        var conf = new SparkConf().SetMaster("local").SetAppName("bad").Set(key, value);
        var error = Assert.Throws<ArgumentException>(() => new SparkContext(conf));
        Assert.Contains(key, error.Message);
        Assert.Contains($"'{value}'", error.Message);
        Assert.Equal(key, error.ParamName);
    }

    private static void WaitUntil(Func<bool> condition)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out.");
            Thread.Sleep(10);
        }
    }
}
