namespace MiniSpark.Rdds;

/// <summary>Pairs the i-th record of one dataset with the i-th record of another, partition by partition.</summary>
/// <remarks>Both sides must have the same number of partitions (checked by Zip) and the same number of records in
/// each partition (checked while reading, since counts are unknown until then).</remarks>
internal sealed class ZippedPartitionsRdd<T, U>(Rdd<T> left, Rdd<U> right) : Rdd<(T, U)>(left.Context)
{
    protected override Partition[] GetPartitionsCore()
    {
        var partitions = new Partition[left.NumPartitions];
        for (int i = 0; i < partitions.Length; i++) partitions[i] = new Partition(i);
        return partitions;
    }

    protected override IReadOnlyList<Dependency> GetDependenciesCore() => [new OneToOneDependency(left), new OneToOneDependency(right)];

    protected internal override IEnumerable<(T, U)> Compute(Partition split, TaskContext context)
    {
        int index = split.Index;
        using IEnumerator<T> l = left.Iterator(left.Partitions[index], context).GetEnumerator();
        using IEnumerator<U> r = right.Iterator(right.Partitions[index], context).GetEnumerator();
        long position = 0;
        while (true)
        {
            bool hasLeft = l.MoveNext();
            bool hasRight = r.MoveNext();
            if (hasLeft != hasRight)
            {
                throw new InvalidOperationException(
                    $"Zip needs the same number of records in each partition, but in partition {index} " +
                    $"{(hasLeft ? right : left)} has {position} records and {(hasLeft ? left : right)} has more.");
            }
            if (!hasLeft) yield break;
            position++;
            yield return (l.Current, r.Current);
        }
    }
}
