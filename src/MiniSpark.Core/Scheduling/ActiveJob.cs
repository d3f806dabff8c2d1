namespace MiniSpark.Scheduling;

/// <summary>A submitted job: the partitions it computes, what it has finished, and who waits for it.</summary>
internal sealed class ActiveJob(int jobId, JobRunner runner, IReadOnlyList<int> partitions, JobListener listener,
    JobProperties properties, string callSite, CancellationToken cancellationToken)
{
    public int JobId { get; } = jobId;
    public JobRunner Runner { get; } = runner;
    /// <summary>Partitions of the final dataset to compute, in result order.</summary>
    public IReadOnlyList<int> Partitions { get; } = partitions;
    public bool[] Finished { get; } = new bool[partitions.Count];
    public int NumFinished { get; set; }
    public JobListener Listener { get; } = listener;
    public JobProperties Properties { get; } = properties;
    public string CallSite { get; } = callSite;
    public ResultStage? FinalStage { get; set; }
    public CancellationToken CancellationToken { get; } = cancellationToken;
    public CancellationTokenRegistration CancellationRegistration { get; set; }
}

/// <summary>Per-job settings captured from the submitting thread.</summary>
internal sealed record JobProperties(string? JobGroup, string? Description);
