namespace MiniSpark.Scheduling;

/// <summary>Everything that changes the DAG scheduler's state arrives as one of these, handled in order on one thread.</summary>
internal abstract record DagEvent;

internal sealed record JobSubmitted(ActiveJob Job) : DagEvent;

internal sealed record JobCancelled(int JobId, string Reason, CancellationToken Token) : DagEvent;

internal sealed record JobGroupCancelled(string GroupId) : DagEvent;

internal sealed record AllJobsCancelled(string Reason) : DagEvent;

internal sealed record TaskStartedEvent(SchedulerTask Task, TaskAttempt Attempt) : DagEvent;

internal sealed record TaskEndedEvent(SchedulerTask Task, TaskAttempt Attempt, TaskOutcome Outcome) : DagEvent;

internal sealed record TaskSetFailedEvent(TaskSet TaskSet, SchedulerTask Task, int Attempts, Exception Error) : DagEvent;

/// <summary>Completes a finished job's action once its tasks stopped. Queued behind the stopped tasks' own end events,
/// so listeners have been given those before the action returns.</summary>
internal sealed record JobCompletion(Action Complete) : DagEvent;
