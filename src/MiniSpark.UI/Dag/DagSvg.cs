using System.Globalization;
using System.Text;
using MiniSpark.Ui.Markup;

namespace MiniSpark.Ui.Dag;

/// <summary>Draws a job's stages and the datasets inside them as SVG, like Spark's "DAG Visualization".</summary>
/// <remarks>
/// <para>Each stage is a box (a cluster) holding its datasets; within a stage a dataset sits one row below its
/// lowest parent. Stages stand in columns: a stage's
/// column is one right of its rightmost parent stage. Narrow edges run down inside a box; shuffle edges cross
/// from the dataset that ends one stage to the dataset that reads its output in the next.</para>
/// <para>The layout is computed on the server, no script needed. Colours are presentation attributes, not CSS,
/// so the drawing looks the same inline (under the page's Content-Security-Policy) and as a standalone file.
/// Every name is encoded; control characters are replaced so the standalone file stays valid XML.</para>
/// </remarks>
internal static class DagSvg
{
    private const int NodeWidth = 190;
    private const int NodeHeight = 42;
    private const int NodeGap = 16;
    private const int RowGap = 26;
    private const int Padding = 14;
    private const int Header = 26;
    private const int ColumnGap = 56;
    private const int ClusterGap = 24;
    private const int Margin = 10;
    private const int MaxLabel = 26;

    /// <summary>The SVG of <paramref name="stages"/>; <paramref name="stageUrl"/> links each stage's title (null: no links).</summary>
    /// <param name="stages">The stages to draw (a job's, or one stage).</param>
    /// <param name="stageUrl">The page of a stage attempt, or null for no links.</param>
    /// <param name="standalone">Adds the XML declaration for an <c>.svg</c> file.</param>
    /// <param name="cached">Datasets held in storage: marked with a green dot, as Spark marks them.</param>
    public static string Render(IReadOnlyList<StageSnapshot> stages, Func<int, int, string>? stageUrl, bool standalone,
        IReadOnlySet<int>? cached = null)
    {
        // One cluster per stage id: the latest attempt a job shows.
        List<StageSnapshot> clusters = [.. stages.GroupBy(s => s.StageId).Select(g => g.MaxBy(s => s.AttemptId)!).OrderBy(s => s.StageId)];
        var columns = StageColumns(clusters);
        var layouts = clusters.ToDictionary(s => s.StageId, LayoutStage);

        // Place clusters: columns left to right, stacked top to bottom within a column.
        var origin = new Dictionary<int, (int X, int Y)>();
        int x = Margin, height = 0;
        foreach (var column in clusters.GroupBy(s => columns[s.StageId]).OrderBy(g => g.Key))
        {
            int y = Margin, width = 0;
            foreach (StageSnapshot stage in column.OrderBy(s => s.StageId))
            {
                StageLayout layout = layouts[stage.StageId];
                origin[stage.StageId] = (x, y);
                y += layout.Height + ClusterGap;
                width = Math.Max(width, layout.Width);
            }
            height = Math.Max(height, y - ClusterGap + Margin);
            x += width + ColumnGap;
        }
        int totalWidth = Math.Max(x - ColumnGap + Margin, 2 * Margin);
        height = Math.Max(height, 2 * Margin);

        // Absolute node boxes, by (stage, dataset): a dataset computed in two stages is drawn in each.
        var nodes = new Dictionary<(int Stage, int Rdd), (int X, int Y)>();
        foreach (StageSnapshot stage in clusters)
        {
            (int ox, int oy) = origin[stage.StageId];
            foreach ((int rddId, (int nx, int ny)) in layouts[stage.StageId].Nodes) nodes[(stage.StageId, rddId)] = (ox + nx, oy + ny);
        }

        var svg = new StringBuilder();
        if (standalone) svg.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.Append(Html.Of($"<svg class=\"dag\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{totalWidth}\" height=\"{height}\" viewBox=\"0 0 {totalWidth} {height}\" role=\"img\" aria-label=\"DAG visualization\" font-family=\"Helvetica, Arial, sans-serif\">"));
        svg.Append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#4a5560\"/></marker></defs>");

        foreach (StageSnapshot stage in clusters) AppendCluster(svg, stage, origin[stage.StageId], layouts[stage.StageId], stageUrl);
        AppendEdges(svg, clusters, nodes);
        foreach (StageSnapshot stage in clusters)
        {
            foreach (RddInfo rdd in Distinct(stage.RddInfos))
                AppendNode(svg, rdd, nodes[(stage.StageId, rdd.Id)], cached?.Contains(rdd.Id) == true);
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static IEnumerable<RddInfo> Distinct(IReadOnlyList<RddInfo> rdds) => rdds.DistinctBy(r => r.Id);

    private static Dictionary<int, int> StageColumns(List<StageSnapshot> stages)
    {
        var ids = stages.Select(s => s.StageId).ToHashSet();
        var column = stages.ToDictionary(s => s.StageId, _ => 0);
        // Relax until stable: at most one pass per stage, since the stage graph has no cycles.
        for (int pass = 0; pass < stages.Count; pass++)
        {
            bool changed = false;
            foreach (StageSnapshot stage in stages)
            {
                int wanted = stage.ParentIds.Where(ids.Contains).Select(p => column[p] + 1).DefaultIfEmpty(0).Max();
                if (wanted == column[stage.StageId]) continue;
                column[stage.StageId] = wanted;
                changed = true;
            }
            if (!changed) break;
        }
        return column;
    }

    private sealed record StageLayout(int Width, int Height, Dictionary<int, (int X, int Y)> Nodes);

    private static StageLayout LayoutStage(StageSnapshot stage)
    {
        List<RddInfo> rdds = [.. Distinct(stage.RddInfos).OrderBy(r => r.Id)];
        var inStage = rdds.Select(r => r.Id).ToHashSet();
        Dictionary<int, int> depth = Depths(rdds, inStage);
        var levels = rdds.GroupBy(r => depth[r.Id]).OrderBy(g => g.Key).Select(g => g.ToList()).ToList();
        int widest = Math.Max(1, levels.Select(l => l.Count).DefaultIfEmpty(1).Max());
        int width = widest * (NodeWidth + NodeGap) - NodeGap + 2 * Padding;
        int height = Header + Padding + Math.Max(1, levels.Count) * (NodeHeight + RowGap) - RowGap + Padding;
        var nodes = new Dictionary<int, (int X, int Y)>();
        for (int level = 0; level < levels.Count; level++)
        {
            List<RddInfo> row = levels[level];
            int rowWidth = row.Count * (NodeWidth + NodeGap) - NodeGap;
            int left = (width - rowWidth) / 2;
            for (int i = 0; i < row.Count; i++)
                nodes[row[i].Id] = (left + i * (NodeWidth + NodeGap), Header + Padding + level * (NodeHeight + RowGap));
        }
        return new StageLayout(width, height, nodes);
    }

    /// <summary>Each dataset's row: one below its lowest parent in the stage (longest path, Kahn's order). Ids do not
    /// give the order: a dataset may create its parent lazily, after itself.</summary>
    private static Dictionary<int, int> Depths(List<RddInfo> rdds, HashSet<int> inStage)
    {
        var children = rdds.ToDictionary(r => r.Id, _ => new List<int>());
        var waiting = new Dictionary<int, int>();
        foreach (RddInfo rdd in rdds)
        {
            int[] parents = [.. rdd.ParentIds.Where(inStage.Contains).Distinct()];
            waiting[rdd.Id] = parents.Length;
            foreach (int parent in parents) children[parent].Add(rdd.Id);
        }
        var depth = rdds.ToDictionary(r => r.Id, _ => 0);
        var ready = new Queue<int>(rdds.Where(r => waiting[r.Id] == 0).Select(r => r.Id));
        while (ready.TryDequeue(out int id))
        {
            foreach (int child in children[id])
            {
                depth[child] = Math.Max(depth[child], depth[id] + 1);
                if (--waiting[child] == 0) ready.Enqueue(child);
            }
        }
        return depth;
    }

    private static void AppendCluster(StringBuilder svg, StageSnapshot stage, (int X, int Y) at, StageLayout layout,
        Func<int, int, string>? stageUrl)
    {
        (string fill, string stroke, string dash, string note) = stage.Status switch
        {
            StageStatus.Active => ("#eef6ff", "#2d7dd2", "", " (running)"),
            StageStatus.Complete => ("#f3f8f1", "#5b8c47", "", ""),
            StageStatus.Failed => ("#fdf0ef", "#c0392b", "", " (failed)"),
            StageStatus.Pending => ("#fafafa", "#9aa5b1", "6 4", " (pending)"),
            _ => ("#f4f4f4", "#b5b5b5", "6 4", " (skipped)"),
        };
        string title = $"Stage {stage.StageId}{note}";
        string dashAttribute = dash.Length > 0 ? $" stroke-dasharray=\"{dash}\"" : "";
        svg.Append(Html.Of($"<g class=\"stage stage-{stage.Status.ToString().ToLowerInvariant()}\" data-stage-id=\"{stage.StageId}\">"));
        svg.Append(Html.Of($"<rect x=\"{at.X}\" y=\"{at.Y}\" width=\"{layout.Width}\" height=\"{layout.Height}\" rx=\"8\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"1.5\""));
        svg.Append(dashAttribute).Append("/>");
        Html label = Html.Of($"<text x=\"{at.X + 10}\" y=\"{at.Y + 18}\" font-size=\"13\" font-weight=\"bold\" fill=\"#333\">{title}</text>");
        bool linked = stageUrl is not null && stage.Status is not (StageStatus.Skipped or StageStatus.Pending);
        svg.Append(linked ? Html.Of($"<a href=\"{stageUrl!(stage.StageId, stage.AttemptId)}\">{label}</a>") : label);
        svg.Append("</g>");
    }

    private static void AppendNode(StringBuilder svg, RddInfo rdd, (int X, int Y) at, bool isCached)
    {
        string name = Clean($"{rdd.Name} [{rdd.Id}]");
        string site = Clean(rdd.CreationSite);
        string tooltip = name + (site.Length > 0 ? "\n" + site : "") + (isCached ? "\n(cached)" : "");
        string cssClass = isCached ? "rdd cached" : "rdd";
        svg.Append(Html.Of($"<g class=\"{cssClass}\" data-rdd-id=\"{rdd.Id}\"><title>{tooltip}</title>"));
        svg.Append(Html.Of($"<rect x=\"{at.X}\" y=\"{at.Y}\" width=\"{NodeWidth}\" height=\"{NodeHeight}\" rx=\"6\" fill=\"#ffffff\" stroke=\"#6b8fb3\"/>"));
        if (isCached)
            svg.Append(Html.Of($"<circle cx=\"{at.X + NodeWidth - 9}\" cy=\"{at.Y + 9}\" r=\"5\" fill=\"#3cb043\" stroke=\"#2b7a30\"/>"));
        svg.Append(Html.Of($"<text x=\"{at.X + NodeWidth / 2}\" y=\"{at.Y + 17}\" font-size=\"12\" text-anchor=\"middle\" fill=\"#1f2d3a\">{Shorten(name)}</text>"));
        if (site.Length > 0)
            svg.Append(Html.Of($"<text x=\"{at.X + NodeWidth / 2}\" y=\"{at.Y + 33}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#6c7a89\">{Shorten(site)}</text>"));
        svg.Append("</g>");
    }

    private static void AppendEdges(StringBuilder svg, List<StageSnapshot> clusters, Dictionary<(int Stage, int Rdd), (int X, int Y)> nodes)
    {
        svg.Append("<g class=\"edges\" fill=\"none\" stroke=\"#4a5560\" stroke-width=\"1.3\">");
        foreach (StageSnapshot stage in clusters)
        {
            var inStage = stage.RddInfos.Select(r => r.Id).ToHashSet();
            foreach (RddInfo rdd in Distinct(stage.RddInfos))
            {
                (int cx, int cy) = nodes[(stage.StageId, rdd.Id)];
                foreach (int parent in rdd.ParentIds.Distinct())
                {
                    if (inStage.Contains(parent))
                    {
                        (int px, int py) = nodes[(stage.StageId, parent)];
                        AppendPath(svg, px + NodeWidth / 2, py + NodeHeight, cx + NodeWidth / 2, cy, vertical: true, "narrow");
                        continue;
                    }
                    // A shuffle edge: from wherever the parent dataset was computed among the drawn stages.
                    foreach (StageSnapshot from in clusters)
                    {
                        if (from.StageId == stage.StageId || !nodes.TryGetValue((from.StageId, parent), out var p)) continue;
                        // Into the top of the reader, arching over its row, so the edge never runs behind a sibling.
                        AppendPath(svg, p.X + NodeWidth, p.Y + NodeHeight / 2, cx + NodeWidth / 2, cy, vertical: false, "shuffle");
                    }
                }
            }
        }
        svg.Append("</g>");
    }

    private static void AppendPath(StringBuilder svg, int x1, int y1, int x2, int y2, bool vertical, string kind)
    {
        string d = vertical
            ? FormattableString.Invariant($"M {x1} {y1} L {x2} {y2}")
            : FormattableString.Invariant($"M {x1} {y1} C {x1 + 40} {y2 - RowGap - 10}, {x2} {y2 - RowGap - 10}, {x2} {y2}");
        svg.Append(CultureInfo.InvariantCulture, $"<path class=\"edge {kind}\" d=\"{d}\" marker-end=\"url(#arrow)\"/>");
    }

    private static string Shorten(string text)
    {
        if (text.Length <= MaxLabel) return text;
        int cut = char.IsHighSurrogate(text[MaxLabel - 2]) ? MaxLabel - 2 : MaxLabel - 1; // never split a pair
        return text[..cut] + "…";
    }

    // XML 1.0 forbids most control characters even as references: a name holding one would break the .svg file.
    private static string Clean(string text) =>
        string.Create(text.Length, text, (span, source) =>
        {
            for (int i = 0; i < source.Length; i++)
                span[i] = char.IsControl(source[i]) && source[i] is not ('\n' or '\t') ? '\uFFFD' : source[i];
        });
}
