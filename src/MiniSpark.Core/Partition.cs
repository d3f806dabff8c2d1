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

    /// <summary>Plain partitions <c>0 .. count-1</c>, for datasets whose partitions carry nothing but their index.</summary>
    internal static Partition[] Indexed(int count)
    {
        var partitions = new Partition[count];
        for (int i = 0; i < count; i++) partitions[i] = new Partition(i);
        return partitions;
    }
}
