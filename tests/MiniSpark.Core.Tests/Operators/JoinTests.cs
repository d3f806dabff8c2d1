using MiniSpark.Tests.Fakes;

namespace MiniSpark.Tests.Operators;

/// <summary>Joins and cogroups against a LINQ lookup reference (which, like Spark RDDs and unlike LINQ's Join, matches null keys).</summary>
public sealed class JoinTests
{
    private static (string? Key, int Value)[] Left(int seed) => TestData.NullKeyPairs(300, seed);

    private static (string? Key, int Value)[] Right(int seed) => [.. TestData.NullKeyPairs(200, seed).Where((_, i) => i % 3 != 0)];

    private static IEnumerable<(K, (V, W))> ReferenceJoin<K, V, W>((K, V)[] left, (K, W)[] right, IEqualityComparer<K>? comparer = null)
    {
        ILookup<K, W> lookup = right.ToLookup(p => p.Item1, p => p.Item2, comparer);
        return left.SelectMany(l => lookup[l.Item1].Select(w => (l.Item1, (l.Item2, w))));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 4)]
    [InlineData(8, 2)]
    public void Join_MatchesLinq_WithNullKeys(int leftPartitions, int rightPartitions)
    {
        using var sc = new SparkContext("local[2]", "join");
        var left = Left(1);
        var right = Right(2);
        var joined = sc.Parallelize(left, leftPartitions).Join(sc.Parallelize(right, rightPartitions)).Collect();
        TestData.AssertSameMultiset(ReferenceJoin(left, right), joined.Select(j => (j.Key, (j.Values.Left, j.Values.Right))));
    }

    [Fact]
    public void Join_CollidingHashCodes()
    {
        using var sc = new SparkContext("local[2]", "join-colliding");
        var left = TestData.CollidingPairs(200, 3);
        var right = TestData.CollidingPairs(150, 4);
        var joined = sc.Parallelize(left, 4).Join(sc.Parallelize(right, 3), 5).Collect();
        TestData.AssertSameMultiset(ReferenceJoin(left, right), joined.Select(j => (j.Key, (j.Values.Left, j.Values.Right))));
    }

    [Fact]
    public void Join_WithComparer_MatchesKeysThatDifferInCase()
    {
        using var sc = new SparkContext("local[2]", "join-comparer");
        var left = TestData.MixedCasePairs(200, 5);
        var right = TestData.MixedCasePairs(100, 6);
        var joined = sc.Parallelize(left, 3).Join(sc.Parallelize(right, 2), comparer: StringComparer.OrdinalIgnoreCase).Collect();
        // Compare with keys normalised: which spelling of an equal key survives is not specified.
        TestData.AssertSameMultiset(
            ReferenceJoin(left, right, StringComparer.OrdinalIgnoreCase).Select(j => (j.Item1.ToUpperInvariant(), j.Item2)),
            joined.Select(j => (j.Key.ToUpperInvariant(), (j.Values.Left, j.Values.Right))));
    }

    [Fact]
    public void OuterJoins_FillMissingSideWithNone()
    {
        using var sc = new SparkContext("local[2]", "outer");
        var left = Left(7);
        var right = Right(8);
        Rdd<(string?, int)> l = sc.Parallelize(left, 3);
        Rdd<(string?, int)> r = sc.Parallelize(right, 2);
        ILookup<string?, int> rightLookup = right.ToLookup(p => p.Key, p => p.Value);
        ILookup<string?, int> leftLookup = left.ToLookup(p => p.Key, p => p.Value);

        var expectedLeft = left.SelectMany(p => rightLookup[p.Key].Any()
            ? rightLookup[p.Key].Select(w => (p.Key, p.Value, Option.Some(w)))
            : [(p.Key, p.Value, Option<int>.None)]);
        TestData.AssertSameMultiset(expectedLeft, l.LeftOuterJoin(r).Collect().Select(j => ((string?)j.Key, j.Values.Left, j.Values.Right)));

        var expectedRight = right.SelectMany(p => leftLookup[p.Key].Any()
            ? leftLookup[p.Key].Select(v => (p.Key, Option.Some(v), p.Value))
            : [(p.Key, Option<int>.None, p.Value)]);
        TestData.AssertSameMultiset(expectedRight, l.RightOuterJoin(r).Collect().Select(j => ((string?)j.Key, j.Values.Left, j.Values.Right)));

        var expectedFull = expectedLeft.Select(e => (e.Key, Option.Some(e.Value), e.Item3))
            .Concat(right.Where(p => !leftLookup.Contains(p.Key)).Select(p => (p.Key, Option<int>.None, Option.Some(p.Value))));
        TestData.AssertSameMultiset(expectedFull, l.FullOuterJoin(r).Collect().Select(j => ((string?)j.Key, j.Values.Left, j.Values.Right)));
    }

    [Fact]
    public void Join_EmptySides()
    {
        using var sc = new SparkContext("local[2]", "join-empty");
        Rdd<(int, int)> some = sc.Parallelize([(1, 1), (2, 2)], 2);
        Rdd<(int, int)> none = sc.EmptyRdd<(int, int)>();
        Assert.Empty(some.Join(none).Collect());
        Assert.Equal(2, some.LeftOuterJoin(none).Collect().Count(j => !j.Values.Right.HasValue));
        Assert.Equal(2, none.RightOuterJoin(some).Collect().Count(j => !j.Values.Left.HasValue));
        Assert.Empty(none.FullOuterJoin(none).Collect());
    }

    [Fact]
    public void CoPartitionedJoin_NeedsNoShuffleOfItsInputs_AndKeepsThePartitioner()
    {
        using var sc = new SparkContext("local[2]", "copartitioned");
        var partitioner = new HashPartitioner(4);
        Rdd<(int Key, int Value)> a = sc.Parallelize(TestData.Pairs(200, 20, 1), 3).PartitionBy(partitioner);
        Rdd<(int Key, int Value)> b = sc.Parallelize(TestData.Pairs(100, 20, 2), 2).PartitionBy(partitioner);
        a.Count();
        b.Count(); // both shuffles done

        var recorder = RecordingListener.On(sc);
        var joined = a.Join(b);
        Assert.Equal(partitioner, joined.Partitioner);
        Assert.All(joined.Dependencies, d => Assert.IsType<OneToOneDependency>(d));
        int count = joined.Collect().Length;
        sc.FlushEvents();
        Assert.Single(recorder.Of<SparkListenerStageSubmitted>()); // only the result stage: no new shuffle
        Assert.Equal(ReferenceJoin(TestData.Pairs(200, 20, 1), TestData.Pairs(100, 20, 2)).Count(), count);
    }

    [Fact]
    public void Cogroup_TwoAndThreeInputs_GroupEveryKeyOnce()
    {
        using var sc = new SparkContext("local[2]", "cogroup");
        var a = TestData.Pairs(100, 10, 1);
        var b = TestData.Pairs(60, 15, 2);
        var c = TestData.Pairs(30, 5, 3);
        var two = sc.Parallelize(a, 3).Cogroup(sc.Parallelize(b, 2)).Collect();
        Assert.Equal(a.Select(p => p.Key).Union(b.Select(p => p.Key)).Order(), two.Select(g => g.Key).Order());
        foreach (var g in two)
        {
            TestData.AssertSameMultiset(a.Where(p => p.Key == g.Key).Select(p => p.Value), g.Values.Left);
            TestData.AssertSameMultiset(b.Where(p => p.Key == g.Key).Select(p => p.Value), g.Values.Right);
        }

        var three = sc.Parallelize(a, 3).Cogroup(sc.Parallelize(b, 2), sc.Parallelize(c, 4), 3).Collect();
        Assert.Equal(a.Concat(b).Concat(c).Select(p => p.Key).Distinct().Order(), three.Select(g => g.Key).Order());
        foreach (var g in three)
        {
            TestData.AssertSameMultiset(a.Where(p => p.Key == g.Key).Select(p => p.Value), g.Values.First);
            TestData.AssertSameMultiset(b.Where(p => p.Key == g.Key).Select(p => p.Value), g.Values.Second);
            TestData.AssertSameMultiset(c.Where(p => p.Key == g.Key).Select(p => p.Value), g.Values.Third);
        }
    }

    [Fact]
    public void SubtractByKey_KeepsPairsWhoseKeyIsAbsent_WithNullKeys()
    {
        using var sc = new SparkContext("local[2]", "subtract-by-key");
        var left = Left(11);
        var right = Right(12);
        var keys = right.Select(p => p.Key).ToLookup(k => k);
        var result = sc.Parallelize(left, 4).SubtractByKey(sc.Parallelize(right, 3)).Collect();
        TestData.AssertSameMultiset(left.Where(p => !keys.Contains(p.Key)), result.Select(r => ((string?)r.Key, r.Value)));
        Assert.Equal(4, sc.Parallelize(left, 4).SubtractByKey(sc.Parallelize(right, 3)).NumPartitions);
    }
}
