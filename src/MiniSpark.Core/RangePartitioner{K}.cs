using MiniSpark.Sampling;
using MiniSpark.Sorting;

namespace MiniSpark;

/// <summary>Places keys of type <typeparamref name="K"/> by range between sorted bounds; the partitioner of
/// <see cref="PairRddExtensions.SortByKey{K,V}(Rdd{ValueTuple{K,V}}, bool, int?, IComparer{K}?)"/>.</summary>
/// <remarks>
/// <para>With bounds <c>b0 &lt; b1 &lt; … &lt; b(n-2)</c>, ascending partition <c>i</c> holds the keys <c>k</c> with
/// <c>b(i-1) &lt; k &lt;= b(i)</c>; descending numbers the same ranges from the other end. <see cref="GetPartition(object?)"/>
/// is a binary search over the bounds.</para>
/// <para>Null keys sort before every other key, whatever the comparer (which never sees them): first when ascending,
/// last when descending.</para>
/// <para>Two range partitioners are equal when their bounds, direction and comparer are equal: datasets sorted by
/// equal partitioners are co-partitioned.</para>
/// </remarks>
/// <typeparam name="K">The key type.</typeparam>
public sealed class RangePartitioner<K> : RangePartitioner
{
    private readonly K[] _bounds;
    // Ascending order of keys, nulls first: bounds are kept in it whatever the direction, as in Spark.
    private readonly KeyOrdering<K> _order;

    /// <summary>A range partitioner over given bounds (no sampling): <c>bounds.Count + 1</c> partitions.</summary>
    /// <param name="bounds">The upper bound (inclusive) of each partition but the last, strictly increasing under
    /// <paramref name="comparer"/> (nulls first).</param>
    /// <param name="ascending">Whether partition 0 holds the smallest keys.</param>
    /// <param name="comparer">Orders keys; null for their natural order.</param>
    /// <exception cref="ArgumentException">The bounds are not strictly increasing, or no comparer is given and
    /// <typeparamref name="K"/> has no natural order.</exception>
    public RangePartitioner(IEnumerable<K> bounds, bool ascending = true, IComparer<K>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(bounds);
        _order = new KeyOrdering<K>(KeyOrdering<K>.Resolve(comparer, nameof(comparer)), ascending: true);
        _bounds = [.. bounds];
        for (int i = 1; i < _bounds.Length; i++)
        {
            if (_order.Compare(_bounds[i - 1], _bounds[i]) >= 0)
                throw new ArgumentException($"The bounds must be strictly increasing; bound {i} is not greater than bound {i - 1}.",
                    nameof(bounds));
        }
        Ascending = ascending;
    }

    /// <inheritdoc/>
    public override int NumPartitions => _bounds.Length + 1;

    /// <inheritdoc/>
    public override bool Ascending { get; }

    /// <summary>The upper bound (inclusive) of each range but the last, in ascending key order.</summary>
    public IReadOnlyList<K> Bounds => _bounds;

    /// <summary>The comparer that orders non-null keys (<see cref="Comparer{T}.Default"/> for the natural order).</summary>
    public IComparer<K> Comparer => _order.Comparer;

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="key"/> is not a <typeparamref name="K"/> (or is null and
    /// <typeparamref name="K"/> is a non-nullable value type).</exception>
    public override int GetPartition(object? key) => key switch
    {
        // default(K) is null exactly when K admits null keys (reference types, Nullable<T>).
        null when default(K) is null => GetPartition<K>(default!),
        K typed => GetPartition<K>(typed),
        _ => throw new ArgumentException(
            $"A RangePartitioner<{typeof(K).Name}> cannot place the key {(key is null ? "null" : "of type " + key.GetType().Name)}.",
            nameof(key)),
    };

    internal override int GetPartition<TKey>(TKey key)
    {
        if (typeof(TKey) != typeof(K)) return GetPartition((object?)key);
        K k = (K)(object)key!;
        // The number of bounds below the key: the first range whose upper bound is >= key. Binary search, so
        // thousands of partitions cost a dozen comparisons per record.
        int low = 0, high = _bounds.Length;
        while (low < high)
        {
            int middle = (int)((uint)(low + high) >> 1);
            if (_order.Compare(_bounds[middle], k) < 0) low = middle + 1;
            else high = middle;
        }
        return Ascending ? low : _bounds.Length - low;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) =>
        obj is RangePartitioner<K> other && other.Ascending == Ascending && Equals(other.Comparer, Comparer) &&
        other._bounds.AsSpan().SequenceEqual(_bounds, EqualityComparer<K>.Default);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (K bound in _bounds) hash.Add(bound);
        hash.Add(Ascending);
        hash.Add(Comparer);
        return hash.ToHashCode();
    }

    /// <inheritdoc/>
    public override string ToString() => $"RangePartitioner({NumPartitions}, {(Ascending ? "ascending" : "descending")})";

    /// <summary>Spark's construction: sketch every partition, re-sample the imbalanced ones, weight and cut.</summary>
    internal static async ValueTask<RangePartitioner<K>> SampleAsync<V>(int partitions, Rdd<(K, V)> rdd, bool ascending,
        IComparer<K>? comparer, int samplePointsPerPartition, bool sync, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(partitions);
        ArgumentNullException.ThrowIfNull(rdd);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(samplePointsPerPartition);
        IComparer<K> resolved = KeyOrdering<K>.Resolve(comparer, nameof(comparer));
        if (partitions <= 1 || rdd.NumPartitions == 0) return new RangePartitioner<K>([], ascending, resolved);

        var order = new KeyOrdering<K>(resolved, ascending: true);
        // Enough points for balanced partitions, capped at a million; doubles avoid int overflow.
        double sampleSize = Math.Min((double)samplePointsPerPartition * partitions, 1e6);
        // Assume input partitions are about equal and over-sample each 3x.
        int perPartition = (int)Math.Ceiling(3.0 * sampleSize / rdd.NumPartitions);
        int rddId = rdd.Id;

        (K[] Sample, long Count)[] sketches = await Run(rdd,
            (context, records) => Reservoir.SampleAndCount(Keys(records), perPartition, SketchSeed(rddId, context.PartitionId)),
            null, sync, cancellationToken).ConfigureAwait(false);
        long total = 0;
        foreach ((_, long count) in sketches) total += count;
        if (total == 0) return new RangePartitioner<K>([], ascending, resolved);

        // A partition much larger than average got too few points from its fixed-size reservoir: sample it again at
        // the global rate. Everywhere else a point stands for count / sampleLength records.
        double fraction = Math.Min(sampleSize / total, 1.0);
        var candidateKeys = new List<K>();
        var candidateWeights = new List<float>();
        var imbalanced = new List<int>();
        for (int p = 0; p < sketches.Length; p++)
        {
            (K[] sample, long count) = sketches[p];
            if (fraction * count > perPartition)
            {
                imbalanced.Add(p);
                continue;
            }
            float weight = (float)((double)count / sample.Length);
            foreach (K key in sample)
            {
                candidateKeys.Add(key);
                candidateWeights.Add(weight);
            }
        }
        if (imbalanced.Count > 0)
        {
            long seed = ResampleSeed(rddId);
            K[][] resampled = await Run(rdd,
                (context, records) => new BernoulliSampler(fraction)
                    .Sample(Keys(records), new XorShiftRandom(seed + context.PartitionId)).ToArray(),
                imbalanced, sync, cancellationToken).ConfigureAwait(false);
            float weight = (float)(1.0 / fraction);
            foreach (K[] keys in resampled)
            {
                foreach (K key in keys)
                {
                    candidateKeys.Add(key);
                    candidateWeights.Add(weight);
                }
            }
        }
        K[] bounds = DetermineBounds([.. candidateKeys], [.. candidateWeights], Math.Min(partitions, candidateKeys.Count), order);
        return new RangePartitioner<K>(bounds, ascending, resolved);
    }

    /// <summary>Cuts weighted candidates into <paramref name="partitions"/> ranges of about equal total weight, skipping
    /// duplicate bounds (so heavy keys yield fewer, not empty, partitions).</summary>
    internal static K[] DetermineBounds(K[] keys, float[] weights, int partitions, IComparer<K> order)
    {
        Array.Sort(keys, weights, order);
        double sumWeights = 0;
        foreach (float weight in weights) sumWeights += weight;
        double step = sumWeights / partitions;
        double cumulative = 0;
        double target = step;
        var bounds = new List<K>(Math.Max(partitions - 1, 0));
        for (int i = 0; i < keys.Length && bounds.Count < partitions - 1; i++)
        {
            cumulative += weights[i];
            if (cumulative < target) continue;
            if (bounds.Count == 0 || order.Compare(keys[i], bounds[^1]) > 0)
            {
                bounds.Add(keys[i]);
                target += step;
            }
        }
        return [.. bounds];
    }

    private static IEnumerable<K> Keys<V>(IEnumerable<(K, V)> records)
    {
        foreach ((K key, _) in records) yield return key;
    }

    // Deterministic per dataset and partition, like Spark's byteswap32(idx ^ (rddId << 16)): sorting the same data
    // twice yields the same bounds.
    private static long SketchSeed(int rddId, int partition) => ((long)rddId << 32) ^ (uint)partition;

    private static long ResampleSeed(int rddId) => -(long)rddId - 1;

    private static async ValueTask<U[]> Run<V, U>(Rdd<(K, V)> rdd, Func<TaskContext, IEnumerable<(K, V)>, U> func,
        IReadOnlyList<int>? partitions, bool sync, CancellationToken cancellationToken) =>
        sync
            ? rdd.Context.RunJobAsync(rdd, func, partitions, "RangePartitioner", cancellationToken).GetAwaiter().GetResult()
            : await rdd.Context.RunJobAsync(rdd, func, partitions, "RangePartitioner", cancellationToken).ConfigureAwait(false);
}
