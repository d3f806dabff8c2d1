using MiniSpark.Input;

namespace MiniSpark.Formats.Reading;

/// <summary>Builds file datasets: resolves paths (a file, a directory, a glob, or a comma list of them, as
/// <see cref="SparkContext.TextFile"/> does) and plans splits.</summary>
internal static class FileSources
{
    /// <summary>The files <paramref name="path"/> names, in reading order (directories: ordinal names, skipping
    /// <c>_</c> and <c>.</c> names).</summary>
    /// <exception cref="FileNotFoundException">Nothing matches; the message names the path.</exception>
    public static IReadOnlyList<FileInfo> Resolve(SparkContext context, string path)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.ThrowIfStopped();
        return InputPaths.Resolve(path);
    }

    /// <summary>The minimum partition count: <paramref name="requested"/>, else the context's default for files.</summary>
    public static int MinPartitions(SparkContext context, int? requested, string parameterName) =>
        context.CheckPartitionCount(requested ?? context.DefaultMinPartitions, parameterName);

    /// <summary>One split per file, the whole file (for formats that cannot start mid-file).</summary>
    public static IReadOnlyList<FileSplit> WholeFiles(IReadOnlyList<FileInfo> files)
    {
        var splits = new FileSplit[files.Count];
        for (int i = 0; i < splits.Length; i++) splits[i] = new FileSplit(files[i].FullName, 0, files[i].Length);
        return splits;
    }

    /// <summary>Byte-range splits sized like <see cref="SparkContext.TextFile"/>'s (gzip files whole).</summary>
    public static IReadOnlyList<FileSplit> ByteRanges(IReadOnlyList<FileInfo> files, int minPartitions) =>
        FileSplits.Plan(files, minPartitions);

    /// <summary>The dataset of <paramref name="splits"/> read by <paramref name="reader"/>, named after the path.</summary>
    public static Rdd<T> Create<T>(SparkContext context, string path, IReadOnlyList<FileSplit> splits,
        IFileRecordReader<T> reader, string creationSite) =>
        new FileSourceRdd<T>(context, splits, reader).At(creationSite).SetName(path);
}
