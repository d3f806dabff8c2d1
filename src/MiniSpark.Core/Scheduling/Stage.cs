namespace MiniSpark.Scheduling;

/// <summary>A set of tasks computing one dataset's partitions up to a shuffle boundary.</summary>
/// <remarks>Owned by the <see cref="DagScheduler"/>'s event thread: no locking.</remarks>
internal abstract class Stage(int id, Rdd rdd, IReadOnlyList<Stage> parents, int firstJobId)
{
    public int Id { get; } = id;
    public Rdd Rdd { get; } = rdd;
    public IReadOnlyList<Stage> Parents { get; } = parents;
    public int FirstJobId { get; } = firstJobId;
    public HashSet<int> JobIds { get; } = [];
    public int NumTasks => Rdd.NumPartitions;

    /// <summary>Attempt number of the latest submission; -1 before the first.</summary>
    public int LatestAttempt { get; private set; } = -1;

    /// <summary>Partitions of the current attempt not yet done.</summary>
    public HashSet<int> PendingPartitions { get; } = [];

    public StageInfo? LatestInfo { get; set; }

    public abstract IReadOnlyList<int> FindMissingPartitions();

    public abstract string Name { get; }

    public int NewAttempt() => ++LatestAttempt;

    public override string ToString() => $"{GetType().Name} {Id} ({Rdd})";
}

/// <summary>Computes a shuffle's map side; its output feeds later stages and later jobs.</summary>
internal sealed class ShuffleMapStage(int id, Rdd rdd, IReadOnlyList<Stage> parents, int firstJobId,
    ShuffleDependency dependency, Shuffle.MapOutputTracker tracker) : Stage(id, rdd, parents, firstJobId)
{
    public ShuffleDependency Dependency { get; } = dependency;

    public bool IsAvailable => tracker.IsComplete(Dependency.ShuffleId);

    public override IReadOnlyList<int> FindMissingPartitions() => tracker.MissingMapPartitions(Dependency.ShuffleId);

    public override string Name => $"{Dependency.Rdd.CreationSite} (shuffle {Dependency.ShuffleId})";
}

/// <summary>Runs the action's function over the requested partitions of the final dataset.</summary>
internal sealed class ResultStage(int id, Rdd rdd, IReadOnlyList<Stage> parents, int firstJobId, ActiveJob job)
    : Stage(id, rdd, parents, firstJobId)
{
    public ActiveJob Job { get; } = job;

    public override IReadOnlyList<int> FindMissingPartitions()
    {
        var missing = new List<int>();
        for (int i = 0; i < Job.Partitions.Count; i++)
        {
            if (!Job.Finished[i]) missing.Add(Job.Partitions[i]);
        }
        return missing;
    }

    public override string Name => Job.CallSite;
}
