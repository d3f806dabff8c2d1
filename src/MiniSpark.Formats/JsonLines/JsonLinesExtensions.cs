using MiniSpark.Formats.JsonLines;
using MiniSpark.Output;
using MiniSpark.Formats.Reading;

namespace MiniSpark;

/// <summary>Reads and writes JSON lines: one JSON object per line (<c>.jsonl</c>), through System.Text.Json.</summary>
public static class JsonLinesExtensions
{
    /// <summary>The records of JSON lines files: one object per line, its properties matched to
    /// <typeparamref name="T"/>'s public properties (or a positional record's constructor parameters) by name,
    /// case-insensitively. Blank lines are skipped; unknown properties are ignored; missing ones get their default.</summary>
    /// <remarks>
    /// <para><paramref name="path"/> is a file, a directory (its files in ordinal name order, skipping names starting
    /// with <c>_</c> or <c>.</c>), a glob or a comma-separated list, as for <see cref="SparkContext.TextFile"/>. Files
    /// are split by byte ranges at line boundaries; <c>.gz</c> files are decompressed and read whole.</para>
    /// <para>A malformed line (invalid JSON, a value of the wrong type, <c>null</c>) fails the action with a
    /// <see cref="MalformedRecordException"/> naming the file and line, or, in <see cref="ReadMode.Permissive"/>
    /// mode, is skipped and counted in <see cref="JsonReadOptions.BadRecords"/>.</para>
    /// </remarks>
    /// <exception cref="FileNotFoundException">The path matches no file.</exception>
    public static Rdd<T> ReadJsonLines<T>(this SparkContext sc, string path, JsonReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sc);
        options ??= new JsonReadOptions();
        IReadOnlyList<FileInfo> files = FileSources.Resolve(sc, path);
        int minPartitions = FileSources.MinPartitions(sc, options.MinPartitions, nameof(options.MinPartitions));
        options.BadRecords = MalformedRecords.Accumulator(sc, options.Mode, options.BadRecords, path);
        var reader = new JsonLinesRecordReader<T>(JsonLinesFormat.ForReading(options.SerializerOptions),
            new MalformedRecords(options.Mode, options.BadRecords));
        return FileSources.Create(sc, path, FileSources.ByteRanges(files, minPartitions), reader, nameof(ReadJsonLines));
    }

    /// <summary>Writes every record as one line of JSON to a directory of part files (<c>part-00000.jsonl</c>, ...),
    /// one per partition, through the output commit protocol (see <see cref="Rdd{T}.SaveAsTextFile"/>).</summary>
    /// <remarks>Property names are written as declared, nulls as <c>null</c>; records must not be null.</remarks>
    /// <param name="rdd">The dataset.</param>
    /// <param name="path">The output directory.</param>
    /// <param name="mode">What to do when <paramref name="path"/> exists: fail (the default) or replace it.</param>
    /// <param name="options">Serializer options; null for the defaults.</param>
    /// <exception cref="IOException"><paramref name="path"/> exists under <see cref="SaveMode.ErrorIfExists"/>, or the commit failed.</exception>
    /// <exception cref="SparkJobException">A task failed too many times; nothing was written.</exception>
    public static void SaveAsJsonLines<T>(this Rdd<T> rdd, string path, SaveMode mode = SaveMode.ErrorIfExists, JsonWriteOptions? options = null) =>
        FileOutput.SaveAsync(rdd, path, mode, Writer<T>(options), nameof(SaveAsJsonLines), sync: true, CancellationToken.None)
            .GetAwaiter().GetResult();

    /// <summary>Asynchronous form of <see cref="SaveAsJsonLines{T}"/>.</summary>
    /// <param name="rdd">The dataset.</param>
    /// <param name="path">The output directory.</param>
    /// <param name="mode">What to do when <paramref name="path"/> exists.</param>
    /// <param name="options">Serializer options; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the job; a cancelled save publishes nothing.</param>
    public static Task SaveAsJsonLinesAsync<T>(this Rdd<T> rdd, string path, SaveMode mode = SaveMode.ErrorIfExists,
        JsonWriteOptions? options = null, CancellationToken cancellationToken = default) =>
        FileOutput.SaveAsync(rdd, path, mode, Writer<T>(options), nameof(SaveAsJsonLines), sync: false, cancellationToken).AsTask();

    private static JsonLinesPartitionWriter<T> Writer<T>(JsonWriteOptions? options) =>
        new(JsonLinesFormat.ForWriting(options?.SerializerOptions));
}
