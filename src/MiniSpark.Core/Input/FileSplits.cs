namespace MiniSpark.Input;

/// <summary>Cuts files into byte-range splits the way Hadoop's <c>FileInputFormat.getSplits</c> does.</summary>
/// <remarks>
/// <para>The goal size is the total size over <c>minPartitions</c>, capped at <c>maxSplitBytes</c> (standing in for
/// the HDFS block size) and at least one byte. Each file is cut on its own: splits never span files, so a dataset
/// of many small files has at least one split per file, and may have more splits than <c>minPartitions</c>.</para>
/// <para>The last split of a file may be up to 10% larger than the others (<c>SPLIT_SLOP</c>) rather than leaving
/// a tiny tail split. Empty files get one empty split; gzip files one split each, as they cannot be entered
/// mid-stream.</para>
/// </remarks>
internal static class FileSplits
{
    /// <summary>Hadoop's default split size ceiling for local files (<c>fs.local.block.size</c>).</summary>
    public const long DefaultMaxSplitBytes = 32 * 1024 * 1024;

    private const double SplitSlop = 1.1;

    /// <summary>Splits of <paramref name="files"/>, file by file in the given order, each file's in offset order.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minPartitions"/> or <paramref name="maxSplitBytes"/> is not positive.</exception>
    public static IReadOnlyList<FileSplit> Plan(IReadOnlyList<FileInfo> files, int minPartitions, long maxSplitBytes = DefaultMaxSplitBytes)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minPartitions);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSplitBytes);

        // Sizes are read once: a file growing while we plan must not give inconsistent splits.
        var lengths = new long[files.Count];
        long totalSize = 0;
        for (int i = 0; i < files.Count; i++)
        {
            lengths[i] = files[i].Length;
            totalSize += lengths[i];
        }
        long splitSize = Math.Max(1, Math.Min(totalSize / minPartitions, maxSplitBytes));

        var splits = new List<FileSplit>();
        for (int i = 0; i < files.Count; i++)
        {
            string path = files[i].FullName;
            long length = lengths[i];
            if (length == 0 || !IsSplittable(path))
            {
                splits.Add(new FileSplit(path, 0, length));
                continue;
            }
            long remaining = length;
            while ((double)remaining / splitSize > SplitSlop)
            {
                splits.Add(new FileSplit(path, length - remaining, splitSize));
                remaining -= splitSize;
            }
            splits.Add(new FileSplit(path, length - remaining, remaining));
        }
        return splits;
    }

    /// <summary>Whether a file can be read from the middle: compressed streams cannot.</summary>
    public static bool IsSplittable(string path) => !IsGzip(path);

    /// <summary>Whether <paramref name="path"/> names a gzip file, by extension as Hadoop's codec factory does.</summary>
    public static bool IsGzip(string path) => path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
}
