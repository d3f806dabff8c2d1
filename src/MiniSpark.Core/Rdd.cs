using System.Text;
using MiniSpark.Checkpointing;

namespace MiniSpark;

/// <summary>The untyped face of a dataset: identity, partitions and lineage, for walking the graph.</summary>
/// <remarks>
/// <para>A dataset is immutable and lazy: transformations only record how to compute it from its parents
/// (its <see cref="Dependencies"/>); an action on <see cref="Rdd{T}"/> runs a job.</para>
/// <para>Partitions and dependencies are computed once, on first use, and then fixed.</para>
/// </remarks>
public abstract class Rdd
{
    private Partition[]? _partitions;
    private volatile IReadOnlyList<Dependency>? _dependencies;
    private volatile CheckpointState? _checkpoint;

    private protected Rdd(SparkContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.ThrowIfStopped();
        Context = context;
        Id = context.NewRddId();
    }

    /// <summary>Unique id of this dataset within its context.</summary>
    public int Id { get; }

    /// <summary>The context this dataset belongs to.</summary>
    public SparkContext Context { get; }

    /// <summary>How this dataset's partitions are kept once computed (<see cref="StorageLevel.None"/> unless persisted).</summary>
    public StorageLevel StorageLevel { get; private protected set; } = StorageLevel.None;

    /// <summary>A name for display in lineage strings and the UI; null until set.</summary>
    public string? Name { get; private set; }

    /// <summary>The operator that created this dataset (for lineage strings and the UI).</summary>
    public string CreationSite { get; private protected set; } = "";

    /// <summary>Number of partitions (tasks a stage over this dataset runs).</summary>
    public int NumPartitions => Partitions.Count;

    /// <summary>This dataset's partitions, in index order.</summary>
    public IReadOnlyList<Partition> Partitions => _partitions ??= CheckedPartitions();

    /// <summary>The edges to this dataset's parents; after a checkpoint, only the edge to the checkpoint files.</summary>
    public IReadOnlyList<Dependency> Dependencies => _dependencies ??= _checkpoint?.CheckpointRdd is { } files
        ? [new OneToOneDependency(files)]
        : GetDependenciesCore();

    /// <summary>Whether the dataset was checkpointed: its partitions are read from checkpoint files and its lineage is cut.</summary>
    public bool IsCheckpointed => _checkpoint?.IsMaterialized == true;

    /// <summary>The folder of this dataset's checkpoint files, once <see cref="IsCheckpointed"/>; null before.</summary>
    public string? CheckpointFile => IsCheckpointed ? _checkpoint!.Directory : null;

    internal CheckpointState? Checkpointing => _checkpoint;

    /// <summary>Marks this dataset for checkpointing: after the next job that computes it, each partition is written to
    /// the context's checkpoint directory (with checksums) and the lineage is cut, so later jobs read the files.</summary>
    /// <remarks>As in Spark, call this before any job runs on the dataset, and cache the dataset when it is expensive:
    /// writing the checkpoint runs one more job that computes it again.</remarks>
    /// <exception cref="InvalidOperationException">No checkpoint directory was set with <see cref="SparkContext.SetCheckpointDir"/>.</exception>
    public void Checkpoint()
    {
        string root = Context.CheckpointDirectory ?? throw new InvalidOperationException(
            $"{this} cannot be checkpointed: the checkpoint directory has not been set; call SparkContext.SetCheckpointDir(path) first.");
        _checkpoint ??= new CheckpointState(Path.Combine(root, $"rdd-{Id}"));
    }

    /// <summary>Cuts the lineage once checkpoint files exist: later jobs read them through <see cref="Dependencies"/>.</summary>
    internal void MarkCheckpointed(Rdd files)
    {
        _checkpoint!.CheckpointRdd = files;
        _dependencies = null;
        ClearDependencies();
    }

    /// <summary>Runs the job that writes this dataset's checkpoint files, then cuts the lineage.</summary>
    internal abstract ValueTask WriteCheckpointAsync(bool sync, CancellationToken cancellationToken);

    /// <summary>Called when the lineage is cut: drop references to parents so they (and their shuffle outputs) can be freed.</summary>
    protected virtual void ClearDependencies() { }

    /// <summary>How keys are placed across partitions, when known; null otherwise.</summary>
    public virtual Partitioner? Partitioner => null;

    /// <summary>Sets the display <see cref="Name"/>; returns this dataset.</summary>
    public Rdd SetName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
        return this;
    }

    /// <summary>Computes this dataset's partitions; called once.</summary>
    protected abstract Partition[] GetPartitionsCore();

    /// <summary>Computes this dataset's dependencies; called once.</summary>
    protected abstract IReadOnlyList<Dependency> GetDependenciesCore();

    private Partition[] CheckedPartitions()
    {
        Partition[] partitions = GetPartitionsCore();
        for (int i = 0; i < partitions.Length; i++)
        {
            if (partitions[i].Index != i)
                throw new InvalidOperationException(
                    $"{this}: partition at position {i} has index {partitions[i].Index}; partitions must be numbered 0..{partitions.Length - 1} in order.");
        }
        return partitions;
    }

    /// <summary>The lineage, one line per dataset; shuffle boundaries are indented, as in Spark.</summary>
    /// <example><code>
    /// (2) ShuffledRdd[3] at ReduceByKey []
    ///  +-(2) MapPartitionsRdd[2] at Map []
    ///     |  ParallelCollectionRdd[1] at Parallelize []
    /// </code></example>
    public string ToDebugString()
    {
        var lines = new List<string>();
        string partitionText = $"({NumPartitions})";
        int leftOffset = (partitionText.Length - 1) / 2;
        string firstPrefix = new string(' ', leftOffset) + "|" + new string(' ', partitionText.Length - leftOffset);
        lines.Add($"{partitionText} {DescribeSelf()}");

        // An explicit stack rather than recursion: iterative algorithms build lineages thousands deep.
        var pending = new Stack<(Rdd Rdd, string Prefix, bool IsShuffle, bool IsLastChild)>();
        PushChildren(pending, this, firstPrefix);
        while (pending.TryPop(out var item))
        {
            if (item.IsShuffle)
            {
                string childPartitions = $"({item.Rdd.NumPartitions})";
                int offset = (childPartitions.Length - 1) / 2;
                string thisPrefix = TrimTrailingBar(item.Prefix);
                string nextPrefix = thisPrefix + (item.IsLastChild ? "  " : "| ") + new string(' ', offset) + "|" +
                    new string(' ', childPartitions.Length - offset);
                lines.Add($"{thisPrefix}+-{childPartitions} {item.Rdd.DescribeSelf()}");
                PushChildren(pending, item.Rdd, nextPrefix);
            }
            else
            {
                lines.Add(item.Prefix + item.Rdd.DescribeSelf());
                PushChildren(pending, item.Rdd, item.Prefix);
            }
        }
        return string.Join(Environment.NewLine, lines);
    }

    private static void PushChildren(Stack<(Rdd, string, bool, bool)> pending, Rdd rdd, string prefix)
    {
        IReadOnlyList<Dependency> dependencies = rdd.Dependencies;
        // Pushed in reverse so the first dependency is printed first.
        for (int i = dependencies.Count - 1; i >= 0; i--)
        {
            Dependency dependency = dependencies[i];
            // Like Spark: narrow parents continue the same column; a shuffle parent opens an indented branch.
            pending.Push((dependency.Rdd, prefix, dependency is ShuffleDependency, i == dependencies.Count - 1));
        }
    }

    private static string TrimTrailingBar(string prefix)
    {
        int end = prefix.Length;
        while (end > 0 && prefix[end - 1] == ' ') end--;
        if (end > 0 && prefix[end - 1] == '|') return prefix[..(end - 1)];
        return prefix;
    }

    private string StorageDescription => StorageLevel.Description;

    private string DescribeSelf() => $"{this} [{StorageDescription}]";

    /// <summary>Like Spark: the optional name, the dataset's type, its id and the operator that made it.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (Name is not null) text.Append(Name).Append(' ');
        string typeName = GetType().Name;
        int tick = typeName.IndexOf('`');
        text.Append(tick < 0 ? typeName : typeName[..tick]).Append('[').Append(Id).Append(']');
        if (CreationSite.Length > 0) text.Append(" at ").Append(CreationSite);
        return text.ToString();
    }
}
