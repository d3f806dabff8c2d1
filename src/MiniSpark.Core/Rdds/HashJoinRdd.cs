using MiniSpark.Shuffle;

namespace MiniSpark.Rdds;

/// <summary>Which unmatched records a join keeps.</summary>
internal enum JoinKind { Inner, LeftOuter, RightOuter, FullOuter }

/// <summary>Joins two pair datasets partition by partition under one partitioner: the right side of a partition is
/// built into a hash table, the left side streams through it.</summary>
/// <remarks>
/// Same placement rules as <see cref="CoGroupedRdd{K,V,W}"/> (co-partitioned inputs are read narrowly), but no
/// per-key groups of the left side and no per-key iterators: one lookup per left record. Right-side records that no
/// left record matched are emitted afterwards for right and full outer joins.
/// </remarks>
internal sealed class HashJoinRdd<K, V, W, R> : Rdd<(K, R)>
{
    private Rdd<(K, V)> _left;
    private Rdd<(K, W)> _right;
    private readonly Partitioner _partitioner;
    private readonly IEqualityComparer<K>? _comparer;
    private readonly JoinKind _kind;
    private readonly Func<V, W, R> _matched;
    private readonly Func<V, R>? _leftOnly;
    private readonly Func<W, R>? _rightOnly;

    public HashJoinRdd(Rdd<(K, V)> left, Rdd<(K, W)> right, Partitioner partitioner, IEqualityComparer<K>? comparer, JoinKind kind,
        Func<V, W, R> matched, Func<V, R>? leftOnly, Func<W, R>? rightOnly) : base(left.Context)
    {
        _partitioner = partitioner;
        _comparer = comparer;
        _kind = kind;
        (_matched, _leftOnly, _rightOnly) = (matched, leftOnly, rightOnly);
        _left = CoGroup.PlacedBy(left, partitioner, comparer);
        _right = CoGroup.PlacedBy(right, partitioner, comparer);
    }

    public override Partitioner Partitioner => _partitioner;

    protected override Partition[] GetPartitionsCore() => CoGroup.Partitions(_partitioner);

    protected override IReadOnlyList<Dependency> GetDependenciesCore() => [new OneToOneDependency(_left), new OneToOneDependency(_right)];

    protected override void ClearDependencies() => (_left, _right) = (null!, null!);

    protected internal override IEnumerable<(K, R)> Compute(Partition split, TaskContext context)
    {
        var table = new CombineMap<K, Matches>(_comparer);
        foreach ((K key, W value) in _right.Iterator(_right.Partitions[split.Index], context))
        {
            ref Matches? slot = ref table.GetValueRefOrAddDefault(key, out bool exists);
            if (!exists) slot = new Matches();
            slot!.Values.Add(value);
        }

        bool keepLeft = _kind is JoinKind.LeftOuter or JoinKind.FullOuter;
        bool keepRight = _kind is JoinKind.RightOuter or JoinKind.FullOuter;
        foreach ((K key, V value) in _left.Iterator(_left.Partitions[split.Index], context))
        {
            if (table.TryGetValue(key, out Matches? matches))
            {
                matches!.Matched = true;
                List<W> values = matches.Values;
                for (int i = 0; i < values.Count; i++) yield return (key, _matched(value, values[i]));
            }
            else if (keepLeft)
            {
                yield return (key, _leftOnly!(value));
            }
        }
        if (!keepRight) yield break;
        foreach ((K key, Matches matches) in table.Entries())
        {
            if (matches.Matched) continue;
            foreach (W value in matches.Values) yield return (key, _rightOnly!(value));
        }
    }

    private sealed class Matches
    {
        public List<W> Values { get; } = new(1);
        public bool Matched { get; set; }
    }
}
