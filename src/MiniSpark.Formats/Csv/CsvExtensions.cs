using MiniSpark.Formats.Csv;
using MiniSpark.Formats.Mapping;
using MiniSpark.Output;
using MiniSpark.Formats.Reading;

namespace MiniSpark;

/// <summary>Reads and writes CSV files of typed records (RFC 4180, through CsvHelper).</summary>
public static class CsvExtensions
{
    /// <summary>The records of CSV files: each row becomes a <typeparamref name="T"/> whose public properties (or a
    /// positional record's constructor parameters) are matched to the header's columns by name, case-insensitively.</summary>
    /// <remarks>
    /// <para><paramref name="path"/> is a file, a directory (its files in ordinal name order, skipping names starting
    /// with <c>_</c> or <c>.</c>), a glob or a comma-separated list, as for <see cref="SparkContext.TextFile"/>.
    /// Values are parsed in the invariant culture; an empty field is null for strings and nullable types, and
    /// <c>""</c> is an empty string. Extra columns are ignored; a missing column is an error.</para>
    /// <para>Large files are split by byte ranges. Quoted fields may hold line breaks, so the split points are moved to
    /// record boundaries by one quick scan of each large file here, before the dataset is returned: a record never
    /// spans two partitions. Files are UTF-8 (a byte order mark is skipped); <c>.gz</c> files are decompressed and
    /// read whole.</para>
    /// <para>A malformed record (bad quoting, a wrong number of fields, a value that does not convert) fails the
    /// action with a <see cref="MalformedRecordException"/> naming the file and line, or, in
    /// <see cref="ReadMode.Permissive"/> mode, is skipped and counted in <see cref="CsvReadOptions.BadRecords"/>.</para>
    /// </remarks>
    /// <exception cref="FileNotFoundException">The path matches no file.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> cannot be built from columns, or has a
    /// property of a type CSV cannot hold.</exception>
    public static Rdd<T> ReadCsv<T>(this SparkContext sc, string path, CsvReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sc);
        options ??= new CsvReadOptions();
        CheckDelimiter(options.Delimiter, nameof(options));
        CheckType<T>(reading: true);
        IReadOnlyList<FileInfo> files = FileSources.Resolve(sc, path);
        int minPartitions = FileSources.MinPartitions(sc, options.MinPartitions, nameof(options.MinPartitions));
        options.BadRecords = MalformedRecords.Accumulator(sc, options.Mode, options.BadRecords, path);
        var reader = new CsvRecordReader<T>(options, new MalformedRecords(options.Mode, options.BadRecords));
        return FileSources.Create(sc, path, CsvSplits.Plan(files, minPartitions, options.Delimiter), reader, nameof(ReadCsv));
    }

    /// <summary>Writes every record as one CSV row to a directory of part files (<c>part-00000.csv</c>, ...), one per
    /// partition, each starting with a header row, through the output commit protocol (see
    /// <see cref="Rdd{T}.SaveAsTextFile"/>).</summary>
    /// <remarks>Columns are <typeparamref name="T"/>'s public properties in declaration order. Values are written in
    /// the invariant culture: numbers round-trip exactly, dates and times in ISO 8601 ("O"); fields holding the
    /// separator, quotes or line breaks are quoted; null is an empty field, an empty string <c>""</c>. Records must
    /// not be null.</remarks>
    /// <param name="rdd">The dataset.</param>
    /// <param name="path">The output directory.</param>
    /// <param name="mode">What to do when <paramref name="path"/> exists: fail (the default) or replace it.</param>
    /// <param name="options">Header and separator; null for the defaults.</param>
    /// <exception cref="IOException"><paramref name="path"/> exists under <see cref="SaveMode.ErrorIfExists"/>, or the commit failed.</exception>
    /// <exception cref="SparkJobException">A task failed too many times; nothing was written.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> has a property of a type CSV cannot hold.</exception>
    public static void SaveAsCsv<T>(this Rdd<T> rdd, string path, SaveMode mode = SaveMode.ErrorIfExists, CsvWriteOptions? options = null) =>
        FileOutput.SaveAsync(rdd, path, mode, Writer<T>(options), nameof(SaveAsCsv), sync: true, CancellationToken.None)
            .GetAwaiter().GetResult();

    /// <summary>Asynchronous form of <see cref="SaveAsCsv{T}"/>.</summary>
    /// <param name="rdd">The dataset.</param>
    /// <param name="path">The output directory.</param>
    /// <param name="mode">What to do when <paramref name="path"/> exists.</param>
    /// <param name="options">Header and separator; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the job; a cancelled save publishes nothing.</param>
    public static Task SaveAsCsvAsync<T>(this Rdd<T> rdd, string path, SaveMode mode = SaveMode.ErrorIfExists,
        CsvWriteOptions? options = null, CancellationToken cancellationToken = default) =>
        FileOutput.SaveAsync(rdd, path, mode, Writer<T>(options), nameof(SaveAsCsv), sync: false, cancellationToken).AsTask();

    private static CsvPartitionWriter<T> Writer<T>(CsvWriteOptions? options)
    {
        options ??= new CsvWriteOptions();
        CheckDelimiter(options.Delimiter, nameof(options));
        CheckType<T>(reading: false);
        return new CsvPartitionWriter<T>(options);
    }

    private static void CheckDelimiter(char delimiter, string parameterName)
    {
        if (delimiter > 127 || delimiter is '"' or '\r' or '\n')
            throw new ArgumentException($"The CSV delimiter must be an ASCII character other than '\"', '\\r' and '\\n', not '{delimiter}'.", parameterName);
    }

    // Fails before any job, naming the property, when the type cannot be mapped.
    private static void CheckType<T>(bool reading)
    {
        RecordShape<T> shape = RecordShape<T>.Instance;
        foreach (RecordMember member in shape.Members)
        {
            if (reading && !member.IsSettable) continue;
            if (!CsvValues.IsSupported(member.Type))
            {
                throw new NotSupportedException(
                    $"Property {member.Name} of {RecordShape<T>.Describe(typeof(T))} has type {member.Type.Name}, which CSV cannot hold. " +
                    "Supported: strings, characters, booleans, numbers, dates and times, Guid, enums, and their nullable forms.");
            }
        }
    }
}
