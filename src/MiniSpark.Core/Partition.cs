namespace MiniSpark;

/// <summary>One slice of a dataset: the unit a task computes.</summary>
/// <remarks>Datasets that need more than an index (a file range, parent partitions) subclass it.</remarks>
public class Partition
{
    /// <summary>Creates the partition at <paramref name="index"/> of its dataset.</summary>
    public Partition(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        Index = index;
    }

    /// <summary>Position of this partition within its dataset, from 0.</summary>
    public int Index { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{GetType().Name}({Index})";
}
