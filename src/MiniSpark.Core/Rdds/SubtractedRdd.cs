using MiniSpark.Shuffle;

namespace MiniSpark.Rdds;

/// <summary>The pairs of the left input whose key is absent from the right input.</summary>
/// <remarks>Only the right side's keys are held in memory; the left side streams through (Spark's SubtractedRDD).</remarks>
internal sealed class SubtractedRdd<K, V, W> : Rdd<(K, V)>
{
    private readonly Rdd<(K, V)> _left;
    private readonly Rdd<(K, W)> _right;
    private readonly Partitioner _partitioner;
    private readonly IEqualityComparer<K>? _comparer;

    public SubtractedRdd(Rdd<(K, V)> left, Rdd<(K, W)> right, Partitioner partitioner, IEqualityComparer<K>? comparer)
        : base(left.Context)
    {
        _partitioner = partitioner;
        _comparer = comparer;
        _left = CoGroup.PlacedBy(left, partitioner, comparer);
        _right = CoGroup.PlacedBy(right, partitioner, comparer);
    }

    public override Partitioner Partitioner => _partitioner;

    protected override Partition[] GetPartitionsCore() => CoGroup.Partitions(_partitioner);

    protected override IReadOnlyList<Dependency> GetDependenciesCore() => [new OneToOneDependency(_left), new OneToOneDependency(_right)];

    protected internal override IEnumerable<(K, V)> Compute(Partition split, TaskContext context)
    {
        var present = new CombineMap<K, bool>(_comparer);
        foreach ((K key, W _) in _right.Iterator(_right.Partitions[split.Index], context))
            present.GetValueRefOrAddDefault(key, out _) = true;
        foreach ((K, V) record in _left.Iterator(_left.Partitions[split.Index], context))
        {
            if (!present.ContainsKey(record.Item1)) yield return record;
        }
    }
}
