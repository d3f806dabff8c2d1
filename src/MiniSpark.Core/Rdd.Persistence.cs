using MiniSpark.Storage;

namespace MiniSpark;

public abstract partial class Rdd<T>
{
    /// <summary>Keeps this dataset's partitions, once computed, as <paramref name="level"/> says; returns this dataset.</summary>
    /// <remarks>As in Spark, a dataset's level cannot change once set (call <see cref="Unpersist"/> first). Nothing is
    /// stored until a job computes the partitions.</remarks>
    /// <exception cref="InvalidOperationException">The dataset already has a different level.</exception>
    public Rdd<T> Persist(StorageLevel level)
    {
        ArgumentNullException.ThrowIfNull(level);
        Context.ThrowIfStopped();
        if (StorageLevel.IsValid && !StorageLevel.Equals(level))
        {
            throw new InvalidOperationException(
                $"{this} is already persisted as {StorageLevel}; call Unpersist() before persisting it as {level}.");
        }
        StorageLevel = level;
        if (level.IsValid) Context.Cleaner.RegisterPersisted(this);
        return this;
    }

    /// <summary>Keeps partitions in memory as objects: <c>Persist(StorageLevel.MemoryOnly)</c>. Returns this dataset.</summary>
    public Rdd<T> Cache() => Persist(StorageLevel.MemoryOnly);

    /// <summary>Keeps computed partitions in memory as objects (<see cref="StorageLevel.MemoryOnly"/>, Spark's default
    /// level); the same as <see cref="Cache"/>. Returns this dataset.</summary>
    public Rdd<T> Persist() => Cache();

    /// <summary>Removes every stored partition (memory and disk files) and forgets the level; returns this dataset.</summary>
    public Rdd<T> Unpersist()
    {
        StorageLevel = StorageLevel.None;
        Context.Cleaner.UnregisterPersisted(Id);
        Context.BlockManager.RemoveRdd(Id);
        return this;
    }

    private IEnumerable<T> ComputeOrReadCheckpoint(Partition split, TaskContext context) =>
        Checkpointing?.CheckpointRdd is Rdd<T> files ? files.Iterator(files.Partitions[split.Index], context) : Compute(split, context);
}
