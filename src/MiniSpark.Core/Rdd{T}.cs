namespace MiniSpark;

/// <summary>An immutable, lazily evaluated, partitioned dataset of <typeparamref name="T"/>.</summary>
/// <remarks>
/// <para>Transformations (<see cref="Map{U}"/>, <see cref="Filter"/>, ...) return new datasets and run nothing;
/// actions (<see cref="Collect"/>, <see cref="Count"/>, ...) run a job over all or some partitions.</para>
/// <para>Narrow transformations are pipelined: a chain of them runs as one task per partition, record by
/// record, with no collection in between. Key-based operations are extension methods on <c>Rdd&lt;(K, V)&gt;</c>.</para>
/// <para>To write a custom source, subclass this type and implement <see cref="Rdd.GetPartitionsCore"/>,
/// <see cref="Rdd.GetDependenciesCore"/> and <see cref="Compute"/>.</para>
/// </remarks>
/// <typeparam name="T">The element type.</typeparam>
public abstract partial class Rdd<T> : Rdd
{
    /// <summary>Creates a dataset that belongs to <paramref name="context"/>.</summary>
    protected Rdd(SparkContext context) : base(context) { }

    /// <summary>Computes the records of one partition, reading parents through their <see cref="Iterator"/>.</summary>
    /// <param name="split">The partition to compute; one of <see cref="Rdd.Partitions"/>.</param>
    /// <param name="context">The running task.</param>
    protected internal abstract IEnumerable<T> Compute(Partition split, TaskContext context);

    /// <summary>The records of <paramref name="split"/>: from a cached copy or checkpoint when there is one, else computed.</summary>
    /// <remarks>Child datasets read their parents through this method, never through <see cref="Compute"/>.</remarks>
    public IEnumerable<T> Iterator(Partition split, TaskContext context)
    {
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(context);
        StorageLevel level = StorageLevel;
        if (!level.IsValid) return ComputeOrReadCheckpoint(split, context);
        return Context.BlockManager.GetOrCompute(new Storage.RddBlockId(Id, split.Index), level,
            () => ComputeOrReadCheckpoint(split, context), context);
    }

    /// <summary>Sets the display name; returns this dataset, for chaining.</summary>
    public new Rdd<T> SetName(string name)
    {
        base.SetName(name);
        return this;
    }

    /// <summary>Records the operator that created this dataset, for lineage strings; returns this.</summary>
    internal Rdd<T> At(string creationSite)
    {
        CreationSite = creationSite;
        return this;
    }
}
