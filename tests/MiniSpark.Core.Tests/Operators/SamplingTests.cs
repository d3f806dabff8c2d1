namespace MiniSpark.Tests.Operators;

/// <summary>Sample, RandomSplit and TakeSample: sizes within statistical bounds, records from the input,
/// and determinism given a seed.</summary>
public sealed class SamplingTests
{
    private static int[] Distinct(int n) => [.. Enumerable.Range(0, n).Select(i => i * 3 + 1)];

    // Asserts sample is a subsequence of data (records kept in order, none invented or repeated).
    private static void AssertSubsequence(int[] data, int[] sample)
    {
        int position = 0;
        foreach (int item in sample)
        {
            while (position < data.Length && data[position] != item) position++;
            Assert.True(position < data.Length, $"{item} is not in the input, or out of order");
            position++;
        }
    }

    [Theory]
    [InlineData(0.1, 1)]
    [InlineData(0.5, 4)]
    [InlineData(0.9, 7)]
    public void Sample_WithoutReplacement_BinomialSize_Subsequence(double fraction, int partitions)
    {
        using var sc = new SparkContext("local[2]", "test");
        int[] data = Distinct(20_000);

        int[] sample = sc.Parallelize(data, partitions).Sample(false, fraction, seed: 42).Collect();

        double expected = fraction * data.Length, sd = Math.Sqrt(data.Length * fraction * (1 - fraction));
        Assert.InRange(sample.Length, expected - 6 * sd, expected + 6 * sd);
        AssertSubsequence(data, sample);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(2.0)]
    [InlineData(30.0)]
    public void Sample_WithReplacement_PoissonCopies(double fraction)
    {
        using var sc = new SparkContext("local[2]", "test");
        int[] data = Distinct(5000);

        int[] sample = sc.Parallelize(data, 4).Sample(true, fraction, seed: 7).Collect();

        double expected = fraction * data.Length, sd = Math.Sqrt(expected);
        Assert.InRange(sample.Length, expected - 6 * sd, expected + 6 * sd);
        Assert.All(sample, x => Assert.True(x % 3 == 1 && x < 15_000));
        // Copies of a record are adjacent and records keep their order.
        AssertSubsequence(data, [.. sample.Distinct()]);
        // Poisson(f): the share of records never picked is about e^-f.
        double unpicked = 1.0 - (double)sample.Distinct().Count() / data.Length;
        Assert.InRange(unpicked, Math.Exp(-fraction) - 0.03, Math.Exp(-fraction) + 0.03);
    }

    [Fact]
    public void Sample_SameSeed_SameSample_DifferentSeed_Different()
    {
        using var sc = new SparkContext("local[2]", "test");
        Rdd<int> rdd = sc.Parallelize(Distinct(5000), 5);

        Assert.Equal(rdd.Sample(false, 0.3, 1).Collect(), rdd.Sample(false, 0.3, 1).Collect());
        Assert.Equal(rdd.Sample(true, 1.5, 1).Collect(), rdd.Sample(true, 1.5, 1).Collect());
        Assert.NotEqual(rdd.Sample(false, 0.3, 1).Collect(), rdd.Sample(false, 0.3, 2).Collect());
    }

    [Fact]
    public void Sample_NoSeed_FixedAtDefinition_RecomputingGivesTheSameSample()
    {
        using var sc = new SparkContext("local[2]", "test");
        Rdd<int> sampled = sc.Parallelize(Distinct(5000), 5).Sample(false, 0.3);

        Assert.Equal(sampled.Collect(), sampled.Collect());
    }

    [Fact]
    public void Sample_PartitionSeededBySeedPlusIndex_IndependentOfOtherPartitions()
    {
        using var sc = new SparkContext("local[2]", "test");
        int[] data = Distinct(3000);
        // Partition 1 of a 3-way split holds the same records whether or not partitions 0 and 2 are read.
        int[] full = TestData.Partitions(sc.Parallelize(data, 3).Sample(false, 0.5, 99))[1];

        Rdd<int> alone = sc.Parallelize(data, 3).Sample(false, 0.5, 99);
        int[] onlyOne = sc.RunJob(alone, static (_, records) => records.ToArray(), [1], "test")[0];

        Assert.Equal(full, onlyOne);
    }

    [Fact]
    public void Sample_EdgeFractions()
    {
        using var sc = new SparkContext("local[2]", "test");
        int[] data = Distinct(100);
        Rdd<int> rdd = sc.Parallelize(data, 3);

        Assert.Empty(rdd.Sample(false, 0.0, 1).Collect());
        Assert.Empty(rdd.Sample(true, 0.0, 1).Collect());
        Assert.Equal(data, rdd.Sample(false, 1.0, 1).Collect());
        Assert.Empty(sc.EmptyRdd<int>().Sample(true, 2.0, 1).Collect());
        Assert.Empty(sc.Parallelize(Array.Empty<int>(), 4).Sample(false, 0.5, 1).Collect());
    }

    [Theory]
    [InlineData(false, -0.1)]
    [InlineData(false, 1.1)]
    [InlineData(false, double.NaN)]
    [InlineData(true, -1.0)]
    [InlineData(true, double.PositiveInfinity)]
    public void Sample_BadFraction_Throws(bool withReplacement, double fraction)
    {
        using var sc = new SparkContext("local[2]", "test");

        Assert.Throws<ArgumentOutOfRangeException>(() => sc.Parallelize([1, 2]).Sample(withReplacement, fraction));
    }

    [Fact]
    public void Sample_KeepsPartitionsAndPartitioner()
    {
        using var sc = new SparkContext("local[2]", "test");
        Rdd<(int Key, int Value)> reduced = sc.Parallelize(TestData.Pairs(1000, 50, seed: 1), 3).ReduceByKey((a, b) => a + b, 4);

        Rdd<(int Key, int Value)> sampled = reduced.Sample(false, 0.5, 3);

        Assert.Equal(4, sampled.NumPartitions);
        Assert.Equal(reduced.Partitioner, sampled.Partitioner);
        TestData.AssertPlacedByPartitioner(sampled);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    public void RandomSplit_DisjointComplete_Proportional_Repeatable(int partitions)
    {
        using var sc = new SparkContext("local[2]", "test");
        int[] data = Distinct(30_000);
        Rdd<int> rdd = sc.Parallelize(data, partitions);
        double[] weights = [1, 2, 0, 3];

        Rdd<int>[] splits = rdd.RandomSplit(weights, seed: 5);

        Assert.Equal(4, splits.Length);
        int[][] parts = [.. splits.Select(s => s.Collect())];
        TestData.AssertSameMultiset(data, parts.SelectMany(p => p));
        Assert.Empty(parts[2]);
        for (int i = 0; i < 4; i++)
        {
            AssertSubsequence(data, parts[i]);
            double expected = data.Length * weights[i] / 6, sd = Math.Sqrt(expected);
            Assert.InRange(parts[i].Length, expected - 6 * sd, expected + 6 * sd);
            Assert.Equal(partitions, splits[i].NumPartitions);
        }
        Assert.Equal(parts, rdd.RandomSplit(weights, seed: 5).Select(s => s.Collect()));
        Assert.NotEqual(parts[0], rdd.RandomSplit(weights, seed: 6)[0].Collect());
    }

    [Fact]
    public void RandomSplit_UnnormalisedWeights_AndNoSeed_StillPartitionTheData()
    {
        using var sc = new SparkContext("local[2]", "test");
        int[] data = Distinct(2000);

        Rdd<int>[] splits = sc.Parallelize(data, 3).RandomSplit([0.7, 0.7, 0.7]);

        TestData.AssertSameMultiset(data, splits.SelectMany(s => s.Collect()));
    }

    [Theory]
    [InlineData(new double[] { })]
    [InlineData(new double[] { 0, 0 })]
    [InlineData(new double[] { 1, -1 })]
    [InlineData(new double[] { 1, double.NaN })]
    [InlineData(new double[] { 1, double.PositiveInfinity })]
    public void RandomSplit_BadWeights_Throw(double[] weights)
    {
        using var sc = new SparkContext("local[2]", "test");

        Assert.Throws<ArgumentException>(() => sc.Parallelize([1, 2]).RandomSplit(weights));
    }

    [Theory]
    [InlineData(false, 100, 5000, 4)]
    [InlineData(false, 4999, 5000, 3)]
    [InlineData(false, 1, 1, 1)]
    [InlineData(true, 100, 5000, 4)]
    [InlineData(true, 700, 50, 3)]
    public void TakeSample_ExactSize_FromTheInput(bool withReplacement, int num, int n, int partitions)
    {
        using var sc = new SparkContext("local[2]", "test");
        int[] data = Distinct(n);
        var members = data.ToHashSet();

        int[] sample = sc.Parallelize(data, partitions).TakeSample(withReplacement, num, seed: 11);

        Assert.Equal(num, sample.Length);
        Assert.All(sample, x => Assert.Contains(x, members));
        if (!withReplacement) Assert.Equal(num, sample.Distinct().Count());
    }

    [Fact]
    public void TakeSample_WithoutReplacement_MoreThanThereIs_AllRecordsShuffled()
    {
        using var sc = new SparkContext("local[2]", "test");
        int[] data = Distinct(500);

        int[] sample = sc.Parallelize(data, 4).TakeSample(false, 1000, seed: 3);

        TestData.AssertSameMultiset(data, sample);
        Assert.NotEqual(data, sample);
    }

    [Fact]
    public async Task TakeSample_SameSeed_SameResult_SyncAndAsync()
    {
        using var sc = new SparkContext("local[2]", "test");
        Rdd<int> rdd = sc.Parallelize(Distinct(5000), 4);

        int[] first = rdd.TakeSample(false, 50, seed: 8);

        Assert.Equal(first, rdd.TakeSample(false, 50, seed: 8));
        Assert.Equal(first, await rdd.TakeSampleAsync(false, 50, seed: 8));
        Assert.NotEqual(first, rdd.TakeSample(false, 50, seed: 9));
    }

    [Fact]
    public void TakeSample_IsUniform_EveryRecordAboutEquallyLikely()
    {
        using var sc = new SparkContext("local[2]", "test");
        Rdd<int> rdd = sc.Parallelize(Enumerable.Range(0, 20), 3);
        var hits = new int[20];

        for (int seed = 0; seed < 400; seed++)
        {
            foreach (int x in rdd.TakeSample(false, 5, seed)) hits[x]++;
        }

        // Each record is expected 400 × 5 / 20 = 100 times.
        Assert.All(hits, h => Assert.InRange(h, 55, 145));
    }

    [Fact]
    public void TakeSample_EmptyOrZero_ReturnsEmpty_BadNum_Throws()
    {
        using var sc = new SparkContext("local[2]", "test");

        Assert.Empty(sc.EmptyRdd<int>().TakeSample(true, 10, 1));
        Assert.Empty(sc.Parallelize(Array.Empty<int>(), 3).TakeSample(false, 10, 1));
        Assert.Empty(sc.Parallelize([1, 2, 3]).TakeSample(false, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => sc.Parallelize([1]).TakeSample(false, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => sc.Parallelize([1]).TakeSample(true, int.MaxValue));
    }

    [Fact]
    public async Task TakeSampleAsync_Cancelled_Throws()
    {
        using var sc = new SparkContext("local[2]", "test");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            sc.Parallelize(Distinct(100), 2).TakeSampleAsync(false, 5, 1, cancelled.Token));
    }

    [Fact]
    public void Poisson_MeanAndVarianceMatch()
    {
        var random = new Sampling.XorShiftRandom(17);
        foreach (double mean in new[] { 0.2, 3.0, 700.0 })
        {
            long[] draws = [.. Enumerable.Range(0, 4000).Select(_ => Sampling.PoissonSampler.Next(random, mean))];
            double average = draws.Average();
            double variance = draws.Select(d => (d - average) * (d - average)).Average();
            Assert.InRange(average, mean - 6 * Math.Sqrt(mean / 4000), mean + 6 * Math.Sqrt(mean / 4000));
            Assert.InRange(variance / mean, 0.85, 1.15);
        }
    }

    [Fact]
    public void Reservoir_SmallInputWhole_LargeInputUniform()
    {
        (int[] all, long count) = Sampling.Reservoir.SampleAndCount(Enumerable.Range(0, 5), 10, seed: 1);
        Assert.Equal([0, 1, 2, 3, 4], all);
        Assert.Equal(5, count);

        var hits = new int[100];
        for (int seed = 0; seed < 500; seed++)
        {
            (int[] sample, long n) = Sampling.Reservoir.SampleAndCount(Enumerable.Range(0, 100), 10, seed);
            Assert.Equal(100, n);
            Assert.Equal(10, sample.Distinct().Count());
            foreach (int x in sample) hits[x]++;
        }
        Assert.All(hits, h => Assert.InRange(h, 20, 85)); // expected 50
    }
}
