using MiniSpark.Formats.Arrow.Ipc;
using MiniSpark.Formats.Arrow.Mapping;
using MiniSpark.Formats.Sources;
using MiniSpark.Input;

namespace MiniSpark;

/// <summary>Reading Arrow IPC files and streams into datasets.</summary>
public static class ArrowSources
{
    /// <summary>Records of type <typeparamref name="T"/> from Arrow IPC files or streams: a file, a directory (names starting
    /// with <c>_</c> or <c>.</c> skipped, ordinal order) or a glob. Properties are matched to columns by name,
    /// case-insensitively; positional records work. A file in the IPC file format is read one partition per record batch
    /// (small batches grouped); a stream, which has no batch index, is one partition.</summary>
    /// <exception cref="FileNotFoundException">The path matches no file.</exception>
    public static Rdd<T> ReadArrow<T>(this SparkContext sc, string path)
    {
        ArgumentNullException.ThrowIfNull(sc);
        IReadOnlyList<FileInfo> files = InputPaths.Resolve(path);
        return new FileChunkRdd<T>(sc, files, Plan, ReadTyped<T>).At(nameof(ReadArrow)).SetName(path);
    }

    /// <summary>Rows of Arrow files of unknown shape, as column name to value (null for a null).</summary>
    /// <inheritdoc cref="ReadArrow{T}(SparkContext, string)"/>
    public static Rdd<IReadOnlyDictionary<string, object?>> ReadArrow(this SparkContext sc, string path)
    {
        ArgumentNullException.ThrowIfNull(sc);
        IReadOnlyList<FileInfo> files = InputPaths.Resolve(path);
        return new FileChunkRdd<IReadOnlyDictionary<string, object?>>(sc, files, Plan, ReadRows).At(nameof(ReadArrow)).SetName(path);
    }

    // A stream has no index: one chunk (-1) standing for "everything, sequentially".
    private static IReadOnlyList<FileChunk> Plan(string path)
    {
        using ArrowReader reader = ArrowReader.Open(path);
        if (reader is not ArrowFileReader file) return [new FileChunk(-1, new FileInfo(path).Length)];
        long perBatch = new FileInfo(path).Length / Math.Max(1, file.RecordBatchCount);
        return [.. Enumerable.Range(0, file.RecordBatchCount).Select(i => new FileChunk(i, perBatch))];
    }

    private static IEnumerable<T> ReadTyped<T>(string path, IReadOnlyList<int> batches)
    {
        using ArrowRecordReader<T> reader = ArrowRecordReader<T>.Open(path);
        IEnumerable<T> records = batches is [-1] ? reader.ReadAll() : batches.SelectMany(reader.ReadBatch);
        foreach (T record in records) yield return record;
    }

    private static IEnumerable<IReadOnlyDictionary<string, object?>> ReadRows(string path, IReadOnlyList<int> batches)
    {
        using ArrowReader reader = ArrowReader.Open(path);
        if (batches is [-1])
        {
            foreach (IReadOnlyDictionary<string, object?> row in ArrowRows.Read(reader)) yield return row;
            yield break;
        }
        var file = (ArrowFileReader)reader;
        foreach (int batch in batches)
        {
            foreach (IReadOnlyDictionary<string, object?> row in ArrowRows.Map(file.ReadRecordBatch(batch))) yield return row;
        }
    }
}
