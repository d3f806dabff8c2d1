namespace MiniSpark.Rdds;

/// <summary>Applies a function to each parent partition; Map, Filter, FlatMap and friends build on it.</summary>
/// <remarks>Built from a <see cref="RecordStep{TIn,TOut}"/> (a per-record function), it runs fused with a parent
/// step when it can: see <see cref="RecordStep{TIn,TOut}"/>.</remarks>
internal sealed class MapPartitionsRdd<TIn, TOut> : Rdd<TOut>, IStepRdd<TOut>
{
    private readonly Func<TaskContext, int, IEnumerable<TIn>, IEnumerable<TOut>> _transform;
    private readonly RecordStep<TIn, TOut>? _step;
    private Rdd<TIn>? _parent;

    public MapPartitionsRdd(Rdd<TIn> parent, Func<TaskContext, int, IEnumerable<TIn>, IEnumerable<TOut>> transform,
        bool preservesPartitioning = false) : base(parent.Context)
    {
        _parent = parent;
        _transform = transform;
        // Only key-preserving callers (Filter, MapValues) keep the partitioner.
        Partitioner = preservesPartitioning ? parent.Partitioner : null;
    }

    public MapPartitionsRdd(Rdd<TIn> parent, RecordStep<TIn, TOut> step, bool preservesPartitioning = false)
        : this(parent, (task, _, records) => step.Apply(records, task), preservesPartitioning)
    {
        _step = step;
    }

    public override Partitioner? Partitioner { get; }

    protected override Partition[] GetPartitionsCore() => [.. _parent!.Partitions];

    protected override IReadOnlyList<Dependency> GetDependenciesCore() => [new OneToOneDependency(_parent!)];

    protected internal override IEnumerable<TOut> Compute(Partition split, TaskContext context)
    {
        // Bad-record skipping needs each step's own loop to tell which function failed.
        if (_step is not null && context.SkipSignature is null && _parent is IStepRdd<TIn> parentStep
            && parentStep.TryComputeThen(_step, split, context) is { } fused)
            return fused;
        return _transform(context, split.Index, _parent!.Iterator(split, context));
    }

    IEnumerable<TNext>? IStepRdd<TOut>.TryComputeThen<TNext>(RecordStep<TOut, TNext> next, Partition split, TaskContext context)
    {
        // Persisted or checkpointed, this dataset's records come from the block store or the checkpoint files.
        if (_step is null || StorageLevel.IsValid || Checkpointing?.CheckpointRdd is not null || !_step.FusesWith(next)) return null;
        return _step.Fuse(next, _parent!.Iterator(split, context));
    }

    protected override void ClearDependencies() => _parent = null;
}

/// <summary>A dataset computed by a <see cref="RecordStep{TIn,TOut}"/>, which a child step can fuse with.</summary>
internal interface IStepRdd<T>
{
    /// <summary>This dataset's step followed by <paramref name="next"/> as one loop, or null when they cannot fuse
    /// (this dataset is persisted or checkpointed, or the pair has no fused loop).</summary>
    IEnumerable<TNext>? TryComputeThen<TNext>(RecordStep<T, TNext> next, Partition split, TaskContext context);
}
