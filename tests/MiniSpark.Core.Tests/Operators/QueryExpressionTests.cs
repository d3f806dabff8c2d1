using System.Collections;

namespace MiniSpark.Tests.Operators;

/// <summary>C# query syntax over datasets compiles to the lazy operators and matches LINQ-to-objects.</summary>
public sealed class QueryExpressionTests
{
    private static readonly string[] Lines = ["the quick brown fox", "jumps over the lazy dog", "", "the end", "fox and dog"];

    [Fact]
    public void WordCount_InQuerySyntax_MatchesLinq()
    {
        using var sc = new SparkContext("local[2]", "query-word-count");
        Rdd<string> lines = sc.Parallelize(Lines, 3);
        Rdd<(string Key, int Count)> counts =
            from l in lines
            from w in l.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            group w by w into g
            select (g.Key, g.Count());

        var expected =
            from l in Lines
            from w in l.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            group w by w into g
            select (g.Key, g.Count());
        Assert.Equal(expected.OrderBy(p => p.Key), counts.Collect().OrderBy(p => p.Key));
    }

    [Fact]
    public void WhereLetSelect_MatchLinq()
    {
        using var sc = new SparkContext("local[2]", "query-where");
        int[] data = TestData.Ints(200, 3);
        Rdd<int> rdd = sc.Parallelize(data, 4);
        var query = from x in rdd let square = x * x where square % 3 == 1 select square + 1;
        var expected = from x in data let square = x * x where square % 3 == 1 select square + 1;
        Assert.Equal(expected, query.Collect());
    }

    [Fact]
    public void GroupByRangeVariable_UsesSingleKeySelector()
    {
        using var sc = new SparkContext("local[2]", "query-group");
        int[] data = [.. TestData.Ints(100, 4).Select(Math.Abs)];
        var query = from x in sc.Parallelize(data, 3) group x by x % 5 into g select (g.Key, Sum: g.Sum());
        Assert.Equal(data.GroupBy(x => x % 5).Select(g => (g.Key, g.Sum())).OrderBy(p => p.Key), query.Collect().OrderBy(p => p.Key));
    }

    [Fact]
    public void JoinOnEquals_AndGroupJoin_MatchLinq()
    {
        using var sc = new SparkContext("local[2]", "query-join");
        (int Id, string Name)[] people = [(1, "ann"), (2, "bob"), (3, "cy"), (4, "dee")];
        (int PersonId, string Item)[] orders = [(1, "book"), (1, "pen"), (3, "cup"), (5, "orphan")];
        Rdd<(int Id, string Name)> p = sc.Parallelize(people, 2);
        Rdd<(int PersonId, string Item)> o = sc.Parallelize(orders, 3);

        var joined = from person in p join order in o on person.Id equals order.PersonId select $"{person.Name}:{order.Item}";
        var expected = from person in people join order in orders on person.Id equals order.PersonId select $"{person.Name}:{order.Item}";
        Assert.Equal(expected.Order(), joined.Collect().Order());

        var grouped = from person in p join order in o on person.Id equals order.PersonId into mine select (person.Name, mine.Count());
        var expectedGroups = from person in people join order in orders on person.Id equals order.PersonId into mine select (person.Name, mine.Count());
        Assert.Equal(expectedGroups.OrderBy(g => g.Name), grouped.Collect().OrderBy(g => g.Name));
    }

    [Fact]
    public void Rdd_IsNotEnumerable_SoQueriesNeverFallBackToLinqToObjects()
    {
        Assert.False(typeof(IEnumerable).IsAssignableFrom(typeof(Rdd<int>)));
        Assert.False(typeof(IEnumerable<int>).IsAssignableFrom(typeof(Rdd<int>)));
    }
}

public sealed class QueryOrderingTests
{
    [Fact]
    public void OrderByThenByDescending_MatchesLinq_AcrossPartitions()
    {
        using var sc = new SparkContext("local[2]", "query-orderby");
        (int Group, string Name)[] people = [.. TestData.Ints(300, 21).Select((x, i) => (Math.Abs(x) % 7, $"n{i % 13:D2}"))];
        Rdd<(int Group, string Name)> rdd = sc.Parallelize(people, 5);
        var query = from p in rdd orderby p.Group, p.Name descending select $"{p.Group}:{p.Name}";
        var expected = from p in people orderby p.Group, p.Name descending select $"{p.Group}:{p.Name}";
        Assert.Equal(expected, query.Collect());

        var descending = from p in rdd orderby p.Group descending select p.Group;
        Assert.Equal(people.Select(p => p.Group).OrderDescending(), descending.Collect());
    }
}
