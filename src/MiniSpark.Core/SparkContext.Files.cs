using MiniSpark.Input;
using MiniSpark.Rdds;

namespace MiniSpark;

public sealed partial class SparkContext
{
    /// <summary>Spark's default minimum partitions for file input: two, or fewer when there are fewer slots.</summary>
    public int DefaultMinPartitions => Math.Min(DefaultParallelism, 2);

    /// <summary>The lines of a text file, of every file in a directory, or of every file matching a glob
    /// (<c>*</c>, <c>?</c>, <c>[abc]</c>, <c>{a,b}</c>); several paths may be given separated by commas.</summary>
    /// <remarks>
    /// <para>Large files are split by byte ranges (up to 32 MiB each, at least <paramref name="minPartitions"/> splits
    /// in all); a line crossing a split boundary belongs to the split where it starts. Lines end at <c>\n</c> or
    /// <c>\r\n</c> and are read as UTF-8. <c>.gz</c> files are decompressed and not split.</para>
    /// <para>Directory listings skip names starting with <c>_</c> or <c>.</c> and are read in ordinal name order.</para>
    /// </remarks>
    /// <exception cref="FileNotFoundException">The path matches no file; the message names it.</exception>
    public Rdd<string> TextFile(string path, int? minPartitions = null)
    {
        ThrowIfStopped();
        IReadOnlyList<FileInfo> files = InputPaths.Resolve(path);
        int min = CheckPartitionCount(minPartitions ?? DefaultMinPartitions, nameof(minPartitions));
        return new TextFileRdd(this, files, min).At(nameof(TextFile)).SetName(path);
    }

    /// <summary>Every file under <paramref name="path"/> (a file, directory, glob or comma list) as one record of
    /// <c>(full path, content)</c>, files grouped into at most <paramref name="minPartitions"/> partitions balanced by size.</summary>
    /// <exception cref="FileNotFoundException">The path matches no file; the message names it.</exception>
    public Rdd<(string Path, string Content)> WholeTextFiles(string path, int? minPartitions = null)
    {
        ThrowIfStopped();
        IReadOnlyList<FileInfo> files = InputPaths.Resolve(path);
        int min = CheckPartitionCount(minPartitions ?? DefaultMinPartitions, nameof(minPartitions));
        return new WholeTextFilesRdd(this, files, min).At(nameof(WholeTextFiles)).SetName(path);
    }
}
