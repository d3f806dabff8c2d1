using MiniSpark.Storage;

namespace MiniSpark.Tests.Storage;

public class SizeEstimatorTests
{
    private sealed class ThreeInts
    {
        public int A = 1, B = 2, C = 3;
    }

    private sealed class Pair(object? left, object? right)
    {
        public object? Left = left;
        public object? Right = right;
    }

    private sealed class Node
    {
        public Node? Next;
        public long Value;
    }

    private sealed record Person(string Name, int Age, List<string> Tags);

    [Theory]
    [InlineData(0, 24)]   // 20 + 2 (terminator) = 22 -> 24
    [InlineData(1, 24)]
    [InlineData(2, 32)]   // 26 -> 32
    [InlineData(5, 32)]   // 32
    [InlineData(6, 40)]   // 34 -> 40
    [InlineData(100, 224)]
    public void Strings_AreExact(int length, long expected)
    {
        Assert.Equal(expected, SizeEstimator.Estimate(new string('x', length)));
        Assert.Equal(expected, SizeEstimator.Estimate<string>(new string('x', length)));
    }

    [Fact]
    public void PrimitiveArrays_AreExact()
    {
        Assert.Equal(24, SizeEstimator.Estimate(Array.Empty<int>()));
        Assert.Equal(32, SizeEstimator.Estimate(new byte[3]));        // 24 + 3 -> 32
        Assert.Equal(64, SizeEstimator.Estimate(new int[10]));        // 24 + 40
        Assert.Equal(8024, SizeEstimator.Estimate(new long[1000]));
        Assert.Equal(24 + 16 * 5, SizeEstimator.Estimate(new Guid[5]));
        Assert.Equal(24 + 8 * 3, SizeEstimator.Estimate(new (int, int)[3]));
    }

    [Fact]
    public void ObjectsAndBoxes_FollowTheClrLayout()
    {
        Assert.Equal(24, SizeEstimator.Estimate(new object()));
        Assert.Equal(24, SizeEstimator.Estimate((object)42));         // box: 16 + 4 -> 24
        Assert.Equal(24, SizeEstimator.Estimate((object)42L));
        Assert.Equal(32, SizeEstimator.Estimate((object)Guid.Empty)); // 16 + 16
        Assert.Equal(32, SizeEstimator.Estimate(new ThreeInts()));    // 16 + 12 -> 32
        Assert.Equal(8, SizeEstimator.Estimate(42L));                 // unboxed value: its own size
        Assert.Equal(0, SizeEstimator.Estimate(null));
    }

    [Fact]
    public void ReferenceArrays_CountSlotsAndElements()
    {
        string[] strings = ["ab", "cd", null!];
        Assert.Equal(24 + 3 * 8 + 2 * 32, SizeEstimator.Estimate(strings));
    }

    [Fact]
    public void SharedReferences_AreCountedOnce()
    {
        string shared = new('s', 50);
        long one = SizeEstimator.Estimate(shared);
        var pair = new Pair(shared, shared);
        Assert.Equal(32 + one, SizeEstimator.Estimate(pair));
        var distinct = new Pair(shared, new string('s', 50));
        Assert.Equal(32 + 2 * one, SizeEstimator.Estimate(distinct));
        Assert.Equal(24 + 100 * 8 + one, SizeEstimator.Estimate(Enumerable.Repeat(shared, 100).ToArray()));
    }

    [Fact]
    public void Cycles_Terminate()
    {
        var a = new Node { Value = 1 };
        var b = new Node { Value = 2, Next = a };
        a.Next = b;
        Assert.Equal(2 * 32, SizeEstimator.Estimate(a));
        var list = new List<object>();
        list.Add(list);
        Assert.True(SizeEstimator.Estimate(list) > 0);
    }

    [Fact]
    public void LongChains_DoNotOverflowTheStack()
    {
        var head = new Node();
        for (int i = 0; i < 200_000; i++) head = new Node { Next = head };
        Assert.Equal(200_001L * 32, SizeEstimator.Estimate(head));
    }

    [Fact]
    public void StructsWithReferences_AreWalkedWithoutBoxing()
    {
        var tuple = (1, new string('x', 10));
        Assert.Equal(16 + SizeEstimator.StringSize(10), SizeEstimator.Estimate(tuple));
        var kv = new KeyValuePair<string, int[]>("k", new int[4]);
        Assert.Equal(16 + 24 + 40, SizeEstimator.Estimate(kv));
    }

    [Fact]
    public void Collections_MatchAllocatedBytes_WithinTenPercent()
    {
        // Each builder allocates only what stays reachable (pre-sized collections, no temporary strings).
        AssertMatchesAllocation(() =>
        {
            var list = new List<string>(300);
            for (int i = 0; i < 300; i++) list.Add(new string('a', i % 20));
            return list;
        });
        AssertMatchesAllocation(() =>
        {
            var map = new Dictionary<int, string>(300);
            for (int i = 0; i < 300; i++) map.Add(i, new string('v', i % 7));
            return map;
        });
        AssertMatchesAllocation(() =>
        {
            var set = new HashSet<long>(1000);
            for (int i = 0; i < 1000; i++) set.Add(i);
            return set;
        });
        AssertMatchesAllocation(() =>
        {
            var people = new Person[200];
            for (int i = 0; i < people.Length; i++)
                people[i] = new Person(new string('n', i % 10), i, new List<string>(2) { new('a', 3), new('b', 1) });
            return people;
        });
        AssertMatchesAllocation(() =>
        {
            var rows = new List<(int, string)>(200);
            for (int i = 0; i < 200; i++) rows.Add((i, new string('s', 5)));
            return rows;
        });
        AssertMatchesAllocation(() =>
        {
            var tuples = new Tuple<int, object>[200];
            for (int i = 0; i < tuples.Length; i++) tuples[i] = Tuple.Create(i, (object)(long)i);
            return tuples;
        });
        AssertMatchesAllocation(() => new ThreeInts());
        AssertMatchesAllocation(() => new Node { Next = new Node() });
        AssertMatchesAllocation(() => new Pair(new int[7], new Pair(null, new object())));
    }

    [Fact]
    public void Sampling_IsWithinTwentyPercent_OfTheExactSum_AndDeterministic()
    {
        for (int seed = 0; seed < 10; seed++)
        {
            var random = new Random(seed);
            string[] strings = Enumerable.Range(0, 5000)
                .Select(_ => new string('x', random.Next(0, 200)))
                .ToArray();
            long exact = SizeEstimator.ArraySize(8, strings.Length) + strings.Sum(s => SizeEstimator.StringSize(s.Length));

            long estimate = SizeEstimator.Estimate(strings);

            Assert.InRange(estimate, exact * 0.8, exact * 1.2);
            Assert.Equal(estimate, SizeEstimator.Estimate(strings));
            Assert.InRange(SizeEstimator.Estimate(strings.ToList()), exact * 0.8, exact * 1.2 + 32);
            Assert.InRange(SizeEstimator.EstimateSequence(strings), exact * 0.8, exact * 1.2);
        }
    }

    [Fact]
    public void EstimateSequence_OfValueTuples_CountsInlineSizeAndReferences()
    {
        var small = Enumerable.Range(0, 100).Select(i => (i, new string('a', 10))).ToList();
        Assert.Equal(SizeEstimator.ArraySize(16, 100) + 100 * SizeEstimator.StringSize(10), SizeEstimator.EstimateSequence(small));
        int[] ints = Enumerable.Range(0, 10_000).ToArray();
        Assert.Equal(SizeEstimator.ArraySize(4, 10_000), SizeEstimator.EstimateSequence(ints));

        var random = new Random(3);
        var large = Enumerable.Range(0, 20_000).Select(i => (i, new string('a', random.Next(50)))).ToList();
        long exact = SizeEstimator.ArraySize(16, large.Count) + large.Sum(r => SizeEstimator.StringSize(r.Item2.Length));
        Assert.InRange(SizeEstimator.EstimateSequence(large), exact * 0.8, exact * 1.2);
    }

    private static void AssertMatchesAllocation<T>(Func<T> create) where T : class
    {
        create(); // JIT and lazily created statics out of the way
        long before = GC.GetAllocatedBytesForCurrentThread();
        T value = create();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        long estimate = SizeEstimator.Estimate(value);
        Assert.InRange(estimate, allocated * 0.9, allocated * 1.1);
        GC.KeepAlive(value);
    }
}
