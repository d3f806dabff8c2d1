using MiniSpark.Checkpointing;
using MiniSpark.Rdds;

namespace MiniSpark;

public sealed partial class SparkContext
{
    private volatile string? _checkpointDirectory;

    /// <summary>The folder checkpoints are written under; null until <see cref="SetCheckpointDir"/> is called.</summary>
    public string? CheckpointDirectory => _checkpointDirectory;

    /// <summary>Sets the folder for <see cref="Rdd.Checkpoint"/> files. As in Spark, a subfolder unique to this context is
    /// created inside it, and the files are kept after <see cref="Stop"/>.</summary>
    public void SetCheckpointDir(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ThrowIfStopped();
        string directory = Path.Combine(Path.GetFullPath(path), Guid.NewGuid().ToString());
        Directory.CreateDirectory(directory);
        _checkpointDirectory = directory;
    }
}

public abstract partial class Rdd<T>
{
    /// <summary>After a job over this dataset: writes the checkpoints of the nearest datasets marked for one.</summary>
    internal async ValueTask CheckpointMarkedAsync(bool sync, CancellationToken cancellationToken)
    {
        foreach (Rdd marked in MarkedForCheckpoint())
            await marked.WriteCheckpointAsync(sync, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Like Spark's doCheckpoint: the marked datasets nearest to this one, not looking past them.</summary>
    private List<Rdd> MarkedForCheckpoint()
    {
        var marked = new List<Rdd>();
        var visited = new HashSet<Rdd>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<Rdd>([this]);
        while (pending.TryPop(out Rdd? rdd))
        {
            if (!visited.Add(rdd) || rdd.IsCheckpointed) continue;
            if (rdd.Checkpointing is not null)
            {
                marked.Add(rdd);
                continue;
            }
            foreach (Dependency dependency in rdd.Dependencies) pending.Push(dependency.Rdd);
        }
        return marked;
    }

    private readonly Lock _checkpointLock = new();

    internal override async ValueTask WriteCheckpointAsync(bool sync, CancellationToken cancellationToken)
    {
        CheckpointState state = Checkpointing!;
        // One writer at a time: concurrent jobs over the same dataset must not both write (or both cut) it.
        if (!_checkpointLock.TryEnter()) return;
        try
        {
            if (state.IsMaterialized) return;
            Directory.CreateDirectory(state.Directory);
            string directory = state.Directory;
            Task<long[]> job = Context.RunJobAsync(this,
                (task, records) => CheckpointFiles.Write(directory, task.PartitionId, records, task.TaskAttemptId),
                null, "Checkpoint", cancellationToken);
            if (sync) job.GetAwaiter().GetResult();
            else await job.ConfigureAwait(false);
            MarkCheckpointed(new ReliableCheckpointRdd<T>(Context, directory, NumPartitions, Partitioner).At("Checkpoint"));
        }
        finally
        {
            _checkpointLock.Exit();
        }
    }
}
