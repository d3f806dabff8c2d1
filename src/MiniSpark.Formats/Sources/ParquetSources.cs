using MiniSpark.Formats.Parquet.Reading;
using MiniSpark.Formats.Sources;
using MiniSpark.Input;

namespace MiniSpark;

/// <summary>Reading Parquet files into datasets.</summary>
public static class ParquetSources
{
    /// <summary>Records of type <typeparamref name="T"/> from Parquet files: a file, a directory (names starting with
    /// <c>_</c> or <c>.</c> skipped, ordinal order) or a glob. Only the columns <typeparamref name="T"/> has are decoded
    /// (properties matched to columns by name, case-insensitively; positional records work). One partition per row group
    /// (small row groups of a file are grouped), so one large file is read in parallel.</summary>
    /// <param name="sc">The context.</param>
    /// <param name="path">A file, directory or glob.</param>
    /// <param name="filter">Row groups whose statistics rule the predicate out are not read at all; rows of the groups
    /// read are not filtered (apply <c>Filter</c> for that).</param>
    /// <exception cref="FileNotFoundException">The path matches no file.</exception>
    public static Rdd<T> ReadParquet<T>(this SparkContext sc, string path, ParquetPredicate? filter = null)
    {
        ArgumentNullException.ThrowIfNull(sc);
        IReadOnlyList<FileInfo> files = InputPaths.Resolve(path);
        return new FileChunkRdd<T>(sc, files, file => Plan(file, filter), ReadTyped<T>).At(nameof(ReadParquet)).SetName(path);
    }

    /// <summary>Rows of Parquet files of unknown shape, as column name to value (null for a null), every column decoded.</summary>
    /// <inheritdoc cref="ReadParquet{T}(SparkContext, string, ParquetPredicate?)"/>
    public static Rdd<IReadOnlyDictionary<string, object?>> ReadParquet(this SparkContext sc, string path, ParquetPredicate? filter = null)
    {
        ArgumentNullException.ThrowIfNull(sc);
        IReadOnlyList<FileInfo> files = InputPaths.Resolve(path);
        return new FileChunkRdd<IReadOnlyDictionary<string, object?>>(sc, files, file => Plan(file, filter), ReadRows).At(nameof(ReadParquet)).SetName(path);
    }

    private static IReadOnlyList<FileChunk> Plan(string path, ParquetPredicate? filter)
    {
        using ParquetFileReader file = ParquetFileReader.Open(path);
        return [.. file.RowGroups.Where(g => filter?.MightMatch(g) != false).Select(g => new FileChunk(g.Index, g.Length))];
    }

    private static IEnumerable<T> ReadTyped<T>(string path, IReadOnlyList<int> rowGroups) => ParquetRecordReader<T>.ReadFile(path, rowGroups);

    private static IEnumerable<IReadOnlyDictionary<string, object?>> ReadRows(string path, IReadOnlyList<int> rowGroups)
    {
        using ParquetFileReader file = ParquetFileReader.Open(path);
        var reader = new ParquetRowReader(file);
        foreach (int rowGroup in rowGroups)
        {
            foreach (IReadOnlyDictionary<string, object?> row in reader.ReadRowGroup(rowGroup)) yield return row;
        }
    }
}
