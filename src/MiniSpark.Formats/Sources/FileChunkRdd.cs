using MiniSpark.Rdds;

namespace MiniSpark.Formats.Sources;

/// <summary>A dataset read from files in chunks (Parquet row groups, Arrow record batches): one partition per chunk or
/// per run of consecutive chunks of one file, planned when the partitions are first needed.</summary>
/// <remarks>
/// Partitions hold at most <c>spark.files.maxPartitionBytes</c> each, and there are at least as many as the context has
/// slots, rounded up to a multiple of the slots: one large file of equal row groups then spreads evenly over the
/// slots instead of leaving one slot to read the last partition alone. Each file gets its share of the partitions by
/// bytes and is cut where its running byte count crosses an equal share.
/// </remarks>
internal sealed class FileChunkRdd<T>(
    SparkContext context,
    IReadOnlyList<FileInfo> files,
    Func<string, IReadOnlyList<FileChunk>> planFile,
    Func<string, IReadOnlyList<int>, IEnumerable<T>> readChunks) : Rdd<T>(context)
{
    protected override Partition[] GetPartitionsCore()
    {
        long maxBytes = Math.Max(1, Context.Conf.GetBytes(ConfigKeys.FilesMaxPartitionBytes, 32L * 1024 * 1024));
        (string Path, IReadOnlyList<FileChunk> Chunks, long Bytes)[] plans =
            [.. files.Select(f => planFile(f.FullName)).Zip(files, (chunks, f) => (f.FullName, chunks, chunks.Sum(c => Math.Max(c.Bytes, 1))))];
        long totalBytes = plans.Sum(p => p.Bytes);
        int slots = Math.Max(1, Context.DefaultParallelism);
        long wanted = Math.Max((totalBytes + maxBytes - 1) / maxBytes, slots);
        wanted = (wanted + slots - 1) / slots * slots;
        var partitions = new List<Partition>();
        foreach ((string path, IReadOnlyList<FileChunk> chunks, long bytes) in plans)
        {
            if (chunks.Count == 0) continue;
            // This file's share of the partitions, never more than its chunks and never fewer than its size needs.
            long share = Math.Max((long)Math.Round((double)wanted * bytes / totalBytes), (bytes + maxBytes - 1) / maxBytes);
            share = Math.Clamp(share, 1, chunks.Count);
            var group = new List<int>();
            long before = 0;
            long slice = 0;
            for (int i = 0; i < chunks.Count; i++)
            {
                // A chunk joins the slice its first byte falls in, of `share` equal slices of the file; with as many
                // slices as chunks, each chunk is its own.
                long target = share == chunks.Count ? i : Math.Min(share - 1, (long)((double)before * share / bytes));
                if (target != slice && group.Count > 0)
                {
                    partitions.Add(new ChunkPartition(partitions.Count, path, [.. group]));
                    group.Clear();
                }
                slice = target;
                group.Add(chunks[i].Index);
                before += Math.Max(chunks[i].Bytes, 1);
            }
            partitions.Add(new ChunkPartition(partitions.Count, path, [.. group]));
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
