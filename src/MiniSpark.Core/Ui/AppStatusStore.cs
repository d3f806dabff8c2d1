namespace MiniSpark.Ui;

/// <summary>What the UI shows, built from listener events alone (Spark's <c>AppStatusStore</c> and its listener in one).</summary>
/// <remarks>
/// <para>The live UI registers it as a listener; a history view replays an event log into a new one. Both give the
/// same snapshots because every time is kept to the millisecond, as the event log writes it.</para>
/// <para>One lock guards the state: events update it in O(1) on the listener thread, queries copy what they need
/// into immutable snapshots. Finished jobs, finished stage attempts and tasks per stage attempt are capped
/// (<c>spark.ui.retainedJobs</c>, <c>...Stages</c>, <c>...Tasks</c>); the oldest finished ones go first.</para>
/// </remarks>
internal sealed partial class AppStatusStore : ISparkListener, IApplicationEventListener
{
    private readonly Lock _lock = new();
    private readonly int _retainedJobs;
    private readonly int _retainedStages;
    private readonly int _retainedTasks;
    private readonly Func<IReadOnlyList<RddStorageInfo>>? _liveStorage;
    private readonly SortedDictionary<int, LiveJob> _jobs = [];
    private readonly SortedDictionary<(int StageId, int Attempt), LiveStage> _stages = [];
    private readonly Dictionary<int, StageInfo> _stageInfos = [];
    private ApplicationSnapshot? _application;
    private long _lastUpdatedMs; // kept apart from the snapshot: every event moves it, no allocation per event
    private IReadOnlyList<KeyValuePair<string, string>> _sparkProperties = [];
    private IReadOnlyList<KeyValuePair<string, string>> _runtimeInformation = [];
    private IReadOnlyList<RddStorageInfo> _storage = [];
    private long _version;

    /// <param name="retainedJobs">Finished jobs kept.</param>
    /// <param name="retainedStages">Finished stage attempts kept.</param>
    /// <param name="retainedTasks">Tasks kept per stage attempt (its totals still count every task).</param>
    /// <param name="liveStorage">Reads the running context's storage; null for a replayed log, whose storage
    /// snapshots are used instead.</param>
    public AppStatusStore(int retainedJobs = 1000, int retainedStages = 1000, int retainedTasks = 100_000,
        Func<IReadOnlyList<RddStorageInfo>>? liveStorage = null)
    {
        _retainedJobs = retainedJobs;
        _retainedStages = retainedStages;
        _retainedTasks = retainedTasks;
        _liveStorage = liveStorage;
    }

    /// <summary>Grows with every event: a page can tell whether anything changed.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Replays <paramref name="events"/> (e.g. an event log) into this store, in order.</summary>
    public AppStatusStore Replay(IEnumerable<SparkListenerEvent> events)
    {
        foreach (SparkListenerEvent e in events) e.Dispatch(this);
        return this;
    }

    private static DateTimeOffset Ms(DateTimeOffset time) => DateTimeOffset.FromUnixTimeMilliseconds(time.ToUnixTimeMilliseconds());

    private void Touched(DateTimeOffset time)
    {
        Interlocked.Increment(ref _version);
        _lastUpdatedMs = Math.Max(_lastUpdatedMs, time.ToUnixTimeMilliseconds());
    }

    public void OnApplicationStart(SparkListenerApplicationStart e)
    {
        lock (_lock)
        {
            _application = new ApplicationSnapshot(e.AppId, e.AppName, e.User, e.Master, Ms(e.Time), null, Ms(e.Time));
            Touched(e.Time);
        }
    }

    public void OnApplicationEnd(SparkListenerApplicationEnd e)
    {
        lock (_lock)
        {
            if (_application is not null) _application = _application with { EndTime = Ms(e.Time) };
            Touched(e.Time);
        }
    }

    public void OnEnvironmentUpdate(SparkListenerEnvironmentUpdate e)
    {
        lock (_lock)
        {
            _sparkProperties = e.SparkProperties;
            _runtimeInformation = e.RuntimeInformation;
            Touched(e.Time);
        }
    }

    public void OnStorageSnapshot(StorageSnapshotEvent e)
    {
        lock (_lock)
        {
            _storage = e.Rdds;
            Touched(e.Time);
        }
    }

    public void OnJobStart(SparkListenerJobStart e)
    {
        lock (_lock)
        {
            var job = new LiveJob(e.JobId, e.Description, e.JobGroup, Ms(e.Time), e.StageInfos);
            foreach (StageInfo info in e.StageInfos)
            {
                _stageInfos[info.StageId] = info;
                // A stage another job is running counts for this one too.
                LiveStage? latest = LatestAttempt(info.StageId);
                if (latest is { Status: StageStatus.Active }) job.Ran.Add((latest.Info.StageId, latest.Info.AttemptNumber));
            }
            _jobs[e.JobId] = job;
            Touched(e.Time);
        }
    }

    public void OnJobEnd(SparkListenerJobEnd e)
    {
        lock (_lock)
        {
            if (_jobs.TryGetValue(e.JobId, out LiveJob? job))
            {
                job.Status = e.Succeeded ? JobStatus.Succeeded : JobStatus.Failed;
                job.CompletionTime = Ms(e.Time);
                job.FailureReason = e.Exception?.Message;
                TrimJobs();
            }
            Touched(e.Time);
        }
    }

    public void OnStageSubmitted(SparkListenerStageSubmitted e)
    {
        lock (_lock)
        {
            StageInfo info = e.StageInfo;
            var key = (info.StageId, info.AttemptNumber);
            if (!_stages.TryGetValue(key, out LiveStage? stage)) _stages[key] = stage = new LiveStage(info);
            stage.Info = info;
            stage.Status = StageStatus.Active;
            stage.SubmissionTime = Ms(info.SubmissionTime ?? e.Time);
            _stageInfos[info.StageId] = info;
            foreach (LiveJob job in _jobs.Values)
            {
                if (job.Status == JobStatus.Running && job.StageIds.Contains(info.StageId)) job.Ran.Add(key);
            }
            Touched(e.Time);
        }
    }

    public void OnStageCompleted(SparkListenerStageCompleted e)
    {
        lock (_lock)
        {
            StageInfo info = e.StageInfo;
            var key = (info.StageId, info.AttemptNumber);
            if (!_stages.TryGetValue(key, out LiveStage? stage)) _stages[key] = stage = new LiveStage(info);
            stage.Info = info;
            stage.Status = info.FailureReason is null ? StageStatus.Complete : StageStatus.Failed;
            stage.SubmissionTime ??= info.SubmissionTime is { } submitted ? Ms(submitted) : null;
            stage.CompletionTime = Ms(info.CompletionTime ?? e.Time);
            stage.FailureReason = info.FailureReason;
            TrimStages();
            Touched(e.Time);
        }
    }

    public void OnTaskStart(SparkListenerTaskStart e)
    {
        lock (_lock)
        {
            // A task of a stage the store never saw submitted (or has dropped) has nowhere to go.
            if (!_stages.TryGetValue((e.StageId, e.StageAttemptNumber), out LiveStage? stage)) return;
            var task = new LiveTask(e.TaskAttemptId, e.PartitionId, e.AttemptNumber, Ms(e.Time));
            stage.Tasks[e.TaskAttemptId] = task;
            stage.NumActive++;
            stage.FirstTaskLaunchedTime ??= task.LaunchTime;
            if (stage.Tasks.Count > _retainedTasks) DropFinishedTasks(stage);
            Touched(e.Time);
        }
    }

    public void OnTaskEnd(SparkListenerTaskEnd e)
    {
        lock (_lock)
        {
            if (!_stages.TryGetValue((e.StageId, e.StageAttemptNumber), out LiveStage? stage)) return;
            var metrics = MetricValues.From(e.Metrics);
            if (stage.Tasks.TryGetValue(e.TaskAttemptId, out LiveTask? task))
            {
                if (task.Status == TaskAttemptStatus.Running) stage.NumActive--;
            }
            else
            {
                // Its start was dropped (retention) or never logged: rebuild the launch from the duration.
                task = new LiveTask(e.TaskAttemptId, e.PartitionId, e.AttemptNumber, Ms(e.Time).AddMilliseconds(-metrics.DurationMs));
                stage.Tasks[e.TaskAttemptId] = task;
            }
            task.FinishTime = Ms(e.Time);
            task.Metrics = metrics;
            stage.Totals += metrics;
            if (e.Successful)
            {
                task.Status = TaskAttemptStatus.Success;
                stage.NumComplete++;
            }
            else if (e.Killed)
            {
                task.Status = TaskAttemptStatus.Killed;
                task.ErrorMessage = e.Exception?.Message;
                stage.NumKilled++;
            }
            else
            {
                task.Status = TaskAttemptStatus.Failed;
                task.ErrorMessage = e.Exception is { } error ? $"{ExceptionTypeName(error)}: {error.Message}" : null;
                stage.NumFailed++;
            }
            if (stage.Tasks.Count > _retainedTasks) DropFinishedTasks(stage);
            Touched(e.Time);
        }
    }

    private static string ExceptionTypeName(Exception error) => error is LoggedException logged ? logged.ClassName : error.GetType().FullName!;

    private LiveStage? LatestAttempt(int stageId)
    {
        LiveStage? latest = null;
        foreach (((int id, _), LiveStage stage) in _stages)
        {
            if (id == stageId) latest = stage; // sorted by (id, attempt): the last match is the latest
        }
        return latest;
    }

    private void TrimJobs()
    {
        int finished = _jobs.Values.Count(j => j.Status != JobStatus.Running);
        if (finished <= _retainedJobs) return;
        foreach (LiveJob job in _jobs.Values.Where(j => j.Status != JobStatus.Running).Take(finished - _retainedJobs).ToList())
            _jobs.Remove(job.JobId);
        PruneStageInfos();
    }

    private void TrimStages()
    {
        int finished = _stages.Values.Count(s => s.Status is StageStatus.Complete or StageStatus.Failed);
        if (finished <= _retainedStages) return;
        foreach (LiveStage stage in _stages.Values.Where(s => s.Status is StageStatus.Complete or StageStatus.Failed)
                     .Take(finished - _retainedStages).ToList())
        {
            _stages.Remove((stage.Info.StageId, stage.Info.AttemptNumber));
            // Dropped, not skipped: no pending or skipped entry may stand in for it.
            if (LatestAttempt(stage.Info.StageId) is null) _stageInfos.Remove(stage.Info.StageId);
        }
    }

    // Stages no retained job or attempt refers to are forgotten with their jobs.
    private void PruneStageInfos()
    {
        var kept = new HashSet<int>(_stages.Keys.Select(k => k.StageId));
        kept.UnionWith(_jobs.Values.SelectMany(j => j.StageIds));
        foreach (int stageId in _stageInfos.Keys.Where(id => !kept.Contains(id)).ToList()) _stageInfos.Remove(stageId);
    }

    private void DropFinishedTasks(LiveStage stage)
    {
        // Drop a tenth more than needed so that trimming runs once per many tasks, not on every one.
        int excess = stage.Tasks.Count - _retainedTasks + Math.Max(1, _retainedTasks / 10);
        foreach (long id in stage.Tasks.Values.Where(t => t.Status != TaskAttemptStatus.Running).OrderBy(t => t.TaskId)
                     .Take(excess).Select(t => t.TaskId).ToList())
            stage.Tasks.Remove(id);
    }

    private sealed class LiveJob(int jobId, string description, string? jobGroup, DateTimeOffset submissionTime,
        IReadOnlyList<StageInfo> stageInfos)
    {
        public int JobId { get; } = jobId;
        public string Description { get; } = description;
        public string? JobGroup { get; } = jobGroup;
        public DateTimeOffset SubmissionTime { get; } = submissionTime;
        public IReadOnlyList<StageInfo> StageInfos { get; } = stageInfos;
        public HashSet<int> StageIds { get; } = [.. stageInfos.Select(s => s.StageId)];
        public HashSet<(int StageId, int Attempt)> Ran { get; } = [];
        public JobStatus Status { get; set; } = JobStatus.Running;
        public DateTimeOffset? CompletionTime { get; set; }
        public string? FailureReason { get; set; }
    }

    private sealed class LiveStage(StageInfo info)
    {
        public StageInfo Info { get; set; } = info;
        public StageStatus Status { get; set; } = StageStatus.Active;
        public DateTimeOffset? SubmissionTime { get; set; }
        public DateTimeOffset? FirstTaskLaunchedTime { get; set; }
        public DateTimeOffset? CompletionTime { get; set; }
        public string? FailureReason { get; set; }
        public int NumActive { get; set; }
        public int NumComplete { get; set; }
        public int NumFailed { get; set; }
        public int NumKilled { get; set; }
        public MetricValues Totals { get; set; }
        public Dictionary<long, LiveTask> Tasks { get; } = [];
    }

    private sealed class LiveTask(long taskId, int index, int attempt, DateTimeOffset launchTime)
    {
        public long TaskId { get; } = taskId;
        public int Index { get; } = index;
        public int Attempt { get; } = attempt;
        public DateTimeOffset LaunchTime { get; } = launchTime;
        public DateTimeOffset? FinishTime { get; set; }
        public TaskAttemptStatus Status { get; set; } = TaskAttemptStatus.Running;
        public string? ErrorMessage { get; set; }
        public MetricValues? Metrics { get; set; }

        public TaskSnapshot ToSnapshot() => new(TaskId, Index, Attempt, LaunchTime, FinishTime, Status, ErrorMessage, Metrics);
    }
}
