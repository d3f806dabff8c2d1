using System.Runtime.CompilerServices;
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
            ref Matches slot = ref table.GetValueRefOrAddDefault(key, out bool exists);
            if (!exists) slot.First = value;
            else (slot.More ??= []).Add(value);
        }

        bool keepLeft = kind is JoinKind.LeftOuter or JoinKind.FullOuter;
        bool keepRight = kind is JoinKind.RightOuter or JoinKind.FullOuter;
        foreach ((K key, V value) in Left.Iterator(Left.Partitions[split.Index], context))
        {
            bool found;
            W first = default!;
            List<W>? more = null;
            {
                // The slot is read (and marked matched) before any yield: a ref local cannot live across one.
                ref Matches slot = ref table.GetValueRefOrNullRef(key);
                found = !Unsafe.IsNullRef(ref slot);
                if (found)
                {
                    slot.Matched = true;
                    (first, more) = (slot.First, slot.More);
                }
            }
            if (!found)
            {
                if (keepLeft) yield return (key, leftOnly!(value));
                continue;
            }
            yield return (key, matched(value, first));
            if (more is null) continue;
            for (int i = 0; i < more.Count; i++) yield return (key, matched(value, more[i]));
        }
        if (!keepRight) yield break;
        foreach ((K key, Matches matches) in table.Entries())
        {
            if (matches.Matched) continue;
            yield return (key, rightOnly!(matches.First));
            if (matches.More is null) continue;
            foreach (W value in matches.More) yield return (key, rightOnly!(value));
        }
    }

    /// <summary>A build-side key's values: the first inline (most keys have one), the rest in a list made on demand.</summary>
    private struct Matches
    {
        public W First;
        public List<W>? More;
        public bool Matched;
    }
}
