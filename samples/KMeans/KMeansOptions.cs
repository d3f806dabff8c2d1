namespace MiniSpark.Samples.KMeans;

/// <summary>How the first centers are chosen.</summary>
public enum KMeansInitMode
{
    /// <summary>k-means|| (Bahmani et al.), Spark MLlib's default: a few rounds of oversampling in parallel,
    /// then weighted k-means++ on the candidates, locally.</summary>
    Parallel,

    /// <summary>k-means++ (Arthur and Vassilvitskii) on a uniform sample of the points, locally.</summary>
    PlusPlus,
}

/// <summary>Settings of one k-means run; the defaults are the command line's.</summary>
public sealed record KMeansOptions
{
    /// <summary>Generated points (ignored with <see cref="Input"/>).</summary>
    public int Points { get; init; } = 200_000;

    /// <summary>Clusters to find (and blobs to generate).</summary>
    public int K { get; init; } = 5;

    /// <summary>Lloyd iterations; every one is run (no early stop), so the output has this many cost lines.</summary>
    public int Iterations { get; init; } = 10;

    /// <summary>Seeds the generated data and every random choice of the initialisation.</summary>
    public long Seed { get; init; } = 42;

    /// <summary>How the first centers are chosen.</summary>
    public KMeansInitMode Init { get; init; } = KMeansInitMode.Parallel;

    /// <summary>A CSV file (or directory, or glob) of points, one per line, comma-separated; null to generate points.</summary>
    public string? Input { get; init; }

    /// <summary>Coordinates per generated point.</summary>
    public int Dimensions { get; init; } = 2;

    /// <summary>Partitions of the points. Fixed rather than the machine's core count, so results are the same everywhere.</summary>
    public int Partitions { get; init; } = 8;

    /// <summary>Oversampling rounds of k-means|| (Spark's <c>initializationSteps</c>).</summary>
    public int InitSteps { get; init; } = 2;

    /// <summary>The master URL of the context the job creates.</summary>
    public string Master { get; init; } = "local[*]";

    /// <summary>Whether the context shows its console progress bar (on standard error).</summary>
    public bool ShowProgress { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        Positive(Points, nameof(Points));
        Positive(K, nameof(K));
        ArgumentOutOfRangeException.ThrowIfNegative(Iterations, nameof(Iterations));
        Positive(Dimensions, nameof(Dimensions));
        Positive(Partitions, nameof(Partitions));
        ArgumentOutOfRangeException.ThrowIfNegative(InitSteps, nameof(InitSteps));
        ArgumentException.ThrowIfNullOrWhiteSpace(Master, nameof(Master));
        if (!Enum.IsDefined(Init)) throw new ArgumentOutOfRangeException(nameof(Init), Init, "Unknown initialisation mode.");
    }

    private static void Positive(int value, string name) => ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, name);
}
