namespace MiniSpark.Tests.FaultTolerance;

/// <summary>A two-shuffle pipeline under random, seeded fault injection (failing attempts and lost shuffle outputs):
/// every run's result equals the fault-free result. MINISPARK_STRESS=large runs many more seeds.</summary>
public sealed class FaultInjectionStressTests
{
    private static int Runs => Environment.GetEnvironmentVariable("MINISPARK_STRESS") switch
    {
        "large" => 300,
        _ => 12,
    };

    private static Dictionary<int, long> Pipeline(SparkContext sc, Func<int, bool> failAttempt)
    {
        Rdd<(int Key, long Value)> first = sc.Parallelize(Enumerable.Range(0, 2000), 5)
            .Map(x =>
            {
                if (TaskContext.Current!.AttemptNumber == 0 && failAttempt(x)) throw new IOException($"injected failure at {x}");
                return (x % 37, (long)x);
            })
            .ReduceByKey((a, b) => a + b, 4);
        Rdd<(int Key, long Value)> second = first.Map(p => (p.Key % 5, p.Value * 2)).ReduceByKey((a, b) => a + b, 3);
        return second.CollectAsMap().ToDictionary(p => p.Key, p => p.Value);
    }

    private static bool Counted(ref int counter)
    {
        Interlocked.Increment(ref counter);
        return true;
    }

    [Fact]
    public void RandomFaults_NeverChangeTheResult()
    {
        Dictionary<int, long> expected;
        using (var clean = new SparkContext("local[2]", "stress-clean")) expected = Pipeline(clean, _ => false);
        Assert.Equal(Enumerable.Range(0, 2000).GroupBy(x => x % 37 % 5).ToDictionary(g => g.Key, g => g.Sum(x => 2L * x)), expected);
        int failedAttempts = 0, lostOutputs = 0;

        for (int seed = 0; seed < Runs; seed++)
        {
            using var sc = new SparkContext("local[2,4]", $"stress-{seed}");
            var random = new Random(seed);
            var gate = new Lock();
            bool Chance(double p)
            {
                lock (gate) return random.NextDouble() < p;
            }
            sc.MapOutputs.LoseOutputOnFetch = (_, _, _) => Chance(0.02) && Counted(ref lostOutputs);
            Dictionary<int, long> actual = Pipeline(sc, x => x % 97 == 0 && Chance(0.3) && Counted(ref failedAttempts));
            Assert.Equal(expected, actual);
        }
        // The faults did fire: the runs above exercised retries and recomputation, not only the happy path.
        Assert.True(failedAttempts > 0 && lostOutputs > 0, $"{failedAttempts} failed attempts, {lostOutputs} lost outputs injected");
    }
}
