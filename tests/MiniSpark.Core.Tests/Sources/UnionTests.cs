namespace MiniSpark.Tests.Sources;

public sealed class UnionTests
{
    [Fact]
    public void ContextUnion_ConcatenatesPartitionsInOrder()
    {
        using var sc = new SparkContext("local[2]", "test");
        int[] a = TestData.Ints(100, seed: 1), b = TestData.Ints(7, seed: 2), c = TestData.Ints(50, seed: 3);
        Rdd<int> ra = sc.Parallelize(a, 3), rb = sc.Parallelize(b, 1), rc = sc.Parallelize(c, 5);

        Rdd<int> union = sc.Union(ra, rb, rc);

        Assert.Equal(9, union.NumPartitions);
        Assert.Equal([.. a, .. b, .. c], union.Collect());
        Assert.Equal(a.Length + b.Length + c.Length, union.Count());
        Assert.Null(union.Partitioner);
        int[][] parts = union.Glom().Collect();
        Assert.Equal(ra.Glom().Collect().Concat(rb.Glom().Collect()).Concat(rc.Glom().Collect()), parts);
    }

    [Fact]
    public void RddUnion_IsThisThenOther_DuplicatesKept()
    {
        using var sc = new SparkContext("local[2]", "test");
        Rdd<int> a = sc.Parallelize([1, 2, 3], 2);

        Rdd<int> union = a.Union(sc.Parallelize([3, 4], 3)).Union(a);

        Assert.Equal(2 + 3 + 2, union.NumPartitions);
        Assert.Equal([1, 2, 3, 3, 4, 1, 2, 3], union.Collect());
    }

    [Fact]
    public void Union_DependenciesAreNarrowAndMapChildPartitionsToParentRanges()
    {
        using var sc = new SparkContext("local[2]", "test");
        Rdd<int> a = sc.Parallelize([1, 2, 3], 2), b = sc.Parallelize([4], 3);

        Rdd<int> union = sc.Union(a, b);

        Assert.Equal(2, union.Dependencies.Count);
        var first = Assert.IsAssignableFrom<NarrowDependency>(union.Dependencies[0]);
        var second = Assert.IsAssignableFrom<NarrowDependency>(union.Dependencies[1]);
        Assert.Same(a, first.Rdd);
        Assert.Same(b, second.Rdd);
        Assert.Equal([1], first.GetParentPartitions(1));
        Assert.Empty(first.GetParentPartitions(2));
        Assert.Equal([0], second.GetParentPartitions(2));
        Assert.Equal([2], second.GetParentPartitions(4));
    }

    [Fact]
    public void WithEmptyDatasets_CountsAddUp()
    {
        using var sc = new SparkContext("local[2]", "test");
        Rdd<int> union = sc.Union(sc.EmptyRdd<int>(), sc.Parallelize<int>([], 2), sc.Parallelize([5, 6], 1), sc.EmptyRdd<int>());

        Assert.Equal(3, union.NumPartitions);
        Assert.Equal([5, 6], union.Collect());
    }

    [Fact]
    public void NoDatasets_IsEmpty()
    {
        using var sc = new SparkContext("local[2]", "test");
        Rdd<int> union = sc.Union<int>();

        Assert.Equal(0, union.NumPartitions);
        Assert.Empty(union.Collect());
    }

    [Fact]
    public void EqualPartitioners_KeepThePartitionerAndItsPartitionCount()
    {
        using var sc = new SparkContext("local[2]", "test");
        (int Key, int Value)[] left = TestData.Pairs(300, 40, seed: 4), right = TestData.Pairs(200, 60, seed: 5);
        Rdd<(int, int)> a = sc.Parallelize(left, 3).PartitionBy(new HashPartitioner(4));
        Rdd<(int, int)> b = sc.Parallelize(right, 5).PartitionBy(new HashPartitioner(4));

        Rdd<(int, int)> union = sc.Union(a, b);

        Assert.Equal(4, union.NumPartitions);
        Assert.Equal(new HashPartitioner(4), union.Partitioner);
        Assert.All(union.Dependencies, d => Assert.IsAssignableFrom<NarrowDependency>(d));
        TestData.AssertSameMultiset<(int, int)>([.. left, .. right], union.Collect());
        TestData.AssertPlacedByPartitioner(union);
        // Partition i is partition i of each parent.
        (int, int)[][] parts = union.Glom().Collect(), aParts = a.Glom().Collect(), bParts = b.Glom().Collect();
        for (int i = 0; i < 4; i++) TestData.AssertSameMultiset(aParts[i].Concat(bParts[i]), parts[i]);

        Assert.Equal(new HashPartitioner(4), a.Union(b).Partitioner);
        Assert.Equal(4, a.Union(b).NumPartitions);
    }

    [Fact]
    public void DifferentPartitioners_LoseThePartitioner()
    {
        using var sc = new SparkContext("local[2]", "test");
        Rdd<(int, int)> a = sc.Parallelize(TestData.Pairs(50, 10, seed: 6), 2).PartitionBy(new HashPartitioner(3));
        Rdd<(int, int)> b = sc.Parallelize(TestData.Pairs(50, 10, seed: 7), 2).PartitionBy(new HashPartitioner(4));
        Rdd<(int, int)> plain = sc.Parallelize(TestData.Pairs(10, 10, seed: 8), 2);

        Assert.Null(sc.Union(a, b).Partitioner);
        Assert.Equal(7, sc.Union(a, b).NumPartitions);
        Assert.Null(sc.Union(a, plain).Partitioner);
        Assert.Equal(5, sc.Union(a, plain).NumPartitions);
        Assert.Equal(110, sc.Union(a, b, plain).Count());
    }

    [Fact]
    public void DatasetOfAnotherContext_ThrowsArgumentException()
    {
        using var sc = new SparkContext("local[2]", "test");
        using var other = new SparkContext("local[2]", "other");

        Assert.Throws<ArgumentException>(() => sc.Union(sc.Parallelize([1]), other.Parallelize([2])));
        Assert.Throws<ArgumentException>(() => sc.Parallelize([1]).Union(other.Parallelize([2])));
    }

    [Fact]
    public void NullArguments_ThrowArgumentNull()
    {
        using var sc = new SparkContext("local[2]", "test");

        Assert.Throws<ArgumentNullException>(() => sc.Union<int>(null!));
        Assert.Throws<ArgumentNullException>(() => sc.Union(sc.Parallelize([1]), null!));
        Assert.Throws<ArgumentNullException>(() => sc.Parallelize([1]).Union(null!));
    }
}
