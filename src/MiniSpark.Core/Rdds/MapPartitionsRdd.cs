namespace MiniSpark.Rdds;

/// <summary>Applies a function to each parent partition; Map, Filter, FlatMap and friends build on it.</summary>
internal sealed class MapPartitionsRdd<TIn, TOut>(
    Rdd<TIn> parent,
    Func<TaskContext, int, IEnumerable<TIn>, IEnumerable<TOut>> transform,
    bool preservesPartitioning = false) : Rdd<TOut>(parent.Context)
{
    private Rdd<TIn>? _parent = parent;

    // Only key-preserving callers (Filter, MapValues) keep the partitioner.
    public override Partitioner? Partitioner { get; } = preservesPartitioning ? parent.Partitioner : null;

    protected override Partition[] GetPartitionsCore() => [.. _parent!.Partitions];

    protected override IReadOnlyList<Dependency> GetDependenciesCore() => [new OneToOneDependency(_parent!)];

    protected internal override IEnumerable<TOut> Compute(Partition split, TaskContext context) =>
        transform(context, split.Index, _parent!.Iterator(split, context));

    protected override void ClearDependencies() => _parent = null;
}
