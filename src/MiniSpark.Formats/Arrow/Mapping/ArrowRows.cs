using MiniSpark.Formats.Rows;
using MiniSpark.Formats.Arrow.Columns;
using MiniSpark.Formats.Arrow.Ipc;

namespace MiniSpark.Formats.Arrow.Mapping;

/// <summary>Untyped reading: rows as <see cref="IReadOnlyDictionary{TKey, TValue}"/> of column name to boxed value.</summary>
/// <remarks>Values are the columns' storage types: int, long, double, bool, string, byte[], DateTime, DateOnly, decimal...</remarks>
internal static class ArrowRows
{
    /// <summary>The rows of one decoded batch, built lazily.</summary>
    public static IEnumerable<IReadOnlyDictionary<string, object?>> Map(ArrowRecordBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return Rows(batch, new RowKeys([.. batch.Schema.Fields.Select(f => f.Name)]));
    }

    private static IEnumerable<IReadOnlyDictionary<string, object?>> Rows(ArrowRecordBatch batch, RowKeys keys)
    {
        ArrowColumn[] columns = batch.Columns;
        for (int row = 0; row < batch.Length; row++)
        {
            var values = new object?[columns.Length];
            for (int i = 0; i < values.Length; i++) values[i] = columns[i].GetValue(row);
            yield return new ColumnRow(keys, values);
        }
    }

    /// <summary>Every row of <paramref name="reader"/>'s remaining batches.</summary>
    public static IEnumerable<IReadOnlyDictionary<string, object?>> Read(ArrowReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        foreach (ArrowRecordBatch batch in reader.ReadBatches())
        {
            foreach (IReadOnlyDictionary<string, object?> row in Map(batch)) yield return row;
        }
    }

    /// <summary>Every row of the file or stream at <paramref name="path"/>, read lazily.</summary>
    public static IEnumerable<IReadOnlyDictionary<string, object?>> ReadFile(string path)
    {
        using ArrowReader reader = ArrowReader.Open(path);
        foreach (IReadOnlyDictionary<string, object?> row in Read(reader)) yield return row;
    }
}
