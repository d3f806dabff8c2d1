namespace MiniSpark;

/// <summary>Spark's rules for choosing the partitioner of a key-based result.</summary>
internal static class Partitioners
{
    /// <summary>The partitioner for an explicit count, or the default one when <paramref name="numPartitions"/> is null.</summary>
    public static Partitioner ForCount<K>(Rdd rdd, int? numPartitions, IEqualityComparer<K>? comparer, params Rdd[] others)
    {
        if (numPartitions is { } count)
        {
            if (count <= 0)
                throw new ArgumentOutOfRangeException(nameof(numPartitions), count, Internal.SR.NotPositive(nameof(numPartitions), count));
            return HashPartitioner.Create(count, comparer);
        }
        return Default(comparer, [rdd, .. others]);
    }

    /// <summary>A user's partitioner made consistent with <paramref name="comparer"/>; the default when null.</summary>
    public static Partitioner ForKeys<K>(Partitioner? partitioner, IEqualityComparer<K>? comparer, Rdd rdd) => partitioner switch
    {
        null => Default(comparer, [rdd]),
        // A plain hash partitioner would split keys the comparer calls equal ("a" and "A"): hash with the comparer.
        HashPartitioner hash when !Consistent(hash, comparer) => HashPartitioner.Create(hash.NumPartitions, comparer),
        _ => partitioner,
    };

    /// <summary>Like Spark's defaultPartitioner: reuse the largest existing partitioner when it is not much smaller
    /// than the inputs, else hash into <c>spark.default.parallelism</c> (if set) or the largest input's partition count.</summary>
    public static Partitioner Default<K>(IEqualityComparer<K>? comparer, IReadOnlyList<Rdd> rdds)
    {
        int maxPartitions = rdds.Max(r => r.NumPartitions);
        Partitioner? existing = rdds
            .Select(r => r.Partitioner)
            .Where(p => p is not null && p.NumPartitions > 0 && Consistent(p, comparer))
            .MaxBy(p => p!.NumPartitions);
        SparkContext context = rdds[0].Context;
        int defaultCount = context.Conf.Contains(ConfigKeys.DefaultParallelism) ? context.DefaultParallelism : maxPartitions;
        if (existing is not null &&
            (IsEligible(existing.NumPartitions, maxPartitions) || defaultCount <= existing.NumPartitions))
        {
            return existing;
        }
        return HashPartitioner.Create(Math.Max(defaultCount, 1), comparer);
    }

    // Spark: an existing partitioner is reused when it is within an order of magnitude of the largest input.
    private static bool IsEligible(int partitionerCount, int maxPartitions) =>
        Math.Log10(Math.Max(maxPartitions, 1)) - Math.Log10(partitionerCount) < 1;

    private static bool Consistent<K>(HashPartitioner partitioner, IEqualityComparer<K>? comparer) =>
        IsDefault(comparer) ? partitioner.Comparer is null : Equals(partitioner.Comparer, comparer);

    // Whether keys the comparer calls equal are sure to share a partition of an existing partitioner. Any partitioner
    // is trusted with the keys' own equality (as in Spark); with a custom comparer only a hash partitioner using that
    // comparer is: a user's partitioner may split "a" from "A", and reusing it would leave them unmerged.
    private static bool Consistent<K>(Partitioner partitioner, IEqualityComparer<K>? comparer) =>
        partitioner is HashPartitioner hash ? Consistent(hash, comparer) : IsDefault(comparer);

    private static bool IsDefault<K>(IEqualityComparer<K>? comparer) =>
        comparer is null || ReferenceEquals(comparer, EqualityComparer<K>.Default);
}
