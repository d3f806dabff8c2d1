using MiniSpark.Shuffle;

namespace MiniSpark.Rdds;

/// <summary>Groups the values of two pair datasets by key, partition by partition, under one partitioner.</summary>
/// <remarks>
/// An input already placed by an equal partitioner is read through a narrow dependency (no shuffle); any
/// other input is first shuffled into place. Joins, <c>Cogroup</c> and set operations are built on this.
/// </remarks>
internal sealed class CoGroupedRdd<K, V, W> : Rdd<(K, (IReadOnlyList<V>, IReadOnlyList<W>))>
{
    private Rdd<(K, V)> _left;
    private Rdd<(K, W)> _right;
    private readonly Partitioner _partitioner;
    private readonly IEqualityComparer<K>? _comparer;

    public CoGroupedRdd(Rdd<(K, V)> left, Rdd<(K, W)> right, Partitioner partitioner, IEqualityComparer<K>? comparer)
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

    protected override void ClearDependencies() => (_left, _right) = (null!, null!);

    protected internal override IEnumerable<(K, (IReadOnlyList<V>, IReadOnlyList<W>))> Compute(Partition split, TaskContext context)
    {
        CombineMap<K, List<V>> left = CoGroup.Group(_left, split.Index, _comparer, context);
        CombineMap<K, List<W>> right = CoGroup.Group(_right, split.Index, _comparer, context);
        foreach ((K key, List<V> values) in left.Entries())
        {
            IReadOnlyList<W> others = right.TryGetValue(key, out List<W>? found) ? found! : [];
            yield return (key, (values, others));
        }
        foreach ((K key, List<W> others) in right.Entries())
        {
            if (!left.ContainsKey(key)) yield return (key, ([], others));
        }
    }
}

/// <summary>Like <see cref="CoGroupedRdd{K,V,W}"/> for three inputs.</summary>
internal sealed class CoGroupedRdd<K, V, W, X> : Rdd<(K, (IReadOnlyList<V>, IReadOnlyList<W>, IReadOnlyList<X>))>
{
    private readonly Rdd<(K, V)> _first;
    private readonly Rdd<(K, W)> _second;
    private readonly Rdd<(K, X)> _third;
    private readonly Partitioner _partitioner;
    private readonly IEqualityComparer<K>? _comparer;

    public CoGroupedRdd(Rdd<(K, V)> first, Rdd<(K, W)> second, Rdd<(K, X)> third, Partitioner partitioner,
        IEqualityComparer<K>? comparer) : base(first.Context)
    {
        _partitioner = partitioner;
        _comparer = comparer;
        _first = CoGroup.PlacedBy(first, partitioner, comparer);
        _second = CoGroup.PlacedBy(second, partitioner, comparer);
        _third = CoGroup.PlacedBy(third, partitioner, comparer);
    }

    public override Partitioner Partitioner => _partitioner;

    protected override Partition[] GetPartitionsCore() => CoGroup.Partitions(_partitioner);

    protected override IReadOnlyList<Dependency> GetDependenciesCore() =>
        [new OneToOneDependency(_first), new OneToOneDependency(_second), new OneToOneDependency(_third)];

    protected internal override IEnumerable<(K, (IReadOnlyList<V>, IReadOnlyList<W>, IReadOnlyList<X>))> Compute(
        Partition split, TaskContext context)
    {
        CombineMap<K, List<V>> first = CoGroup.Group(_first, split.Index, _comparer, context);
        CombineMap<K, List<W>> second = CoGroup.Group(_second, split.Index, _comparer, context);
        CombineMap<K, List<X>> third = CoGroup.Group(_third, split.Index, _comparer, context);
        foreach ((K key, List<V> values) in first.Entries())
            yield return (key, (values, CoGroup.Find(second, key), CoGroup.Find(third, key)));
        foreach ((K key, List<W> values) in second.Entries())
        {
            if (!first.ContainsKey(key)) yield return (key, ([], values, CoGroup.Find(third, key)));
        }
        foreach ((K key, List<X> values) in third.Entries())
        {
            if (!first.ContainsKey(key) && !second.ContainsKey(key)) yield return (key, ([], [], values));
        }
    }
}

/// <summary>The steps every co-grouping shares: placing inputs, and grouping one partition of one input.</summary>
internal static class CoGroup
{
    /// <summary>The input itself when an equal partitioner already placed it (a narrow read), else a shuffle into place.</summary>
    public static Rdd<(K, V)> PlacedBy<K, V>(Rdd<(K, V)> rdd, Partitioner partitioner, IEqualityComparer<K>? comparer) =>
        partitioner.Equals(rdd.Partitioner)
            ? rdd
            : new ShuffledRdd<K, V, V>(rdd, partitioner, null, false, comparer).At("CoGroup");

    public static Partition[] Partitions(Partitioner partitioner)
    {
        var partitions = new Partition[partitioner.NumPartitions];
        for (int i = 0; i < partitions.Length; i++) partitions[i] = new Partition(i);
        return partitions;
    }

    public static CombineMap<K, List<V>> Group<K, V>(Rdd<(K, V)> rdd, int partition, IEqualityComparer<K>? comparer,
        TaskContext context)
    {
        var groups = new CombineMap<K, List<V>>(comparer);
        foreach ((K key, V value) in rdd.Iterator(rdd.Partitions[partition], context))
        {
            ref List<V>? slot = ref groups.GetValueRefOrAddDefault(key, out bool exists);
            if (!exists) slot = [];
            slot!.Add(value);
        }
        return groups;
    }

    public static IReadOnlyList<V> Find<K, V>(CombineMap<K, List<V>> groups, K key) =>
        groups.TryGetValue(key, out List<V>? values) ? values! : [];
}
