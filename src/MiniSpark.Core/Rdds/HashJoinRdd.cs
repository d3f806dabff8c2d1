using MiniSpark.Shuffle;

namespace MiniSpark.Rdds;

/// <summary>Which unmatched records a join keeps.</summary>
internal enum JoinKind { Inner, LeftOuter, RightOuter, FullOuter }

/// <summary>Joins two pair datasets partition by partition under one partitioner: the right side of a partition is
/// built into a hash table, the left side streams through it.</summary>
/// <remarks>
/// Placed like every <see cref="KeyedPairRdd{K,V,W,R}"/> (co-partitioned inputs are read narrowly), but no
/// per-key groups of the left side and no per-key iterators: one lookup per left record. Right-side records that no
/// left record matched are emitted afterwards for right and full outer joins.
/// </remarks>
internal sealed class HashJoinRdd<K, V, W, R>(Rdd<(K, V)> left, Rdd<(K, W)> right, Partitioner partitioner,
    IEqualityComparer<K>? comparer, JoinKind kind, Func<V, W, R> matched, Func<V, R>? leftOnly, Func<W, R>? rightOnly)
    : KeyedPairRdd<K, V, W, R>(left, right, partitioner, comparer)
{
    protected internal override IEnumerable<(K, R)> Compute(Partition split, TaskContext context)
    {
        var table = new CombineMap<K, Matches>(Comparer);
        foreach ((K key, W value) in Right.Iterator(Right.Partitions[split.Index], context))
        {
            ref Matches? slot = ref table.GetValueRefOrAddDefault(key, out bool exists);
            if (!exists) slot = new Matches();
            slot!.Values.Add(value);
        }

        bool keepLeft = kind is JoinKind.LeftOuter or JoinKind.FullOuter;
        bool keepRight = kind is JoinKind.RightOuter or JoinKind.FullOuter;
        foreach ((K key, V value) in Left.Iterator(Left.Partitions[split.Index], context))
        {
            if (table.TryGetValue(key, out Matches? matches))
            {
                matches!.Matched = true;
                List<W> values = matches.Values;
                for (int i = 0; i < values.Count; i++) yield return (key, matched(value, values[i]));
            }
            else if (keepLeft)
            {
                yield return (key, leftOnly!(value));
            }
        }
        if (!keepRight) yield break;
        foreach ((K key, Matches matches) in table.Entries())
        {
            if (matches.Matched) continue;
            foreach (W value in matches.Values) yield return (key, rightOnly!(value));
        }
    }

    private sealed class Matches
    {
        public List<W> Values { get; } = new(1);
        public bool Matched { get; set; }
    }
}
