namespace MiniSpark.Tests.Operators;

// Keys are passed as object: the public overload users call (the typed one is internal and checked against it).
public sealed class HashPartitionerTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(1024)]
    public void NegativeAndExtremeHashCodes_MapIntoRange(int numPartitions)
    {
        var partitioner = new HashPartitioner(numPartitions);

        foreach (int key in new[] { int.MinValue, int.MinValue + 1, -12345, -1, 0, 1, 12345, int.MaxValue })
        {
            int p = partitioner.GetPartition((object)key);
            Assert.InRange(p, 0, numPartitions - 1);
            Assert.Equal(p, partitioner.GetPartition((object)key)); // stable
            Assert.Equal(p, partitioner.GetPartition<int>(key)); // the typed overload agrees
        }
        Assert.InRange(partitioner.GetPartition((object)new CollidingKey(1)), 0, numPartitions - 1);
    }

    [Fact]
    public void EqualKeys_SamePartition_AcrossInstances()
    {
        var a = new HashPartitioner(5);
        var b = new HashPartitioner(5);

        foreach (int key in TestData.Ints(200, seed: 1))
            Assert.Equal(a.GetPartition((object)key), b.GetPartition((object)key));
        Assert.Equal(a.GetPartition((object)"word"), b.GetPartition((object)new string("word".ToCharArray())));
        Assert.Equal(a.GetPartition((object)new CollidingKey(1)), a.GetPartition((object)new CollidingKey(2)));
    }

    [Fact]
    public void NullKey_IsPartitionZero()
    {
        Assert.Equal(0, new HashPartitioner(1).GetPartition(null));
        Assert.Equal(0, new HashPartitioner(13).GetPartition(null));
        Assert.Equal(0, new HashPartitioner(13).GetPartition<string?>(null));
        Assert.Equal(0, new HashPartitioner(13).GetPartition<int?>(null));
    }

    [Fact]
    public void SpreadsIntKeysOverEveryPartition()
    {
        var partitioner = new HashPartitioner(8);

        Assert.Equal(Enumerable.Range(0, 8), Enumerable.Range(-50, 100).Select(k => partitioner.GetPartition((object)k)).Distinct().Order());
    }

    [Fact]
    public void Equality_IsByPartitionCount()
    {
        Assert.Equal(new HashPartitioner(4), new HashPartitioner(4));
        Assert.True(new HashPartitioner(4).Equals(new HashPartitioner(4)));
        Assert.Equal(new HashPartitioner(4).GetHashCode(), new HashPartitioner(4).GetHashCode());
        Assert.NotEqual(new HashPartitioner(4), new HashPartitioner(5));
        Assert.False(new HashPartitioner(4).Equals(null));
        Assert.False(new HashPartitioner(4).Equals(new ModuloPartitioner(4)));
        Assert.Equal(4, new HashPartitioner(4).NumPartitions);
    }

    [Fact]
    public void WithAComparer_PublicAndTypedOverloadsAgree_AndCaseVariantsMeet()
    {
        foreach (IEqualityComparer<string> comparer in new IEqualityComparer<string>[]
            { StringComparer.OrdinalIgnoreCase, CaseInsensitiveComparer.Instance })
        {
            HashPartitioner partitioner = HashPartitioner.Create(16, comparer);
            foreach ((string key, _) in TestData.MixedCasePairs(200, seed: 2))
            {
                int p = partitioner.GetPartition((object)key);
                Assert.Equal(p, partitioner.GetPartition<string>(key));
                Assert.Equal(p, partitioner.GetPartition((object)key.ToUpperInvariant()));
                Assert.Equal(p, partitioner.GetPartition((object)key.ToLowerInvariant()));
            }
            Assert.Equal(0, partitioner.GetPartition(null));
            Assert.Equal(partitioner, HashPartitioner.Create(16, comparer));
            Assert.NotEqual(new HashPartitioner(16), partitioner);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void NonPositiveCount_ThrowsArgumentOutOfRange(int numPartitions)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new HashPartitioner(numPartitions));
    }
}
