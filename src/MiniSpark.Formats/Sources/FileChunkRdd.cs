using MiniSpark.Rdds;

namespace MiniSpark.Formats.Sources;

/// <summary>A dataset read from files in chunks (Parquet row groups, Arrow record batches): one partition per chunk or
/// per group of consecutive chunks of one file, planned when the partitions are first needed.</summary>
internal sealed class FileChunkRdd<T>(
    SparkContext context,
    IReadOnlyList<FileInfo> files,
    Func<string, IReadOnlyList<FileChunk>> planFile,
    Func<string, IReadOnlyList<int>, IEnumerable<T>> readChunks) : Rdd<T>(context)
{
    protected override Partition[] GetPartitionsCore()
    {
        // Chunks are grouped until a partition holds about this many bytes (like TextFile's split size).
        long targetBytes = Context.Conf.GetBytes(ConfigKeys.FilesMaxPartitionBytes, 32L * 1024 * 1024);
        var partitions = new List<Partition>();
        foreach (FileInfo file in files)
        {
            var group = new List<int>();
            long bytes = 0;
            foreach (FileChunk chunk in planFile(file.FullName))
            {
                if (group.Count > 0 && bytes + chunk.Bytes > targetBytes)
                {
                    partitions.Add(new ChunkPartition(partitions.Count, file.FullName, [.. group]));
                    group.Clear();
                    bytes = 0;
                }
                group.Add(chunk.Index);
                bytes += chunk.Bytes;
            }
            if (group.Count > 0) partitions.Add(new ChunkPartition(partitions.Count, file.FullName, [.. group]));
        }
        return [.. partitions];
    }

    protected override IReadOnlyList<Dependency> GetDependenciesCore() => [];

    protected internal override IEnumerable<T> Compute(Partition split, TaskContext context)
    {
        var chunk = (ChunkPartition)split;
        return Iterators.CountedAsRead(readChunks(chunk.Path, chunk.Chunks), context);
    }

    private sealed class ChunkPartition(int index, string path, int[] chunks) : Partition(index)
    {
        public string Path { get; } = path;
        public int[] Chunks { get; } = chunks;

        public override string ToString() => $"{Path} chunks [{string.Join(", ", Chunks)}]";
    }
}

/// <summary>One independently readable piece of a file and its size in bytes.</summary>
internal readonly record struct FileChunk(int Index, long Bytes);
