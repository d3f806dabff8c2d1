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
            e.Attempt.AttemptNumber, e.Attempt.TaskAttemptId));

    private void HandleTaskEnded(TaskEndedEvent e)
    {
        SchedulerTask task = e.Task;
        TaskOutcome outcome = e.Outcome;
        _bus.Post(new SparkListenerTaskEnd(task.StageId, task.StageAttempt, task.PartitionId, e.Attempt.AttemptNumber,
            e.Attempt.TaskAttemptId, outcome.Kind == TaskOutcomeKind.Success, outcome.Kind == TaskOutcomeKind.Killed,
            outcome.Error, outcome.Metrics));
        // Failures are final only through TaskSetFailed; killed tasks belong to stages already given up.
        if (outcome.Kind != TaskOutcomeKind.Success) return;
        if (!_stages.TryGetValue(task.StageId, out Stage? stage))
        {
            (outcome.Result as MapOutput)?.Release(); // a late map output of a stage no job needs any more
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
                _mapOutputs.AddOutput(map.Dependency.ShuffleId, task.PartitionId, (MapOutput)outcome.Result!);
                map.PendingPartitions.Remove(task.PartitionId);
                if (_running.Contains(map) && map.PendingPartitions.Count == 0)
                {
                    MarkStageFinished(map, null);
                    if (map.IsAvailable) SubmitWaitingStages();
                    else SubmitStage(map); // outputs went missing meanwhile: compute what is gone
                }
                break;
        }
    }

    private void HandleResultTaskSucceeded(ResultStage stage, ResultTask task, TaskOutcome outcome)
    {
        ActiveJob job = stage.Job;
        if (!_activeJobs.ContainsKey(job.JobId) || job.Finished[task.OutputIndex]) return;
        job.Finished[task.OutputIndex] = true;
        job.NumFinished++;
        stage.PendingPartitions.Remove(task.PartitionId);
        // Only the first success per partition of an action merges: exactly once, whatever the retries.
        MergeAccumulators(outcome);
        job.Listener.TaskSucceeded(task.OutputIndex, outcome.Result);
        if (job.NumFinished < job.Partitions.Count) return;

        MarkStageFinished(stage, null);
        CleanUpJob(job);
        _bus.Post(new SparkListenerJobEnd(job.JobId, true, null));
        job.Listener.JobSucceeded();
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
        if (job.FinalStage is not null)
        {
            foreach (Stage stage in StagesOf(job.FinalStage))
            {
                if (stage.JobIds.Count != 1 || !stage.JobIds.Contains(job.JobId)) continue;
                if (_running.Contains(stage))
                {
                    _taskScheduler.KillTaskSet(stage.Id, error.Message);
                    MarkStageFinished(stage, error.Message);
                }
            }
        }
        CleanUpJob(job);
        _bus.Post(new SparkListenerJobEnd(job.JobId, false, error));
        job.Listener.JobFailed(error);
    }

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
