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

    /// <summary>Like Spark's localCheckpoint: keeps the partitions in the block manager (memory, spilling to disk) and cuts the
    /// lineage after the next job that computes them. Faster than <see cref="Rdd.Checkpoint"/> (nothing is written to a
    /// reliable folder) but not fault tolerant: a lost block cannot be recomputed and fails the job. Returns this dataset.</summary>
    /// <remarks>A storage level without disk is upgraded to its disk counterpart (MemoryOnly becomes MemoryAndDisk), so
    /// eviction does not lose partitions.</remarks>
    public Rdd<T> LocalCheckpoint()
    {
        if (Checkpointing is { IsLocal: false })
            throw new InvalidOperationException($"{this} is already marked for a reliable checkpoint.");
        StorageLevel = StorageLevel.IsValid switch
        {
            false => StorageLevel.MemoryAndDisk,
            true when StorageLevel.UseDisk => StorageLevel,
            true => StorageLevel.Deserialized ? StorageLevel.MemoryAndDisk : StorageLevel.MemoryAndDiskSerialized,
        };
        Context.Cleaner.RegisterPersisted(this);
        MarkForLocalCheckpoint();
        return this;
    }

    /// <summary>Computes (into the block manager) the partitions not stored yet, then cuts the lineage.</summary>
    private async ValueTask MaterializeLocalCheckpointAsync(bool sync, CancellationToken cancellationToken)
    {
        int[] missing = [.. Enumerable.Range(0, NumPartitions).Where(p => !Context.BlockManager.Contains(new Storage.RddBlockId(Id, p)))];
        if (missing.Length > 0)
        {
            Task<bool[]> job = Context.RunJobAsync(this, static (_, records) =>
            {
                using IEnumerator<T> enumerator = records.GetEnumerator();
                while (enumerator.MoveNext()) { } // storing happens as the block manager reads the partition
                return true;
            }, missing, "LocalCheckpoint", cancellationToken);
            if (sync) job.GetAwaiter().GetResult();
            else await job.ConfigureAwait(false);
        }
        MarkCheckpointed(new LocalCheckpointRdd<T>(Context, Id, NumPartitions, Partitioner).At("LocalCheckpoint"));
    }

    internal override async ValueTask WriteCheckpointAsync(bool sync, CancellationToken cancellationToken)
    {
        CheckpointState state = Checkpointing!;
        // One writer at a time: concurrent jobs over the same dataset must not both write (or both cut) it.
        if (!_checkpointLock.TryEnter()) return;
        try
        {
            if (state.IsMaterialized) return;
            if (state.IsLocal)
            {
                await MaterializeLocalCheckpointAsync(sync, cancellationToken).ConfigureAwait(false);
                return;
            }
            string directory = state.Directory!;
            Directory.CreateDirectory(directory);
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
