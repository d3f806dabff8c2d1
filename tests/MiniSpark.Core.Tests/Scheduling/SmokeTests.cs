using MiniSpark.Tests.Fakes;

namespace MiniSpark.Tests.Scheduling;

public sealed class SmokeTests
{
    [Fact]
    public void WordCount_MatchesLinq()
    {
        using var sc = new SparkContext("local[2]", "smoke");
        string[] lines = ["a b c", "b c", "c", "", "a a"];
        var counts = sc.Parallelize(lines, 3)
            .FlatMap(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Map(w => (w, 1))
            .ReduceByKey((x, y) => x + y)
            .Collect()
            .OrderBy(p => p.Key)
            .ToArray();
        var expected = lines.SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .GroupBy(w => w).Select(g => (g.Key, g.Count())).OrderBy(p => p.Key).ToArray();
        Assert.Equal(expected, counts.Select(c => (c.Key, c.Value)).ToArray());
    }
}
