using System.Collections.Concurrent;
using System.Numerics;

namespace MiniSpark.Shuffle;

/// <summary>Order-insensitive checksums of map output buckets: when a lost map output is recomputed, comparing them
/// tells whether the user's functions produced the same data again (deterministic) or not.</summary>
/// <remarks>
/// Each record contributes a mixed hash of its key and, when the value's type has value-based equality (primitives,
/// strings, records, tuples), of its value; contributions are added, so bucket order does not matter. Values of
/// types with reference equality are left out: their hash would differ on every recomputation.
/// </remarks>
internal static class OutputChecksum
{
    private static readonly ConcurrentDictionary<Type, bool> s_valueEquality = new();

    public static bool HasValueEquality(Type type) => s_valueEquality.GetOrAdd(type, static t =>
        t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) ||
        (t.IsValueType && t.IsGenericType && t.FullName!.StartsWith("System.ValueTuple", StringComparison.Ordinal)) ||
        t.GetMethod(nameof(GetHashCode), Type.EmptyTypes)?.DeclaringType is { } declaring &&
        declaring != typeof(object) && declaring != typeof(ValueType));

    public static long Of<K, V>(List<(K, V)>? bucket, IEqualityComparer<K>? keyComparer)
    {
        if (bucket is null) return 0;
        IEqualityComparer<K> keys = keyComparer ?? EqualityComparer<K>.Default;
        long sum = 0;
        foreach ((K key, V value) in bucket) sum += Record(key, value, keys);
        return sum;
    }

    public static long Record<K, V>(K key, V value, IEqualityComparer<K> keys)
    {
        ulong h = (uint)(key is null ? 0 : keys.GetHashCode(key));
        // Decided once per value type; only values of open (non-sealed) reference types are looked up per record.
        if (value is not null && (ValueEquality<V>.Always || (ValueEquality<V>.PerRecord && HasValueEquality(value.GetType()))))
            h = h * 0x9E3779B97F4A7C15UL ^ (uint)value.GetHashCode();
        // A final mix, so that sums of similar records do not cancel out.
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        return (long)BitOperations.RotateLeft(h, 17);
    }

    private static class ValueEquality<V>
    {
        private static readonly bool s_exact = typeof(V).IsValueType || typeof(V).IsSealed;

        /// <summary>Every value of <typeparamref name="V"/> has value equality: no per-record check.</summary>
        public static readonly bool Always = s_exact && HasValueEquality(typeof(V));

        /// <summary>Values may be of a derived type: check the runtime type.</summary>
        public static readonly bool PerRecord = !s_exact;
    }
}
