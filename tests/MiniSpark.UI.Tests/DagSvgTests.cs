using System.Xml.Linq;
using MiniSpark.Ui.Dag;

namespace MiniSpark.Ui.Tests;

public sealed class DagSvgTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static StageSnapshot Stage(int id, StageStatus status, int[] parents, params RddInfo[] rdds) =>
        new(id, 0, "stage", status, parents.Length == 0, 2, 0, 0, 0, 0, null, null, null, null, default, [0], parents, rdds);

    private static Dictionary<int, (double X, double Y)> NodePositions(XDocument svg) =>
        svg.Descendants(Svg + "g").Where(g => ((string?)g.Attribute("class"))?.StartsWith("rdd", StringComparison.Ordinal) == true)
            .ToDictionary(g => (int)g.Attribute("data-rdd-id")!, g =>
            {
                XElement rect = g.Element(Svg + "rect")!;
                return ((double)rect.Attribute("x")!, (double)rect.Attribute("y")!);
            });

    [Fact]
    public void ParentsSitAboveChildren_EvenWhenAChildHasTheSmallerId()
    {
        // A join creates its result (7) before the co-grouped parent (8) it reads, as MiniSpark's joins do.
        StageSnapshot stage = Stage(1, StageStatus.Complete, [],
            new RddInfo(7, "HashJoinRdd", "Join", 2, [2, 8]),
            new RddInfo(8, "ShuffledRdd", "CoGroup", 2, [2]),
            new RddInfo(2, "ShuffledRdd", "ReduceByKey", 2, []));
        var nodes = NodePositions(XDocument.Parse(DagSvg.Render([stage], null, standalone: true)));
        Assert.True(nodes[2].Y < nodes[8].Y);
        Assert.True(nodes[8].Y < nodes[7].Y);
    }

    [Fact]
    public void StagesStandInColumns_AndShuffleEdgesCrossThem()
    {
        StageSnapshot map = Stage(0, StageStatus.Skipped, [], new RddInfo(0, "src", "Parallelize", 2, []), new RddInfo(1, "pairs", "Map", 2, [0]));
        StageSnapshot reduce = Stage(1, StageStatus.Active, [0], new RddInfo(2, "ShuffledRdd", "ReduceByKey", 2, [1]));
        XDocument svg = XDocument.Parse(DagSvg.Render([reduce, map], (s, a) => $"/stages/stage/?id={s}&attempt={a}", standalone: true,
            cached: new HashSet<int> { 1 }));
        var nodes = NodePositions(svg);
        Assert.True(nodes[1].X < nodes[2].X);
        Assert.Single(svg.Descendants(Svg + "path"), p => (string?)p.Attribute("class") == "edge shuffle");
        Assert.Single(svg.Descendants(Svg + "path"), p => (string?)p.Attribute("class") == "edge narrow");
        Assert.Single(svg.Descendants(Svg + "circle")); // the cached dataset's dot
        // The running stage links to its page; the skipped one has no page to link to.
        Assert.Equal(["/stages/stage/?id=1&attempt=0"], svg.Descendants(Svg + "a").Select(a => (string)a.Attribute("href")!));
    }

    [Fact]
    public void HostileAndControlCharacters_StayText_AndTheFileStaysXml()
    {
        StageSnapshot stage = Stage(0, StageStatus.Complete, [], new RddInfo(0, "<script>alert(1)</script>\u0001\u0007", "</text><script>", 1, []));
        string svg = DagSvg.Render([stage], null, standalone: true);
        XDocument document = XDocument.Parse(svg);
        Assert.Empty(document.Descendants(Svg + "script"));
        Assert.Empty(document.Descendants("script"));
        Assert.DoesNotContain("<script>", svg);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", svg);
    }
}
