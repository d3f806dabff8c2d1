using MiniSpark.Shuffle;

namespace MiniSpark;

/// <summary>Any child partition may read any parent partition: a stage boundary.</summary>
/// <remarks>
/// The map side of the shuffle runs as its own stage; its outputs are registered per shuffle id and
/// reused by later jobs until the dependency is no longer referenced.
/// </remarks>
public abstract class ShuffleDependency : Dependency
{
    private protected ShuffleDependency(Rdd rdd, Partitioner partitioner) : base(rdd)
    {
        ArgumentNullException.ThrowIfNull(partitioner);
        Partitioner = partitioner;
        ShuffleId = rdd.Context.NewShuffleId();
        rdd.Context.Cleaner.RegisterShuffle(this);
    }

    /// <summary>Identifies this shuffle within its context.</summary>
    public int ShuffleId { get; }

    /// <summary>Decides which reduce partition each key goes to.</summary>
    public Partitioner Partitioner { get; }

    /// <summary>Whether values are combined per key before the shuffle (map-side combine).</summary>
    public abstract bool MapSideCombine { get; }

    /// <summary>Runs the map side for one parent partition and returns its per-reducer output.</summary>
    internal abstract MapOutput WriteMapOutput(Partition partition, TaskContext context);
}
