namespace MiniSpark.Samples.PageRank;

/// <summary>A random web graph from a seed: every page links to <see cref="PageRankOptions.LinksPerPage"/> pages
/// drawn with a heavy skew towards low page numbers, so in-degrees follow a power law (a few pages are linked from
/// almost everywhere, most from almost nowhere).</summary>
public static class PageRankGraph
{
    /// <summary>The links as (page, target) pairs, in page order; may hold duplicates, never self-links.</summary>
    public static (int Page, int Target)[] Generate(PageRankOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var random = new Random(unchecked((int)options.Seed ^ (int)(options.Seed >> 32)));
        var links = new List<(int, int)>(options.Pages * options.LinksPerPage);
        for (int page = 0; page < options.Pages; page++)
        {
            for (int l = 0; l < options.LinksPerPage; l++)
            {
                // P(target < x) = (x / pages)^(1/3): popularity falls off as a power of the page number.
                int target = Math.Min((int)(options.Pages * Math.Pow(random.NextDouble(), 3)), options.Pages - 1);
                if (target != page) links.Add((page, target));
            }
        }
        return [.. links];
    }
}
