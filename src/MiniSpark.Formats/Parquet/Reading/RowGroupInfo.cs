using MiniSpark.Formats.Parquet;
using MiniSpark.Formats.Parquet.Reading;
using MiniSpark.Formats.Parquet.Metadata;
using MiniSpark.Formats.Parquet.Schema;

namespace MiniSpark;

/// <summary>One row group as an engine sees it: rows, the byte range it occupies (for split planning) and column statistics.</summary>
public sealed class RowGroupInfo
{
    private readonly ColumnStatistics?[] _statistics;
    private readonly ParquetSchema _schema;

    private RowGroupInfo(int index, long rowCount, long offset, long length, ColumnStatistics?[] statistics, ParquetSchema schema)
    {
        Index = index;
        RowCount = rowCount;
        Offset = offset;
        Length = length;
        _statistics = statistics;
        _schema = schema;
    }

    /// <summary>Position of the row group in its file, from 0.</summary>
    public int Index { get; }

    /// <summary>Rows in the row group.</summary>
    public long RowCount { get; }

    /// <summary>File offset of the row group's first page.</summary>
    public long Offset { get; }

    /// <summary>Bytes from <see cref="Offset"/> to the end of its last column chunk.</summary>
    public long Length { get; }

    /// <summary>Statistics of the top-level primitive column <paramref name="name"/> (case-insensitive); null when absent or unusable.</summary>
    public ColumnStatistics? GetStatistics(string name)
    {
        SchemaField? field = _schema.FindField(name);
        return field is { Shape: FieldShape.Primitive, Column: ColumnDescriptor column } ? _statistics[column.Index] : null;
    }

    internal static RowGroupInfo Create(int index, FileMetaData metadata, ParquetSchema schema, string source, long fileLength)
    {
        RowGroup group = metadata.RowGroups[index];
        if (group.NumRows < 0 || group.NumRows > int.MaxValue)
            throw ParquetErrors.Invalid(source, group.MetadataOffset, $"Row group {index} declares {group.NumRows} rows.");
        if (group.Columns.Count != schema.Columns.Count)
            throw ParquetErrors.Invalid(source, group.MetadataOffset, $"Row group {index} has {group.Columns.Count} column chunks for {schema.Columns.Count} schema columns.");
        long start = long.MaxValue, end = 0;
        var statistics = new ColumnStatistics?[group.Columns.Count];
        for (int i = 0; i < group.Columns.Count; i++)
        {
            ColumnMetaData? meta = group.Columns[i].MetaData;
            if (meta is null) continue;
            long chunkStart = meta.DataPageOffset;
            if (meta.DictionaryPageOffset is long dictionary && dictionary > 0 && dictionary < chunkStart) chunkStart = dictionary;
            if (chunkStart < 0 || meta.TotalCompressedSize < 0 || chunkStart > fileLength || meta.TotalCompressedSize > fileLength - chunkStart)
                throw ParquetErrors.Invalid(source, chunkStart, $"Row group {index}, column '{schema.Columns[i].DottedPath}' lies outside the file.");
            start = Math.Min(start, chunkStart);
            end = Math.Max(end, chunkStart + meta.TotalCompressedSize);
            statistics[i] = ColumnStatistics.Create(schema.Columns[i], meta, metadata.ColumnOrders, source);
        }
        if (start == long.MaxValue) start = end = 0;
        return new RowGroupInfo(index, group.NumRows, start, end - start, statistics, schema);
    }
}
