using MiniSpark.Rdds;
using MiniSpark.Input;

namespace MiniSpark.Formats.Reading;

/// <summary>The records of files, one partition per planned <see cref="FileSplit"/>, read by a format's
/// <see cref="IFileRecordReader{T}"/>: the dataset every file reader (text-based or columnar) builds on.</summary>
internal sealed class FileSourceRdd<T>(SparkContext context, IReadOnlyList<FileSplit> splits, IFileRecordReader<T> reader)
    : Rdd<T>(context)
{
    protected override Partition[] GetPartitionsCore()
    {
        var partitions = new Partition[splits.Count];
        for (int i = 0; i < partitions.Length; i++) partitions[i] = new SplitPartition(i, splits[i]);
        return partitions;
    }

    protected override IReadOnlyList<Dependency> GetDependenciesCore() => [];

    protected internal override IEnumerable<T> Compute(Partition split, TaskContext context) =>
        Iterators.CountedAsRead(reader.Read(((SplitPartition)split).Split, context), context);

    private sealed class SplitPartition(int index, FileSplit split) : Partition(index)
    {
        public FileSplit Split { get; } = split;

        public override string ToString() => $"{Split.Path} [{Split.Start}, {Split.End})";
    }
}
