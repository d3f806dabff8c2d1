namespace MiniSpark.Samples.PageRank;

/// <summary>Settings of one PageRank run; the defaults are the command line's.</summary>
public sealed record PageRankOptions
{
    /// <summary>Pages of the generated graph.</summary>
    public int Pages { get; init; } = 10_000;

    /// <summary>Links drawn per page (duplicates and self-links are dropped, so a page may end with fewer).</summary>
    public int LinksPerPage { get; init; } = 10;

    /// <summary>Power iterations.</summary>
    public int Iterations { get; init; } = 20;

    /// <summary>Seeds the graph.</summary>
    public long Seed { get; init; } = 42;

    /// <summary>Partitions of the links and ranks (one <see cref="HashPartitioner"/> for both).</summary>
    public int Partitions { get; init; } = 8;

    /// <summary>The ranks are checkpointed every this many iterations, so the lineage stays short.</summary>
    public int CheckpointInterval { get; init; } = 10;

    /// <summary>How many of the best-ranked pages to print.</summary>
    public int Top { get; init; } = 10;

    /// <summary>The master URL of the context the job creates.</summary>
    public string Master { get; init; } = "local[*]";

    /// <summary>Whether the context shows its console progress bar (on standard error).</summary>
    public bool ShowProgress { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Pages, 2, nameof(Pages));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(LinksPerPage, nameof(LinksPerPage));
        ArgumentOutOfRangeException.ThrowIfNegative(Iterations, nameof(Iterations));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Partitions, nameof(Partitions));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(CheckpointInterval, nameof(CheckpointInterval));
        ArgumentOutOfRangeException.ThrowIfNegative(Top, nameof(Top));
        ArgumentException.ThrowIfNullOrWhiteSpace(Master, nameof(Master));
    }
}
