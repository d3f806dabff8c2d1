namespace MiniSpark.Ui;

// Queries: each copies what it needs under the lock and returns immutable snapshots.
internal sealed partial class AppStatusStore
{
    /// <summary>Spark's default quantiles of a task summary (REST <c>taskSummary</c>).</summary>
    public static readonly IReadOnlyList<double> DefaultQuantiles = [0.05, 0.25, 0.5, 0.75, 0.95];

    /// <summary>The application; null until its start event arrived.</summary>
    public ApplicationSnapshot? Application
    {
        get
        {
            lock (_lock)
            {
                return _application is { } app
                    ? app with { LastUpdated = DateTimeOffset.FromUnixTimeMilliseconds(Math.Max(_lastUpdatedMs, app.StartTime.ToUnixTimeMilliseconds())) }
                    : null;
            }
        }
    }

    /// <summary>The settings (already redacted), ordered by key.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> SparkProperties
    {
        get { lock (_lock) return _sparkProperties; }
    }

    /// <summary>Facts about the runtime (.NET version, OS, cores).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> RuntimeInformation
    {
        get { lock (_lock) return _runtimeInformation; }
    }

    /// <summary>Persisted datasets: read from the live context, or the last snapshot of a replayed log.</summary>
    public IReadOnlyList<RddStorageInfo> Storage
    {
        get
        {
            if (_liveStorage is not null)
            {
                try
                {
                    return _liveStorage();
                }
                catch (ObjectDisposedException)
                {
                    // The context stopped: show what the last snapshot said.
                }
            }
            lock (_lock) return _storage;
        }
    }

    /// <summary>Whether any job is running.</summary>
    public bool HasActiveJobs
    {
        get { lock (_lock) return _jobs.Values.Any(j => j.Status == JobStatus.Running); }
    }

    /// <summary>Jobs, newest first, optionally only those in <paramref name="statuses"/>.</summary>
    public IReadOnlyList<JobSnapshot> GetJobs(IReadOnlyCollection<JobStatus>? statuses = null)
    {
        lock (_lock)
        {
            return [.. _jobs.Values.Reverse()
                .Where(j => statuses is null || statuses.Count == 0 || statuses.Contains(j.Status))
                .Select(JobSnapshotOf)];
        }
    }

    /// <summary>One job, or null when unknown (or no longer retained).</summary>
    public JobSnapshot? GetJob(int jobId)
    {
        lock (_lock) return _jobs.TryGetValue(jobId, out LiveJob? job) ? JobSnapshotOf(job) : null;
    }

    /// <summary>The stages of a job as that job saw them: the attempts it ran, or pending/skipped entries; newest first.</summary>
    public IReadOnlyList<StageSnapshot> GetJobStages(int jobId)
    {
        lock (_lock)
        {
            if (!_jobs.TryGetValue(jobId, out LiveJob? job)) return [];
            var stages = new List<StageSnapshot>();
            foreach (StageInfo info in job.StageInfos.OrderByDescending(s => s.StageId))
            {
                var ran = job.Ran.Where(k => k.StageId == info.StageId).OrderByDescending(k => k.Attempt).ToList();
                if (ran.Count == 0)
                {
                    StageStatus status = job.Status == JobStatus.Running ? StageStatus.Pending : StageStatus.Skipped;
                    stages.Add(UnsubmittedSnapshot(_stageInfos.GetValueOrDefault(info.StageId, info), status));
                    continue;
                }
                foreach (var key in ran)
                {
                    if (_stages.TryGetValue(key, out LiveStage? stage)) stages.Add(StageSnapshotOf(stage));
                }
            }
            return stages;
        }
    }

    /// <summary>Every stage attempt, and an entry per stage no attempt ran (pending while a job waits for it,
    /// else skipped); newest first, optionally only those in <paramref name="statuses"/>.</summary>
    public IReadOnlyList<StageSnapshot> GetStages(IReadOnlyCollection<StageStatus>? statuses = null)
    {
        lock (_lock)
        {
            var stages = new List<StageSnapshot>();
            var submitted = new HashSet<int>();
            foreach (LiveStage stage in _stages.Values)
            {
                submitted.Add(stage.Info.StageId);
                stages.Add(StageSnapshotOf(stage));
            }
            foreach (StageInfo info in _stageInfos.Values)
            {
                if (submitted.Contains(info.StageId)) continue;
                bool waited = _jobs.Values.Any(j => j.Status == JobStatus.Running && j.StageIds.Contains(info.StageId));
                if (!waited && !_jobs.Values.Any(j => j.StageIds.Contains(info.StageId))) continue; // its jobs were dropped
                stages.Add(UnsubmittedSnapshot(info, waited ? StageStatus.Pending : StageStatus.Skipped));
            }
            return [.. stages
                .Where(s => statuses is null || statuses.Count == 0 || statuses.Contains(s.Status))
                .OrderByDescending(s => s.StageId).ThenByDescending(s => s.AttemptId)];
        }
    }

    /// <summary>The attempts of one stage, latest first (a single pending/skipped entry when none ran).</summary>
    public IReadOnlyList<StageSnapshot> GetStageAttempts(int stageId) =>
        [.. GetStages().Where(s => s.StageId == stageId)];

    /// <summary>One stage attempt, or null when unknown.</summary>
    public StageSnapshot? GetStage(int stageId, int attemptId) =>
        GetStageAttempts(stageId).FirstOrDefault(s => s.AttemptId == attemptId);

    /// <summary>The retained tasks of a stage attempt, in launch order.</summary>
    public IReadOnlyList<TaskSnapshot> GetTasks(int stageId, int attemptId)
    {
        lock (_lock)
        {
            return _stages.TryGetValue((stageId, attemptId), out LiveStage? stage)
                ? [.. stage.Tasks.Values.OrderBy(t => t.TaskId).Select(t => t.ToSnapshot())]
                : [];
        }
    }

    /// <summary>Quantiles of the successful tasks' metrics of a stage attempt; null when the attempt is unknown.</summary>
    /// <remarks>Like Spark: the q-quantile of n sorted values is the value at index min(q·n, n−1); all zeros without tasks.</remarks>
    public TaskSummary? GetTaskSummary(int stageId, int attemptId, IReadOnlyList<double>? quantiles = null)
    {
        quantiles ??= DefaultQuantiles;
        List<MetricValues> metrics;
        lock (_lock)
        {
            if (!_stages.TryGetValue((stageId, attemptId), out LiveStage? stage)) return null;
            metrics = [.. stage.Tasks.Values.Where(t => t.Status == TaskAttemptStatus.Success && t.Metrics is not null).Select(t => t.Metrics!.Value)];
        }
        double[] Of(Func<MetricValues, long> selector)
        {
            long[] values = [.. metrics.Select(selector)];
            Array.Sort(values);
            return [.. quantiles.Select(q => values.Length == 0 ? 0d : values[(int)Math.Min((long)(q * values.Length), values.Length - 1)])];
        }
        return new TaskSummary(quantiles, metrics.Count, Of(m => m.DurationMs), Of(m => m.RecordsRead), Of(m => m.RecordsWritten),
            Of(m => m.ShuffleBytesRead), Of(m => m.ShuffleBytesWritten), Of(m => m.MemoryBytesSpilled), Of(m => m.DiskBytesSpilled),
            Of(m => m.PeakExecutionMemory));
    }

    private JobSnapshot JobSnapshotOf(LiveJob job)
    {
        int numTasks = 0, active = 0, completed = 0, skippedTasks = 0, failed = 0, killed = 0;
        int activeStages = 0, completedStages = 0, skippedStages = 0, failedStages = 0;
        foreach (StageInfo info in job.StageInfos)
        {
            numTasks += info.NumTasks;
            LiveStage? latest = null;
            bool ran = false;
            foreach (var key in job.Ran)
            {
                if (key.StageId != info.StageId) continue;
                ran = true;
                if (!_stages.TryGetValue(key, out LiveStage? stage)) continue;
                active += stage.NumActive;
                completed += stage.NumComplete;
                failed += stage.NumFailed;
                killed += stage.NumKilled;
                if (latest is null || stage.Info.AttemptNumber > latest.Info.AttemptNumber) latest = stage;
            }
            switch (latest?.Status)
            {
                case null when ran: // it ran, but is no longer retained
                    completedStages++;
                    break;
                case null when job.Status != JobStatus.Running:
                    skippedStages++;
                    skippedTasks += info.NumTasks;
                    break;
                case StageStatus.Active: activeStages++; break;
                case StageStatus.Complete: completedStages++; break;
                case StageStatus.Failed: failedStages++; break;
            }
        }
        // The job's name is its final stage's (the action); the description is the group's or the same.
        string name = job.StageInfos.Count > 0 ? job.StageInfos.MaxBy(s => s.StageId)!.Name : job.Description;
        return new JobSnapshot(job.JobId, name, job.Description, job.JobGroup, job.SubmissionTime, job.CompletionTime, job.Status,
            job.FailureReason, [.. job.StageInfos.Select(s => s.StageId).Order()], numTasks, active, completed, skippedTasks, failed,
            killed, activeStages, completedStages, skippedStages, failedStages);
    }

    private StageSnapshot StageSnapshotOf(LiveStage stage)
    {
        StageInfo info = stage.Info;
        return new StageSnapshot(info.StageId, info.AttemptNumber, info.Name, stage.Status, info.IsShuffleMap, info.NumTasks,
            stage.NumActive, stage.NumComplete, stage.NumFailed, stage.NumKilled, stage.SubmissionTime, stage.FirstTaskLaunchedTime,
            stage.CompletionTime, stage.FailureReason, stage.Totals, JobIdsOf(info.StageId), info.ParentIds, info.RddInfos);
    }

    private StageSnapshot UnsubmittedSnapshot(StageInfo info, StageStatus status) =>
        new(info.StageId, 0, info.Name, status, info.IsShuffleMap, info.NumTasks, 0, 0, 0, 0, null, null, null, null, default,
            JobIdsOf(info.StageId), info.ParentIds, info.RddInfos);

    private int[] JobIdsOf(int stageId) => [.. _jobs.Values.Where(j => j.StageIds.Contains(stageId)).Select(j => j.JobId)];
}
