namespace MiniSpark.Tests.SharedVariables;

public sealed class AccumulatorTests
{
    [Fact]
    public void LongAccumulator_InAction_CountsEachPartitionOnce_DespiteRetries()
    {
        using var sc = new SparkContext("local[2,4]", "acc-retries");
        LongAccumulator seen = sc.LongAccumulator("seen");
        sc.Parallelize(Enumerable.Range(1, 100), 5).Foreach(x =>
        {
            seen.Add(x);
            // Every partition's first two attempts fail after adding: their updates must be dropped.
            if (x % 20 == 0 && TaskContext.Current!.AttemptNumber < 2) throw new IOException("transient");
        });
        Assert.Equal(5050, seen.Value);
        Assert.Equal(100, seen.Count);
        Assert.Equal(50.5, seen.Avg);
    }

    [Fact]
    public void Accumulator_InTransformation_CountsOncePerSuccessfulTask()
    {
        using var sc = new SparkContext("local[2]", "acc-map");
        LongAccumulator mapped = sc.LongAccumulator();
        int[] result = sc.Parallelize(Enumerable.Range(0, 50), 4).Map(x =>
        {
            mapped.Add(1);
            return x;
        }).Collect();
        Assert.Equal(50, result.Length);
        Assert.Equal(50, mapped.Value);
    }

    [Fact]
    public void Accumulator_InMapStage_MergesWhenTheMapTaskSucceeds()
    {
        using var sc = new SparkContext("local[2]", "acc-shuffle");
        DoubleAccumulator total = sc.DoubleAccumulator("total");
        sc.Parallelize(Enumerable.Range(0, 40), 4).Map(x =>
        {
            total.Add(0.5);
            return (x % 3, x);
        }).ReduceByKey((a, b) => a + b).Collect();
        Assert.Equal(20.0, total.Value);
    }

    [Fact]
    public void Accumulator_InMapStage_CountsAgainWhenALostOutputIsRecomputed_AsSparkDocuments()
    {
        using var sc = new SparkContext("local[2]", "acc-recompute");
        LongAccumulator inMap = sc.LongAccumulator("in map");
        LongAccumulator inAction = sc.LongAccumulator("in action");
        Rdd<(int Key, int Sum)> sums = sc.Parallelize(Enumerable.Range(0, 40), 4).Map(x =>
        {
            inMap.Add(1);
            return (x % 3, x);
        }).ReduceByKey((a, b) => a + b, 2);
        int lost = 0;
        ShuffleDependency shuffle = (ShuffleDependency)sums.Dependencies.Single();
        sc.MapOutputs.LoseOutputOnFetch = (id, map, _) => id == shuffle.ShuffleId && map == 1 && Interlocked.Increment(ref lost) == 1;

        sums.Foreach(_ => inAction.Add(1));

        // Map 1 (10 records) ran twice: updates inside transformations may count more than once when work is redone;
        // updates inside actions count exactly once per partition.
        Assert.Equal(50, inMap.Value);
        Assert.Equal(3, inAction.Value);
    }

    [Fact]
    public void FailedJob_DropsUpdatesOfFailedAttempts()
    {
        using var sc = new SparkContext("local[2]", "acc-failed");
        LongAccumulator seen = sc.LongAccumulator();
        Assert.Throws<SparkJobException>(() => sc.Parallelize(Enumerable.Range(0, 10), 2).Foreach(x =>
        {
            seen.Add(1);
            if (x == 9) throw new InvalidOperationException("last record");
        }));
        Assert.InRange(seen.Value, 0, 5); // at most the partition that succeeded
    }

    [Fact]
    public void ValueInsideTask_IsTheTasksPartialValue()
    {
        using var sc = new SparkContext("local[2]", "acc-partial");
        LongAccumulator acc = sc.LongAccumulator();
        acc.Add(1000); // on the driver
        long[] partials = sc.Parallelize(Enumerable.Range(0, 6), 3).MapPartitions(records =>
        {
            foreach (int _ in records) acc.Add(1);
            return new[] { acc.Value };
        }).Collect();
        Assert.Equal([2L, 2L, 2L], partials);
        Assert.Equal(1006, acc.Value);
    }

    [Fact]
    public void CollectionAccumulator_CollectsEveryItem()
    {
        using var sc = new SparkContext("local[2]", "acc-collection");
        CollectionAccumulator<string> words = sc.CollectionAccumulator<string>("words");
        sc.Parallelize(["a", "b", "c", "d"], 3).Foreach(words.Add);
        Assert.Equal(["a", "b", "c", "d"], words.Value.Order());
        words.Reset();
        Assert.True(words.IsZero);
    }

    [Fact]
    public void CustomAccumulator_WorksOnceRegistered()
    {
        using var sc = new SparkContext("local[2]", "acc-custom");
        var max = sc.Register(new MaxAccumulator(), "max");
        sc.Parallelize(TestData.Ints(500, 3), 7).Foreach(x => max.Add(x));
        Assert.Equal(TestData.Ints(500, 3).Max(), max.Value);
        Assert.Equal("max", max.Name);
        Assert.Throws<InvalidOperationException>(() => sc.Register(max));
    }

    [Fact]
    public void UnregisteredAccumulator_InTask_FailsWithAClearMessage()
    {
        using var sc = new SparkContext("local[1]", "acc-unregistered");
        var max = new MaxAccumulator();
        var error = Assert.Throws<SparkJobException>(() => sc.Parallelize([1, 2]).Foreach(x => max.Add(x)));
        Assert.Contains("sc.Register", Assert.IsType<InvalidOperationException>(error.InnerException).Message);
        max.Add(5); // on the driver it is a plain variable
        Assert.Equal(5, max.Value);
    }

    private sealed class MaxAccumulator : AccumulatorV2<int, int>
    {
        private int _max = int.MinValue;

        protected override void AddValue(int value) => _max = Math.Max(_max, value);
        protected override int GetValue() => _max;
        protected override void MergeValue(AccumulatorV2<int, int> other) => _max = Math.Max(_max, ((MaxAccumulator)other)._max);
        protected override void ResetValue() => _max = int.MinValue;
        protected override bool IsZeroValue() => _max == int.MinValue;
        protected override AccumulatorV2<int, int> CreateEmpty() => new MaxAccumulator();
    }
}
