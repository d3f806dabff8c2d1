using MiniSpark.Tests.Fakes;

namespace MiniSpark.Tests.Operators;

/// <summary>Coalesce, Repartition, Cartesian, Zip, ZipWithIndex and ZipWithUniqueId against LINQ.</summary>
public sealed class ShapingTests
{
    // (records, partitions): empty, one partition, many, and more partitions than records.
    public static TheoryData<int, int> Layouts => new() { { 0, 3 }, { 500, 1 }, { 1000, 7 }, { 3, 10 } };

    [Theory]
    [InlineData(10, 3)]
    [InlineData(10, 1)]
    [InlineData(7, 7)]
    [InlineData(3, 10)]
    [InlineData(100, 9)]
    public void Coalesce_ContiguousBalancedGroups_OrderKept_Narrow(int parentPartitions, int numPartitions)
    {
        using var sc = new SparkContext("local[2]", "test");
        int[] data = TestData.Ints(1000, seed: 1);
        Rdd<int> parent = sc.Parallelize(data, parentPartitions);

        Rdd<int> coalesced = parent.Coalesce(numPartitions);

        int expected = Math.Min(parentPartitions, numPartitions);
        Assert.Equal(expected, coalesced.NumPartitions);
        Assert.Equal(data, coalesced.Collect());
        Assert.Null(coalesced.Partitioner);
        NarrowDependency dependency = Assert.IsAssignableFrom<NarrowDependency>(Assert.Single(coalesced.Dependencies));
        int[][] parentSlices = TestData.Partitions(parent);
        int[][] slices = TestData.Partitions(coalesced);
        var seen = new List<int>();
        for (int i = 0; i < expected; i++)
        {
            IReadOnlyList<int> group = dependency.GetParentPartitions(i);
            Assert.Equal(Enumerable.Range(group[0], group.Count), group); // contiguous
            Assert.InRange(group.Count, parentPartitions / expected, (parentPartitions + expected - 1) / expected);
            Assert.Equal(group.SelectMany(p => parentSlices[p]), slices[i]);
            seen.AddRange(group);
        }
        Assert.Equal(Enumerable.Range(0, parentPartitions), seen);
    }

    [Fact]
    public void Coalesce_KeepsOnlyNarrowLineage_NoShuffleStage()
    {
        using var sc = new SparkContext("local[2]", "test");

        Rdd<int> coalesced = sc.Parallelize(TestData.Ints(100, seed: 2), 8).Map(x => x + 1).Coalesce(2);

        Assert.DoesNotContain("+-", coalesced.ToDebugString());
    }

    [Fact]
    public void Coalesce_NoPartitions_StaysEmpty()
    {
        using var sc = new SparkContext("local[2]", "test");

        Rdd<int> coalesced = sc.EmptyRdd<int>().Coalesce(3);

        Assert.Equal(0, coalesced.NumPartitions);
        Assert.Empty(coalesced.Collect());
    }

    [Theory]
    [InlineData(0, 3, 4)]
    [InlineData(500, 1, 6)]
    [InlineData(1000, 7, 3)]
    [InlineData(3, 10, 2)]
    [InlineData(1000, 2, 20)]
    public void Repartition_ExactCount_SameRecords_EvenlyDealt(int n, int parentPartitions, int numPartitions)
    {
        using var sc = new SparkContext("local[2]", "test");
        int[] data = TestData.Ints(n, seed: 3);

        Rdd<int> repartitioned = sc.Parallelize(data, parentPartitions).Repartition(numPartitions);

        Assert.Equal(numPartitions, repartitioned.NumPartitions);
        Assert.Null(repartitioned.Partitioner);
        TestData.AssertSameMultiset(data, repartitioned.Collect());
        // Each input partition deals round-robin: its share in any two outputs differs by at most one.
        int[] sizes = [.. TestData.Partitions(repartitioned).Select(p => p.Length)];
        Assert.InRange(sizes.Max() - sizes.Min(), 0, parentPartitions);
        Assert.Contains("+-", repartitioned.ToDebugString());
    }

    [Fact]
    public void CoalesceWithShuffle_SkewedInput_Rebalanced_AndRepeatable()
    {
        using var sc = new SparkContext("local[2]", "test");
        int[] big = TestData.Ints(3000, seed: 4);
        Rdd<int> skewed = sc.Union(sc.Parallelize(big, 1), sc.Parallelize(TestData.Ints(10, seed: 5), 5));

        Rdd<int> balanced = skewed.Coalesce(4, shuffle: true);

        int[][] first = TestData.Partitions(balanced);
        Assert.All(first, p => Assert.InRange(p.Length, 750 - 6, 753 + 6));
        Assert.Equal(first, TestData.Partitions(balanced));
    }

    [Fact]
    public void Coalesce_NotPositive_Throws()
    {
        using var sc = new SparkContext("local[2]", "test");
        Rdd<int> rdd = sc.Parallelize([1, 2, 3]);

        Assert.Throws<ArgumentOutOfRangeException>(() => rdd.Coalesce(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => rdd.Coalesce(-1, shuffle: true));
        Assert.Throws<ArgumentOutOfRangeException>(() => rdd.Repartition(0));
    }

    [Theory]
    [InlineData(0, 2, 50, 3)]
    [InlineData(40, 1, 30, 1)]
    [InlineData(40, 3, 25, 4)]
    [InlineData(3, 5, 2, 4)]
    public void Cartesian_EveryPair_PartitionsMultiply(int n, int k, int m, int l)
    {
        using var sc = new SparkContext("local[2]", "test");
        int[] left = TestData.Ints(n, seed: 6);
        string[] right = [.. TestData.Ints(m, seed: 7).Select(x => "s" + x)];
        Rdd<int> leftRdd = sc.Parallelize(left, k);
        Rdd<string> rightRdd = sc.Parallelize(right, l);

        Rdd<(int, string)> product = leftRdd.Cartesian(rightRdd);

        Assert.Equal(k * l, product.NumPartitions);
        Assert.Null(product.Partitioner);
        Assert.Equal(2, product.Dependencies.Count);
        // Partition i·l + j pairs left partition i with right partition j, left-major.
        int[][] leftSlices = TestData.Partitions(leftRdd);
        string[][] rightSlices = TestData.Partitions(rightRdd);
        (int, string)[][] slices = TestData.Partitions(product);
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < l; j++)
                Assert.Equal(from x in leftSlices[i] from y in rightSlices[j] select (x, y), slices[i * l + j]);
        }
        TestData.AssertSameMultiset(from x in left from y in right select (x, y), product.Collect());
    }

    [Fact]
    public void Cartesian_WithItself()
    {
        using var sc = new SparkContext("local[2]", "test");
        int[] data = [1, 2, 3, 4, 5];
        Rdd<int> rdd = sc.Parallelize(data, 2);

        TestData.AssertSameMultiset(from x in data from y in data select (x, y), rdd.Cartesian(rdd).Collect());
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Zip_PairsPositionally(int n, int k)
    {
        using var sc = new SparkContext("local[2]", "test");
        int[] data = TestData.Ints(n, seed: 8);
        Rdd<int> rdd = sc.Parallelize(data, k);

        Rdd<(int, string)> zipped = rdd.Zip(rdd.Map(x => $"<{x}>"));

        Assert.Equal(data.Zip(data.Select(x => $"<{x}>")), zipped.Collect());
        Assert.Equal(k, zipped.NumPartitions);
        Assert.Null(zipped.Partitioner);
    }

    [Fact]
    public void Zip_DifferentPartitionCounts_ThrowsAtDefinition()
    {
        using var sc = new SparkContext("local[2]", "test");

        Assert.Throws<ArgumentException>(() => sc.Parallelize([1, 2, 3], 3).Zip(sc.Parallelize([1, 2, 3], 2)));
    }

    [Fact]
    public void Zip_DifferentCountsInAPartition_FailsTheActionNamingIt()
    {
        using var sc = new SparkContext("local[2]", "test");
        Rdd<int> rdd = sc.Parallelize(Enumerable.Range(0, 20), 2);
        // Partition 0 holds 0..9 (all kept), partition 1 holds 10..19 (one dropped).
        Rdd<int> shorter = rdd.Filter(x => x != 15);

        var error = Assert.Throws<SparkJobException>(() => rdd.Zip(shorter).Collect());

        var inner = Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.Contains("partition 1", inner.Message);
        Assert.Equal(10, rdd.Zip(shorter).Take(10).Length); // partition 0 alone is fine
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void ZipWithIndex_MatchesSelectWithIndex(int n, int k)
    {
        using var sc = new SparkContext("local[2]", "test");
        int[] data = TestData.Ints(n, seed: 9);

        Rdd<(int Item, long Index)> indexed = sc.Parallelize(data, k).ZipWithIndex();

        Assert.Equal(data.Select((x, i) => (x, (long)i)), indexed.Collect());
        Assert.Equal(k, indexed.NumPartitions);
        Assert.Null(indexed.Partitioner);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(4, 1)]
    public void ZipWithIndex_CountsPartitionsInAJob_UnlessThereIsOne(int partitions, int expectedJobs)
    {
        using var sc = new SparkContext("local[2]", "test");
        var listener = RecordingListener.On(sc);

        sc.Parallelize(TestData.Ints(100, seed: 10), partitions).ZipWithIndex();

        sc.FlushEvents();
        Assert.Equal(expectedJobs, listener.Of<SparkListenerJobStart>().Count());
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void ZipWithUniqueId_KthRecordOfPartitionIGetsIPlusKN(int n, int k)
    {
        using var sc = new SparkContext("local[2]", "test");
        int[] data = TestData.Ints(n, seed: 11);
        Rdd<int> rdd = sc.Parallelize(data, k);

        Rdd<(int Item, long Index)> withIds = rdd.ZipWithUniqueId();

        int[][] slices = TestData.Partitions(rdd);
        var expected = slices.SelectMany((slice, i) => slice.Select((x, position) => (x, i + (long)position * k)));
        Assert.Equal(expected, withIds.Collect());
        Assert.Equal(n, withIds.Collect().Select(r => r.Index).Distinct().Count());
        Assert.Equal(k, withIds.NumPartitions);
    }
}
