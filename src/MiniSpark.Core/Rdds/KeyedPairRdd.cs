namespace MiniSpark.Rdds;

/// <summary>A dataset computed from two pair datasets placed by one partitioner: partition <c>i</c> reads partition
/// <c>i</c> of each. Cogroups, joins and key subtraction build on it.</summary>
/// <remarks>An input already placed by an equal partitioner is read through a narrow dependency (no shuffle); any other
/// input is first shuffled into place.</remarks>
internal abstract class KeyedPairRdd<K, V, W, R> : Rdd<(K, R)>
{
    private Rdd<(K, V)> _left;
    private Rdd<(K, W)> _right;

    protected KeyedPairRdd(Rdd<(K, V)> left, Rdd<(K, W)> right, Partitioner partitioner, IEqualityComparer<K>? comparer)
        : base(left.Context)
    {
        Partitioner = partitioner;
        Comparer = comparer;
        _left = CoGroup.PlacedBy(left, partitioner, comparer);
        _right = CoGroup.PlacedBy(right, partitioner, comparer);
    }

    public override Partitioner Partitioner { get; }

    protected IEqualityComparer<K>? Comparer { get; }

    protected Rdd<(K, V)> Left => _left;

    protected Rdd<(K, W)> Right => _right;

    protected override Partition[] GetPartitionsCore() => Partition.Indexed(Partitioner.NumPartitions);

    protected override IReadOnlyList<Dependency> GetDependenciesCore() => [new OneToOneDependency(_left), new OneToOneDependency(_right)];

    protected override void ClearDependencies() => (_left, _right) = (null!, null!);
}
