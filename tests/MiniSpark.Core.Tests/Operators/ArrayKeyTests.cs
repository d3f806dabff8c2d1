namespace MiniSpark.Tests.Operators;

/// <summary>Array keys compare by reference, so key-based operations refuse them unless given a comparer (as Spark
/// refuses array keys with a hash partitioner or map-side combine).</summary>
public sealed class ArrayKeyTests
{
    private sealed class ContentComparer : IEqualityComparer<int[]>
    {
        public bool Equals(int[]? x, int[]? y) => x is null ? y is null : y is not null && x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] obj)
        {
            var hash = new HashCode();
            foreach (int item in obj) hash.Add(item);
            return hash.ToHashCode();
        }
    }

    private static (int[] Key, int Value)[] Data() => [.. Enumerable.Range(0, 60).Select(i => (new[] { i % 5, 7 }, i))];

    [Fact]
    public void ReduceByKey_GroupByKey_Join_WithArrayKeys_ThrowNamingTheKeyType()
    {
        using var sc = new SparkContext("local[2]", "array-keys");
        Rdd<(int[], int)> pairs = sc.Parallelize(Data(), 4);
        Assert.Contains("Int32[]", Assert.Throws<NotSupportedException>(() => pairs.ReduceByKey((a, b) => a + b)).Message);
        Assert.Throws<NotSupportedException>(() => pairs.GroupByKey().Collect());
        Assert.Throws<NotSupportedException>(() => pairs.Join(pairs).Collect());
        Assert.Throws<NotSupportedException>(() => pairs.PartitionBy(new HashPartitioner(3)).Collect());
    }

    [Fact]
    public void ReduceByKey_WithArrayKeysAndAContentComparer_MergesEqualArrays()
    {
        using var sc = new SparkContext("local[2]", "array-keys-comparer");
        var comparer = new ContentComparer();
        Dictionary<int, int> result = sc.Parallelize(Data(), 4).ReduceByKey((a, b) => a + b, 3, comparer)
            .Collect().ToDictionary(p => p.Item1[0], p => p.Item2);
        Assert.Equal(Data().GroupBy(p => p.Key[0]).ToDictionary(g => g.Key, g => g.Sum(p => p.Value)), result);
    }
}
