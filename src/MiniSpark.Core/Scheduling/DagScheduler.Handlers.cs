using MiniSpark.Internal;
using MiniSpark.Shuffle;

namespace MiniSpark.Scheduling;

// Event handlers: each runs on the event thread and leaves the state consistent.
internal sealed partial class DagScheduler
{
    private void HandleJobSubmitted(ActiveJob job)
    {
        if (job.Partitions.Count == 0)
        {
            _bus.Post(new SparkListenerJobStart(job.JobId, [], job.Properties.JobGroup, job.Properties.Description ?? job.CallSite));
            _bus.Post(new SparkListenerJobEnd(job.JobId, true, null));
            job.CancellationRegistration.Dispose();
            job.Listener.JobSucceeded();
            return;
        }

        ResultStage finalStage;
        try
        {
            finalStage = CreateResultStage(job, job.Runner.Rdd);
        }
        catch (Exception error)
        {
            // Partitions are computed here (a file listing, a user's source): the user sees that error itself.
            job.CancellationRegistration.Dispose();
            job.Listener.JobFailed(error);
            return;
        }
        job.FinalStage = finalStage;
        _activeJobs.Add(job.JobId, job);
        if (job.CancellationToken.IsCancellationRequested)
        {
            // Cancelled between submission and now: its JobCancelled event came first and found nothing.
            CancelJob(job.JobId, "its cancellation token was cancelled", job.CancellationToken);
            return;
        }
        List<Stage> stages = StagesOf(finalStage);
        _bus.Post(new SparkListenerJobStart(job.JobId, [.. stages.Select(s => s.LatestInfo ?? DescribeStage(s, 0))],
            job.Properties.JobGroup, job.Properties.Description ?? job.CallSite));
        SubmitStage(finalStage);
    }

    private void SubmitStage(Stage root)
    {
        var pending = new Stack<Stage>([root]);
        while (pending.TryPop(out Stage? stage))
        {
            if (_waiting.Contains(stage) || _running.Contains(stage)) continue;
            List<Stage> missing = GetMissingParentStages(stage);
            if (missing.Count == 0)
            {
                SubmitMissingTasks(stage);
                continue;
            }
            _waiting.Add(stage);
            // Lower ids first: parents created earlier usually feed the others.
            foreach (Stage parent in missing.OrderByDescending(s => s.Id)) pending.Push(parent);
        }
    }

    private void SubmitMissingTasks(Stage stage)
    {
        int attempt = stage.NewAttempt();
        var tasks = new List<SchedulerTask>();
        int jobId = stage.JobIds.Count > 0 ? stage.JobIds.Min() : stage.FirstJobId;
        IReadOnlyList<Partition> partitions = stage.Rdd.Partitions;
        stage.PendingPartitions.Clear();
        switch (stage)
        {
            case ShuffleMapStage map:
                foreach (int p in map.FindMissingPartitions())
                    tasks.Add(new ShuffleMapTask(stage.Id, attempt, partitions[p], jobId, map.Dependency));
                break;
            case ResultStage result:
                ActiveJob job = result.Job;
                for (int i = 0; i < job.Partitions.Count; i++)
                {
                    if (!job.Finished[i])
                        tasks.Add(new ResultTask(stage.Id, attempt, partitions[job.Partitions[i]], jobId, job.Runner, i));
                }
                break;
        }
        foreach (SchedulerTask task in tasks) stage.PendingPartitions.Add(task.PartitionId);

        _running.Add(stage);
        stage.LatestInfo = DescribeStage(stage, attempt) with { SubmissionTime = DateTimeOffset.UtcNow };
        _bus.Post(new SparkListenerStageSubmitted(stage.LatestInfo));
        if (tasks.Count > 0)
        {
            _taskScheduler.Submit(new TaskSet(stage, attempt, tasks, jobId));
            return;
        }
        // Every output already exists (a retried stage whose work was done meanwhile).
        MarkStageFinished(stage, null);
        if (stage is ShuffleMapStage) SubmitWaitingStages();
    }

    private void HandleTaskStarted(TaskStartedEvent e) =>
        _bus.Post(new SparkListenerTaskStart(e.Task.StageId, e.Task.StageAttempt, e.Task.PartitionId,
            e.Attempt.AttemptNumber, e.Attempt.TaskAttemptId) { Speculative = e.Attempt.Speculative });

    private void HandleTaskEnded(TaskEndedEvent e)
    {
        SchedulerTask task = e.Task;
        TaskOutcome outcome = e.Outcome;
        _bus.Post(new SparkListenerTaskEnd(task.StageId, task.StageAttempt, task.PartitionId, e.Attempt.AttemptNumber,
            e.Attempt.TaskAttemptId, outcome.Kind == TaskOutcomeKind.Success, outcome.Kind == TaskOutcomeKind.Killed,
            outcome.Error, outcome.Metrics));
        if (outcome.Kind == TaskOutcomeKind.FetchFailed)
        {
            HandleFetchFailed(task, (FetchFailedException)outcome.Error!);
            return;
        }
        // Failures are final only through TaskSetFailed; killed tasks belong to stages already given up.
        if (outcome.Kind != TaskOutcomeKind.Success) return;
        if (!_stages.TryGetValue(task.StageId, out Stage? stage) || task.StageAttempt < stage.MinValidAttempt)
        {
            // A late output of a stage no job needs, or of an attempt that may have read data since changed.
            (outcome.Result as MapOutput)?.Release();
            return;
        }

        switch (stage, task)
        {
            case (ResultStage result, ResultTask resultTask):
                HandleResultTaskSucceeded(result, resultTask, outcome);
                break;
            case (ShuffleMapStage map, ShuffleMapTask):
                // Like Spark: a map task's updates count each time it succeeds (a rerun stage counts again).
                MergeAccumulators(outcome);
                IReadOnlyList<int> changed = _mapOutputs.AddOutput(map.Dependency.ShuffleId, task.PartitionId, (MapOutput)outcome.Result!);
                if (changed.Count > 0 && !HandleChangedOutput(map, task.PartitionId, changed)) return;
                map.PendingPartitions.Remove(task.PartitionId);
                if (_running.Contains(map) && map.PendingPartitions.Count == 0)
                {
                    MarkStageFinished(map, null);
                    map.ConsecutiveFetchFailures = 0;
                    if (map.IsAvailable) SubmitWaitingStages();
                    else SubmitStage(map); // outputs went missing meanwhile: compute what is gone
                }
                break;
        }
    }

    /// <summary>Spark's FetchFailed: drop the lost map output, stop the reading stage's attempt, and resubmit it;
    /// its missing parent map partitions run first.</summary>
    private void HandleFetchFailed(SchedulerTask task, FetchFailedException failure)
    {
        _mapOutputs.RemoveOutput(failure.ShuffleId, failure.MapIndex, failure.Output);
        if (!_stages.TryGetValue(task.StageId, out Stage? stage)) return;
        // Only the first failure of an attempt reschedules; the attempt's other failures just drop their outputs.
        if (task.StageAttempt != stage.LatestAttempt || !_running.Contains(stage)) return;

        string reason = $"FetchFailed: {failure.Message}";
        _ = _taskScheduler.KillTaskSet(stage.Id, reason);
        MarkStageFinished(stage, reason);
        if (++stage.ConsecutiveFetchFailures > MaxConsecutiveStageAttempts)
        {
            AbortStage(stage, SR.StageFailedTooOften(stage.Id, MaxConsecutiveStageAttempts, failure.Message), failure);
            return;
        }
        SubmitStage(stage); // finds the parent map stage incomplete: it runs first, then this stage again
    }

    /// <summary>A recomputed map output differs from the lost one: the user's functions are not deterministic. Every
    /// stage that read the old data must not mix it with the new: rerun reading map stages entirely; a job that already
    /// has results from the old data fails, saying why. Returns false when the map stage's job was aborted.</summary>
    private bool HandleChangedOutput(ShuffleMapStage map, int mapIndex, IReadOnlyList<int> changedReducers)
    {
        string what = $"map partition {mapIndex} of stage {map.Id} (shuffle {map.Dependency.ShuffleId}) was recomputed after its " +
            $"output was lost and produced different data for {changedReducers.Count} reduce partition(s)";
        foreach (Stage consumer in _stages.Values.Where(s => s.Parents.Contains(map)).ToList())
        {
            switch (consumer)
            {
                case ResultStage result when result.Job.NumFinished > 0:
                    FailJobAndIndependentStages(result.Job, new SparkJobException(SR.NonDeterministicResult(result.Job.JobId, what)));
                    break;
                case ResultStage result:
                    Restart(result);
                    break;
                case ShuffleMapStage reader:
                    // Its outputs were computed from the old data; their checksums are kept, so changes cascade.
                    _mapOutputs.RemoveAllOutputs(reader.Dependency.ShuffleId);
                    Restart(reader);
                    break;
            }
        }
        return _stages.ContainsKey(map.Id);
    }

    /// <summary>Stops a stage's current attempt and ignores its results from now on; it is submitted again when its
    /// parents are ready.</summary>
    private void Restart(Stage stage)
    {
        stage.MinValidAttempt = stage.LatestAttempt + 1;
        if (_running.Contains(stage))
        {
            _ = _taskScheduler.KillTaskSet(stage.Id, "its input changed");
            MarkStageFinished(stage, "restarted: its input changed");
        }
        _waiting.Add(stage);
    }

    private const int MaxConsecutiveStageAttempts = 4;

    private void AbortStage(Stage stage, string message, Exception cause)
    {
        foreach (ActiveJob job in _activeJobs.Values.Where(j => stage.JobIds.Contains(j.JobId)).OrderBy(j => j.JobId).ToList())
            FailJobAndIndependentStages(job, new SparkJobException($"Job {job.JobId} aborted: {message}", cause));
    }

    private void HandleResultTaskSucceeded(ResultStage stage, ResultTask task, TaskOutcome outcome)
    {
        ActiveJob job = stage.Job;
        stage.ConsecutiveFetchFailures = 0;
        if (!_activeJobs.ContainsKey(job.JobId) || job.Finished[task.OutputIndex]) return;
        job.Finished[task.OutputIndex] = true;
        job.NumFinished++;
        stage.PendingPartitions.Remove(task.PartitionId);
        // Only the first success per partition of an action merges: exactly once, whatever the retries.
        MergeAccumulators(outcome);
        job.Listener.TaskSucceeded(task.OutputIndex, outcome.Result);
        if (job.NumFinished < job.Partitions.Count) return;

        MarkStageFinished(stage, null);
        // Speculative copies that lost may still be stopping: the action returns once no task of the job runs.
        Task stopped = Task.WhenAll(StagesOf(stage).Where(s => s.JobIds.Count == 1).Select(s => _taskScheduler.WhenStopped(s.Id)));
        CleanUpJob(job);
        _bus.Post(new SparkListenerJobEnd(job.JobId, true, null));
        CompleteWhenStopped(stopped, job.Listener.JobSucceeded);
    }

    private static void MergeAccumulators(TaskOutcome outcome)
    {
        if (outcome.AccumulatorUpdates is null) return;
        foreach ((Accumulator accumulator, Accumulator update) in outcome.AccumulatorUpdates)
        {
            try
            {
                accumulator.MergeUntyped(update);
            }
            catch (Exception error)
            {
                // A custom accumulator's bug must not stop the scheduler; the job's result is still right.
                Log.Warning($"Merging accumulator {accumulator.Id} ('{accumulator.Name}') failed: {error}");
            }
        }
    }

    private void SubmitWaitingStages()
    {
        foreach (Stage stage in _waiting.OrderBy(s => s.FirstJobId).ThenBy(s => s.Id).ToList())
        {
            if (GetMissingParentStages(stage).Count > 0) continue;
            _waiting.Remove(stage);
            SubmitStage(stage);
        }
    }

    private void MarkStageFinished(Stage stage, string? failureReason)
    {
        _running.Remove(stage);
        StageInfo info = stage.LatestInfo ?? DescribeStage(stage, Math.Max(stage.LatestAttempt, 0));
        stage.LatestInfo = info with { CompletionTime = DateTimeOffset.UtcNow, FailureReason = failureReason };
        _bus.Post(new SparkListenerStageCompleted(stage.LatestInfo));
    }

    private void HandleTaskSetFailed(TaskSetFailedEvent e)
    {
        if (!_stages.TryGetValue(e.TaskSet.StageId, out Stage? stage)) return;
        foreach (ActiveJob job in _activeJobs.Values.Where(j => stage.JobIds.Contains(j.JobId)).OrderBy(j => j.JobId).ToList())
        {
            string message = SR.TaskFailed(job.JobId, stage.Id, e.Task.PartitionId, e.Attempts, e.Error);
            FailJobAndIndependentStages(job, new SparkJobException(message, e.Error, job.JobId, stage.Id, e.Task.PartitionId, e.Attempts));
        }
    }

    private void CancelJob(int jobId, string reason, CancellationToken token)
    {
        if (!_activeJobs.TryGetValue(jobId, out ActiveJob? job)) return;
        FailJobAndIndependentStages(job, new OperationCanceledException(SR.JobCancelled(jobId, reason), token));
    }

    /// <summary>Ends <paramref name="job"/> with <paramref name="error"/>; stops the stages no other job needs.</summary>
    private void FailJobAndIndependentStages(ActiveJob job, Exception error)
    {
        var stopping = new List<Task>();
        if (job.FinalStage is not null)
        {
            foreach (Stage stage in StagesOf(job.FinalStage))
            {
                if (stage.JobIds.Count != 1 || !stage.JobIds.Contains(job.JobId)) continue;
                if (_running.Contains(stage))
                {
                    stopping.Add(_taskScheduler.KillTaskSet(stage.Id, error.Message));
                    MarkStageFinished(stage, error.Message);
                }
            }
        }
        CleanUpJob(job);
        _bus.Post(new SparkListenerJobEnd(job.JobId, false, error));
        // The action returns only once the job's tasks have stopped (they observe the kill between records), so no task
        // of a finished job keeps running; a task stuck in user code that ignores cancellation is waited for a bounded time.
        CompleteWhenStopped(Task.WhenAll(stopping), () => job.Listener.JobFailed(error));
    }

    private void CompleteWhenStopped(Task stopped, Action complete)
    {
        // Through the event queue: a task queues its end event before it counts as stopped, so the completion lands
        // behind every end event of the job's tasks, and listeners have them all before the action returns. A stopped
        // scheduler takes no more events: then the action completes at once.
        void Enqueue()
        {
            if (!_events.Writer.TryWrite(new JobCompletion(complete))) complete();
        }
        if (stopped.IsCompleted) Enqueue();
        else stopped.WaitAsync(KilledTaskGrace).ContinueWith(_ => Enqueue(), CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private static readonly TimeSpan KilledTaskGrace = TimeSpan.FromSeconds(5);

    /// <summary>Forgets the job and every stage only it needed; shuffle outputs stay for later jobs.</summary>
    private void CleanUpJob(ActiveJob job)
    {
        _activeJobs.Remove(job.JobId);
        job.CancellationRegistration.Dispose();
        if (job.FinalStage is null) return;
        foreach (Stage stage in StagesOf(job.FinalStage))
        {
            if (!stage.JobIds.Remove(job.JobId) || stage.JobIds.Count > 0) continue;
            _stages.Remove(stage.Id);
            _waiting.Remove(stage);
            _running.Remove(stage);
            if (stage is ShuffleMapStage map) _shuffleStages.Remove(map.Dependency.ShuffleId);
        }
    }
}
