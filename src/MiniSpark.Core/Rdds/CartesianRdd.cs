namespace MiniSpark.Rdds;

/// <summary>Every pair of a record of the left dataset with a record of the right: partition <c>i·m + j</c> pairs left
/// partition <c>i</c> with right partition <c>j</c> (<c>m</c> right partitions), as in Spark.</summary>
internal sealed class CartesianRdd<T, U>(Rdd<T> left, Rdd<U> right) : Rdd<(T, U)>(left.Context)
{
    protected override Partition[] GetPartitionsCore()
    {
        int leftCount = left.NumPartitions, rightCount = right.NumPartitions;
        long total = (long)leftCount * rightCount;
        if (total > Array.MaxLength)
            throw new InvalidOperationException($"Cartesian of {left} and {right} would have {total} partitions, too many.");
        var partitions = new Partition[total];
        for (int i = 0; i < leftCount; i++)
        {
            for (int j = 0; j < rightCount; j++)
            {
                int index = i * rightCount + j;
                partitions[index] = new CartesianPartition(index, i, j);
            }
        }
        return partitions;
    }

    protected override IReadOnlyList<Dependency> GetDependenciesCore() =>
    [
        new PartitionMapDependency(left, child => [child / right.NumPartitions]),
        new PartitionMapDependency(right, child => [child % right.NumPartitions]),
    ];

    protected internal override IEnumerable<(T, U)> Compute(Partition split, TaskContext context)
    {
        var pair = (CartesianPartition)split;
        // Spark re-reads the right partition for every left record; buffering it once trades that recomputation
        // for memory. It is read only when the left partition has a record.
        U[]? rightRecords = null;
        foreach (T x in left.Iterator(left.Partitions[pair.LeftIndex], context))
        {
            rightRecords ??= [.. right.Iterator(right.Partitions[pair.RightIndex], context)];
            foreach (U y in rightRecords) yield return (x, y);
        }
    }

    private sealed class CartesianPartition(int index, int leftIndex, int rightIndex) : Partition(index)
    {
        public int LeftIndex { get; } = leftIndex;
        public int RightIndex { get; } = rightIndex;
    }
}
