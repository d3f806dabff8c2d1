namespace MiniSpark;

/// <summary>An edge of the lineage graph: how a dataset reads its parent <see cref="Rdd"/>.</summary>
public abstract class Dependency
{
    /// <summary>Creates an edge to <paramref name="rdd"/>.</summary>
    protected Dependency(Rdd rdd)
    {
        ArgumentNullException.ThrowIfNull(rdd);
        Rdd = rdd;
    }

    /// <summary>The parent dataset.</summary>
    public Rdd Rdd { get; }
}

/// <summary>Each child partition reads known parent partitions: pipelined in one task.</summary>
public abstract class NarrowDependency : Dependency
{
    /// <summary>Creates a narrow edge to <paramref name="rdd"/>.</summary>
    protected NarrowDependency(Rdd rdd) : base(rdd) { }

    /// <summary>The parent partitions that child partition <paramref name="childPartition"/> reads.</summary>
    public abstract IReadOnlyList<int> GetParentPartitions(int childPartition);
}

/// <summary>Child partition <c>i</c> reads exactly parent partition <c>i</c>.</summary>
public sealed class OneToOneDependency : NarrowDependency
{
    /// <summary>Creates a one-to-one edge to <paramref name="rdd"/>.</summary>
    public OneToOneDependency(Rdd rdd) : base(rdd) { }

    /// <inheritdoc/>
    public override IReadOnlyList<int> GetParentPartitions(int childPartition) => [childPartition];
}

/// <summary>A contiguous range of child partitions maps one-to-one onto a range of the parent's (used by union).</summary>
public sealed class RangeDependency : NarrowDependency
{
    private readonly int _inStart;
    private readonly int _outStart;
    private readonly int _length;

    /// <summary>Child partitions <c>[outStart, outStart + length)</c> read parent partitions <c>[inStart, inStart + length)</c>.</summary>
    public RangeDependency(Rdd rdd, int inStart, int outStart, int length) : base(rdd)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inStart);
        ArgumentOutOfRangeException.ThrowIfNegative(outStart);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        (_inStart, _outStart, _length) = (inStart, outStart, length);
    }

    /// <inheritdoc/>
    public override IReadOnlyList<int> GetParentPartitions(int childPartition) =>
        childPartition >= _outStart && childPartition < _outStart + _length
            ? [childPartition - _outStart + _inStart]
            : [];
}
