namespace MiniSpark.Scheduling;

/// <summary>Receives a job's per-partition results and its outcome; called on the scheduler's event thread.</summary>
internal abstract class JobListener
{
    public abstract void TaskSucceeded(int outputIndex, object? result);

    public abstract void JobSucceeded();

    public abstract void JobFailed(Exception exception);
}

/// <summary>Collects typed results into an array and completes a task the action awaits (or blocks on).</summary>
internal sealed class JobWaiter<U>(int numPartitions) : JobListener
{
    private readonly U[] _results = new U[numPartitions];

    // Continuations run asynchronously: the scheduler thread must never run user code after an await.
    private readonly TaskCompletionSource<U[]> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int JobId { get; set; } = -1;

    public Task<U[]> Task => _completion.Task;

    public override void TaskSucceeded(int outputIndex, object? result) => _results[outputIndex] = (U)result!;

    public override void JobSucceeded() => _completion.TrySetResult(_results);

    // A cancellation is stored as an exception, not TrySetCanceled, which would drop the message saying why;
    // the actions' async methods still end Canceled, carrying this exception.
    public override void JobFailed(Exception exception) => _completion.TrySetException(exception);
}
