using System.Text;

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
    private IReadOnlyList<Dependency>? _dependencies;

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

    /// <summary>A name for display in lineage strings and the UI; null until set.</summary>
    public string? Name { get; private set; }

    /// <summary>The operator that created this dataset (for lineage strings and the UI).</summary>
    public string CreationSite { get; private protected set; } = "";

    /// <summary>Number of partitions (tasks a stage over this dataset runs).</summary>
    public int NumPartitions => Partitions.Count;

    /// <summary>This dataset's partitions, in index order.</summary>
    public IReadOnlyList<Partition> Partitions => _partitions ??= CheckedPartitions();

    /// <summary>The edges to this dataset's parents.</summary>
    public IReadOnlyList<Dependency> Dependencies => _dependencies ??= GetDependenciesCore();

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

    private protected virtual string StorageDescription => "";

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
