using MiniSpark.Input;

namespace MiniSpark.Rdds;

/// <summary>The lines of text files, one partition per byte range (split) of a file.</summary>
internal sealed class TextFileRdd(SparkContext context, IReadOnlyList<FileInfo> files, int minPartitions) : Rdd<string>(context)
{
    protected override Partition[] GetPartitionsCore()
    {
        IReadOnlyList<FileSplit> splits = FileSplits.Plan(files, minPartitions);
        var partitions = new Partition[splits.Count];
        for (int i = 0; i < partitions.Length; i++) partitions[i] = new SplitPartition(i, splits[i]);
        return partitions;
    }

    protected override IReadOnlyList<Dependency> GetDependenciesCore() => [];

    protected internal override IEnumerable<string> Compute(Partition split, TaskContext context) =>
        Counted(LineReader.ReadLines(((SplitPartition)split).Split, context.CancellationToken), context);

    private static IEnumerable<string> Counted(IEnumerable<string> lines, TaskContext context)
    {
        long count = 0;
        try
        {
            foreach (string line in lines)
            {
                count++;
                yield return line;
            }
        }
        finally
        {
            context.Metrics.AddRecordsRead(count);
        }
    }

    private sealed class SplitPartition(int index, FileSplit split) : Partition(index)
    {
        public FileSplit Split { get; } = split;

        public override string ToString() => $"{Split.Path} [{Split.Start}, {Split.End})";
    }
}

/// <summary>Whole files as <c>(path, content)</c> records, files grouped into partitions balanced by size.</summary>
internal sealed class WholeTextFilesRdd(SparkContext context, IReadOnlyList<FileInfo> files, int minPartitions)
    : Rdd<(string Path, string Content)>(context)
{
    protected override Partition[] GetPartitionsCore()
    {
        IReadOnlyList<IReadOnlyList<FileInfo>> groups = WholeFileGroups.Plan(files, minPartitions);
        var partitions = new Partition[groups.Count];
        for (int i = 0; i < partitions.Length; i++) partitions[i] = new FilesPartition(i, groups[i]);
        return partitions;
    }

    protected override IReadOnlyList<Dependency> GetDependenciesCore() => [];

    protected internal override IEnumerable<(string Path, string Content)> Compute(Partition split, TaskContext context) =>
        Read(((FilesPartition)split).Files, context);

    private static IEnumerable<(string, string)> Read(IReadOnlyList<FileInfo> files, TaskContext context)
    {
        foreach (FileInfo file in files)
        {
            context.ThrowIfCancellationRequested();
            string content = WholeFileGroups.ReadAll(file);
            context.Metrics.AddRecordsRead(1);
            yield return (file.FullName, content);
        }
    }

    private sealed class FilesPartition(int index, IReadOnlyList<FileInfo> files) : Partition(index)
    {
        public IReadOnlyList<FileInfo> Files { get; } = files;
    }
}
