namespace MiniSpark.Tests;

/// <summary>A key whose hash codes all collide (and are negative): only <see cref="object.Equals(object?)"/> tells keys apart.</summary>
internal sealed record CollidingKey(int Id)
{
    public override int GetHashCode() => -1_234_567;
}

/// <summary>Case-insensitive string equality implemented only through the generic interface (not
/// <see cref="System.Collections.IEqualityComparer"/>), as a user would write it.</summary>
internal sealed class CaseInsensitiveComparer : IEqualityComparer<string>
{
    public static readonly CaseInsensitiveComparer Instance = new();

    public bool Equals(string? x, string? y) => string.Equals(x, y, StringComparison.OrdinalIgnoreCase);

    public int GetHashCode(string obj) => StringComparer.OrdinalIgnoreCase.GetHashCode(obj);
}

/// <summary>Seeded data sets: every test sees the same records on every run.</summary>
internal static class TestData
{
    public static int[] Ints(int count, int seed, int maxValue = 1000)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => random.Next(-maxValue, maxValue))];
    }

    /// <summary>Pairs over <paramref name="distinctKeys"/> keys, uniformly.</summary>
    public static (int Key, int Value)[] Pairs(int count, int distinctKeys, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => (random.Next(distinctKeys), random.Next(-100, 100)))];
    }

    /// <summary>Pairs where key 7 holds about 90% of the records.</summary>
    public static (int Key, int Value)[] SkewedPairs(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => (random.NextDouble() < 0.9 ? 7 : random.Next(50), random.Next(-100, 100)))];
    }

    /// <summary>String keys, about a fifth of them null.</summary>
    public static (string? Key, int Value)[] NullKeyPairs(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ =>
            (random.Next(5) == 0 ? null : "k" + random.Next(20), random.Next(-100, 100)))];
    }

    /// <summary>Keys that all share one (negative) hash code.</summary>
    public static (CollidingKey Key, int Value)[] CollidingPairs(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => (new CollidingKey(random.Next(30)), random.Next(-100, 100)))];
    }

    /// <summary>Keys "keyN" in random letter case, so "key3", "KEY3" and "kEy3" are one key case-insensitively.</summary>
    public static (string Key, int Value)[] MixedCasePairs(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            char[] key = ("key" + random.Next(15)).ToCharArray();
            for (int i = 0; i < key.Length; i++)
            {
                if (random.Next(2) == 0) key[i] = char.ToUpperInvariant(key[i]);
            }
            return (new string(key), random.Next(-100, 100));
        })];
    }

    /// <summary>Asserts both sequences hold the same elements the same number of times, in any order.</summary>
    public static void AssertSameMultiset<T>(IEnumerable<T> expected, IEnumerable<T> actual)
    {
        // ValueTuple<T> wraps the element so null elements can be dictionary keys.
        var counts = new Dictionary<ValueTuple<T>, int>();
        foreach (T item in expected) counts[new(item)] = counts.GetValueOrDefault(new(item)) + 1;
        var unexpected = new List<T>();
        foreach (T item in actual)
        {
            if (counts.TryGetValue(new(item), out int n) && n > 0) counts[new(item)] = n - 1;
            else unexpected.Add(item);
        }
        List<T> missing = [.. counts.Where(c => c.Value > 0).SelectMany(c => Enumerable.Repeat(c.Key.Item1, c.Value))];
        Assert.True(unexpected.Count == 0 && missing.Count == 0,
            $"Unexpected: [{string.Join(", ", unexpected.Take(10))}]; missing: [{string.Join(", ", missing.Take(10))}]");
    }

    /// <summary>The records of each partition, with its index, from one job.</summary>
    public static T[][] Partitions<T>(Rdd<T> rdd) => rdd.Glom().Collect();

    /// <summary>Asserts every record sits in the partition its dataset's partitioner assigns its key to.</summary>
    public static void AssertPlacedByPartitioner<K, V>(Rdd<(K, V)> rdd)
    {
        Partitioner partitioner = rdd.Partitioner ?? throw new Xunit.Sdk.XunitException("The dataset has no partitioner.");
        Assert.Equal(partitioner.NumPartitions, rdd.NumPartitions);
        (K, V)[][] partitions = Partitions(rdd);
        for (int i = 0; i < partitions.Length; i++)
        {
            foreach ((K key, _) in partitions[i])
            {
                // Through the public, untyped overload: the one users see (the typed one is internal).
                int assigned = partitioner.GetPartition((object?)key);
                Assert.True(assigned == i, $"Key {key} is in partition {i}, but its partitioner says {assigned}.");
            }
        }
    }

    /// <summary>Data shapes every key-based operation is checked against, by name (for theories).</summary>
    public static TheoryData<string> KeyShapes => ["uniform", "skewed", "fewRecords", "empty"];

    public static (int Key, int Value)[] Shape(string name) => name switch
    {
        "uniform" => Pairs(2000, 100, seed: 1),
        "skewed" => SkewedPairs(2000, seed: 2),
        "fewRecords" => Pairs(3, 2, seed: 3), // with 8 partitions, most are empty
        "empty" => [],
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
