namespace MiniSpark.Tests.Sources;

public sealed class ParallelizeTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(0, 4)]
    [InlineData(1, 1)]
    [InlineData(10, 3)]
    [InlineData(10, 10)]
    [InlineData(3, 8)]
    [InlineData(1000, 7)]
    public void Glom_SliceIHoldsElementsFromINOverKToIPlusOneNOverK(int n, int k)
    {
        using var sc = new SparkContext("local[2]", "test");
        int[] data = TestData.Ints(n, seed: n + k);

        int[][] slices = sc.Parallelize(data, k).Glom().Collect();

        Assert.Equal(k, slices.Length);
        for (int i = 0; i < k; i++)
        {
            int start = (int)((long)i * n / k);
            int end = (int)((long)(i + 1) * n / k);
            Assert.Equal(data[start..end], slices[i]);
        }
    }

    [Fact]
    public void Collect_ReturnsDataInOrder()
    {
        using var sc = new SparkContext("local[4]", "test");
        int[] data = TestData.Ints(5000, seed: 11);

        Assert.Equal(data, sc.Parallelize(data, 13).Collect());
        Assert.Equal(data.Length, sc.Parallelize(data, 13).Count());
    }

    [Fact]
    public void NoSliceCount_UsesDefaultParallelism()
    {
        using var sc = new SparkContext("local[3]", "test");
        Assert.Equal(3, sc.Parallelize([1, 2, 3, 4, 5]).NumPartitions);

        using var configured = new SparkContext(new SparkConf().SetMaster("local[2]").SetAppName("test")
            .Set("spark.default.parallelism", "5"));
        Assert.Equal(5, configured.Parallelize([1, 2]).NumPartitions);
    }

    [Fact]
    public void DataIsCopiedWhenCalled_LaterChangesToTheSourceDoNotLeakIn()
    {
        using var sc = new SparkContext("local[2]", "test");
        var list = new List<int> { 1, 2, 3 };
        int[] array = [4, 5, 6];

        Rdd<int> fromList = sc.Parallelize(list, 2);
        Rdd<int> fromArray = sc.Parallelize(array, 2);
        list.Add(99);
        list[0] = -1;
        array[0] = -4;

        Assert.Equal([1, 2, 3], fromList.Collect());
        Assert.Equal([4, 5, 6], fromArray.Collect());
    }

    [Fact]
    public void LazySequence_IsEnumeratedOnceAtTheCall()
    {
        using var sc = new SparkContext("local[2]", "test");
        int enumerations = 0;
        IEnumerable<int> Generate()
        {
            enumerations++;
            for (int i = 0; i < 10; i++) yield return i;
        }

        Rdd<int> rdd = sc.Parallelize(Generate(), 3);
        Assert.Equal(1, enumerations);

        Assert.Equal(Enumerable.Range(0, 10), rdd.Collect());
        Assert.Equal(45, rdd.Reduce((a, b) => a + b));
        Assert.Equal(1, enumerations);
    }

    [Fact]
    public void NullElements_AreKept()
    {
        using var sc = new SparkContext("local[2]", "test");
        string?[] data = ["a", null, "b", null];

        Assert.Equal(data, sc.Parallelize(data, 3).Collect());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void NonPositiveSliceCount_ThrowsArgumentOutOfRange(int numSlices)
    {
        using var sc = new SparkContext("local[2]", "test");
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => sc.Parallelize([1, 2, 3], numSlices));
        Assert.Equal("numSlices", error.ParamName);
    }

    [Fact]
    public void NullData_ThrowsArgumentNull()
    {
        using var sc = new SparkContext("local[2]", "test");
        Assert.Throws<ArgumentNullException>(() => sc.Parallelize<int>(null!));
    }

    [Fact]
    public void HasNoDependenciesAndNoPartitioner()
    {
        using var sc = new SparkContext("local[2]", "test");
        Rdd<int> rdd = sc.Parallelize([1, 2, 3], 2);

        Assert.Empty(rdd.Dependencies);
        Assert.Null(rdd.Partitioner);
        Assert.Equal([0, 1], rdd.Partitions.Select(p => p.Index));
    }
}
