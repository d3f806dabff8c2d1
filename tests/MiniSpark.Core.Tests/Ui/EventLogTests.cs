using System.Text.Json;
using MiniSpark.Tests.Fakes;
using MiniSpark.Ui;

namespace MiniSpark.Tests.Ui;

public sealed class EventLogTests
{
    private static SparkConf Conf(string dir, string name = "event-log") => new SparkConf()
        .SetMaster("local[2]").SetAppName(name)
        .Set(ConfigKeys.EventLogEnabled, "true")
        .Set(ConfigKeys.EventLogDir, dir);

    // The context tracks persisted datasets weakly: the cached one must stay reachable until the context stops,
    // or a GC could drop it from the storage snapshots the test checks.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SparkContext, Rdd> s_kept = new();

    /// <summary>A shuffle, a cached dataset, a job that reuses the shuffle (a skipped stage) and a failing job.</summary>
    internal static void RunWorkload(SparkContext sc)
    {
        Rdd<(int, int)> pairs = sc.Parallelize(Enumerable.Range(0, 200), 4).Map(x => (x % 7, x)).SetName("pairs").Cache();
        s_kept.AddOrUpdate(sc, pairs);
        Rdd<(int, int)> sums = pairs.ReduceByKey((a, b) => a + b, 3);
        Assert.Equal(7, sums.Count());
        Assert.Equal(7, sums.Collect().Length); // the map stage is skipped this time
        sc.SetJobGroup("nightly", "the failing one");
        Assert.Throws<SparkJobException>(() =>
            sc.Parallelize(Enumerable.Range(0, 4), 4).Map(x => x == 2 ? throw new InvalidOperationException("bad record") : x).Count());
        sc.ClearJobGroup();
    }

    private static List<JsonElement> ReadLines(string path) =>
        [.. File.ReadAllLines(path).Select(line => JsonDocument.Parse(line).RootElement.Clone())];

    [Fact]
    public void Enabled_WritesJsonLinesNamedByApplicationId_RenamedOnStop()
    {
        using var dir = new TempDirectory();
        string appId;
        string finalPath;
        using (var sc = new SparkContext(Conf(dir.Path)))
        {
            appId = sc.ApplicationId;
            finalPath = Path.Combine(dir.Path, appId);
            Assert.Equal(finalPath, sc.EventLogPath);
            RunWorkload(sc);
            Assert.True(sc.ListenerBus.WaitUntilEmpty(TimeSpan.FromSeconds(10)));
            Assert.True(File.Exists(finalPath + ".inprogress"));
            Assert.False(File.Exists(finalPath));
            // Flushed at every job's end: readable while the application runs.
            Assert.Contains(ReadLines(finalPath + ".inprogress"), e => e.GetProperty("Event").GetString() == "SparkListenerJobEnd");
        }
        Assert.False(File.Exists(finalPath + ".inprogress"));
        List<JsonElement> events = ReadLines(finalPath);
        string[] kinds = [.. events.Select(e => e.GetProperty("Event").GetString()!)];
        Assert.Equal(["SparkListenerLogStart", "SparkListenerApplicationStart", "SparkListenerEnvironmentUpdate"], kinds[..3]);
        Assert.Equal("SparkListenerApplicationEnd", kinds[^1]);
        foreach (string kind in new[] { "SparkListenerJobStart", "SparkListenerStageSubmitted", "SparkListenerTaskStart",
                     "SparkListenerTaskEnd", "SparkListenerStageCompleted", "SparkListenerJobEnd", "MiniSparkStorageSnapshot" })
            Assert.Contains(kind, kinds);
        Assert.Equal(appId, events[1].GetProperty("App ID").GetString());
        Assert.Equal(3, kinds.Count(k => k == "SparkListenerJobStart"));

        // Spark's field names, so tools written for Spark's logs find them.
        JsonElement jobStart = events.First(e => e.GetProperty("Event").GetString() == "SparkListenerJobStart");
        Assert.Equal(JsonValueKind.Array, jobStart.GetProperty("Stage Infos").ValueKind);
        Assert.Equal(JsonValueKind.Number, jobStart.GetProperty("Submission Time").ValueKind);
        JsonElement taskEnd = events.First(e => e.GetProperty("Event").GetString() == "SparkListenerTaskEnd");
        Assert.Equal("Success", taskEnd.GetProperty("Task End Reason").GetProperty("Reason").GetString());
        Assert.True(taskEnd.GetProperty("Task Metrics").GetProperty("Input Metrics").GetProperty("Records Read").GetInt64() > 0);
        JsonElement failedJob = events.Last(e => e.GetProperty("Event").GetString() == "SparkListenerJobEnd");
        Assert.Equal("JobFailed", failedJob.GetProperty("Job Result").GetProperty("Result").GetString());
        Assert.Contains("bad record", failedJob.GetProperty("Job Result").GetProperty("Exception").GetProperty("Message").GetString());
        JsonElement failedJobStart = events.Last(e => e.GetProperty("Event").GetString() == "SparkListenerJobStart");
        Assert.Equal("nightly", failedJobStart.GetProperty("Properties").GetProperty("spark.jobGroup.id").GetString());
    }

    [Fact]
    public void Replay_GivesTheSameSnapshotsAsTheLiveStore()
    {
        using var dir = new TempDirectory();
        var live = new AppStatusStore();
        string path;
        using (var sc = new SparkContext(Conf(dir.Path)))
        {
            sc.AddListener(live);
            path = sc.EventLogPath!;
            RunWorkload(sc);
        }
        AppStatusStore replayed = EventLogReader.ReplayInto(path);

        static string Json(object value) => JsonSerializer.Serialize(value);
        Assert.Equal(3, live.GetJobs().Count);
        Assert.Equal(Json(live.GetJobs()), Json(replayed.GetJobs()));
        Assert.Equal(Json(live.GetStages()), Json(replayed.GetStages()));
        foreach (JobSnapshot job in live.GetJobs())
            Assert.Equal(Json(live.GetJobStages(job.JobId)), Json(replayed.GetJobStages(job.JobId)));
        foreach (StageSnapshot stage in live.GetStages().Where(s => s.Status is not (StageStatus.Skipped or StageStatus.Pending)))
        {
            Assert.Equal(Json(live.GetTasks(stage.StageId, stage.AttemptId)), Json(replayed.GetTasks(stage.StageId, stage.AttemptId)));
            Assert.Equal(Json(live.GetTaskSummary(stage.StageId, stage.AttemptId)!),
                Json(replayed.GetTaskSummary(stage.StageId, stage.AttemptId)!));
        }

        // What only the log knows: the application, its settings, its storage after the last job.
        Assert.Equal("event-log", replayed.Application!.Name);
        Assert.NotNull(replayed.Application.EndTime);
        Assert.Contains(replayed.SparkProperties, p => p.Key == ConfigKeys.EventLogEnabled && p.Value == "true");
        RddStorageInfo cached = Assert.Single(replayed.Storage);
        Assert.Equal("pairs", cached.Name);
        Assert.Equal(StorageLevel.MemoryOnly, cached.StorageLevel);
        Assert.Equal(4, cached.CachedPartitions);
        Assert.True(cached.MemoryBytes > 0);
    }

    [Fact]
    public void Settings_ThatLookSecret_AreRedacted()
    {
        using var dir = new TempDirectory();
        string path;
        using (var sc = new SparkContext(Conf(dir.Path).Set("spark.db.password", "hunter2").Set("my.api.token", "abc123")))
            path = sc.EventLogPath!;
        string text = File.ReadAllText(path);
        Assert.DoesNotContain("hunter2", text);
        Assert.DoesNotContain("abc123", text);
        Assert.Contains(Redaction.RedactedValue, text);
    }

    [Fact]
    public void Disabled_WritesNothing()
    {
        using var dir = new TempDirectory();
        using (var sc = new SparkContext(new SparkConf().SetMaster("local").SetAppName("quiet").Set(ConfigKeys.EventLogDir, dir.Path)))
        {
            sc.Parallelize([1, 2, 3]).Count();
            Assert.Null(sc.EventLogPath);
        }
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Directory_MayBeAFileUri_AndIsCreated()
    {
        using var dir = new TempDirectory();
        string nested = Path.Combine(dir.Path, "events", "more");
        using (var sc = new SparkContext(Conf(new Uri(nested).AbsoluteUri)))
            sc.Parallelize([1, 2, 3]).Count();
        Assert.Single(Directory.GetFiles(nested));
    }

    [Fact]
    public void ALogOfTheSameApplication_IsNotOverwritten()
    {
        using var dir = new TempDirectory();
        var start = new SparkListenerApplicationStart("local-42", "twice", "me", "local");
        var environment = new SparkListenerEnvironmentUpdate([], []);
        using (EventLogWriter.Start(dir.Path, start, environment, null)) { }
        var error = Assert.Throws<IOException>(() => EventLogWriter.Start(dir.Path, start, environment, null));
        Assert.Contains(Path.Combine(dir.Path, "local-42"), error.Message);
    }

    [Fact]
    public void ApplicationIds_AreDistinct_EvenWithinOneMillisecond()
    {
        var contexts = Enumerable.Range(0, 5).Select(i => new SparkContext("local", "ids")).ToList();
        try
        {
            Assert.Equal(5, contexts.Select(c => c.ApplicationId).Distinct().Count());
        }
        finally
        {
            contexts.ForEach(c => c.Stop());
        }
    }

    [Fact]
    public void Reader_SkipsACutLastLine_AndUnknownEvents()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("local-1", string.Join('\n',
            """{"Event":"SparkListenerApplicationStart","App Name":"a","App ID":"local-1","Timestamp":1000,"User":"u"}""",
            """{"Event":"SparkListenerExecutorAdded","Timestamp":1001,"Executor ID":"1"}""",
            """{"Event":"SparkListenerJobStart","Job ID":0,"Submission Time":1002,"Stage Infos":[],"Stage IDs":[],"Properties":{}}""",
            """{"Event":"SparkListenerJobEnd","Job ID":0,"Completion Ti"""));
        SparkListenerEvent[] events = [.. EventLogReader.Read(path)];
        Assert.Equal(2, events.Length);
        Assert.IsType<SparkListenerJobStart>(events[1]);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1002), events[1].Time);
    }

    [Fact]
    public void Reader_AMalformedLineInTheMiddle_FailsWithItsLineNumber()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("local-2", string.Join('\n',
            """{"Event":"SparkListenerApplicationStart","App Name":"a","App ID":"local-2","Timestamp":1000,"User":"u"}""",
            """{"Event":"SparkListenerJobStart","Job ID":"zero"}""",
            """{"Event":"SparkListenerApplicationEnd","Timestamp":1003}"""));
        var error = Assert.Throws<InvalidDataException>(() => EventLogReader.Read(path).ToList());
        Assert.Contains("line 2", error.Message);
        Assert.Contains(path, error.Message);
    }
}
