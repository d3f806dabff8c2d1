using MiniSpark.Formats.Rows;
using MiniSpark.Formats.Parquet.Assembling;
using MiniSpark.Formats.Parquet.Mapping;
using MiniSpark.Formats.Parquet.Schema;

namespace MiniSpark.Formats.Parquet.Reading;

/// <summary>Reads rows of a file of unknown shape as <see cref="IReadOnlyDictionary{TKey, TValue}"/> (column name to value).</summary>
/// <remarks>
/// Values have each column's natural type (<see cref="ColumnDescriptor.NaturalType"/>); lists of primitives are arrays;
/// structs, maps and other nested values are assembled as <see cref="NaturalTypes"/> describes. Only the selected
/// columns are decoded. A selected column this codec cannot read (unknown annotations, shapes outside the LIST and
/// MAP rules) fails with a <see cref="NotSupportedException"/> naming the file and column when the reader is made.
/// </remarks>
internal sealed class ParquetRowReader
{
    private readonly ParquetFileReader _file;
    private readonly SchemaField[] _fields;
    private readonly NestedFieldReader?[] _nested;
    private readonly RowKeys _keys;

    /// <summary>Reads <paramref name="columns"/> (top-level names, case-insensitive), or every column when null.</summary>
    public ParquetRowReader(ParquetFileReader file, IReadOnlyCollection<string>? columns = null)
    {
        _file = file;
        ParquetSchema schema = file.Schema;
        if (columns is null)
        {
            _fields = [.. schema.Fields];
        }
        else
        {
            _fields = new SchemaField[columns.Count];
            int i = 0;
            foreach (string name in columns)
            {
                _fields[i++] = schema.FindField(name)
                    ?? throw new ArgumentException($"Parquet file '{file.Name}' has no column '{name}'. Columns: {string.Join(", ", schema.Fields.Select(f => f.Name))}.", nameof(columns));
            }
        }
        _nested = new NestedFieldReader?[_fields.Length];
        for (int c = 0; c < _fields.Length; c++)
        {
            SchemaField field = _fields[c];
            if (field.Unsupported is string reason) throw ParquetErrors.Unsupported(file.Name, reason);
            if (field is { Shape: FieldShape.Nested, Nested: { } node })
                _nested[c] = NestedFieldReader.Create(node, NaturalTypes.Of(node), file.Name, $"column '{field.Name}'");
        }
        _keys = new RowKeys([.. _fields.Select(f => f.Name)]);
    }

    /// <summary>Rows of every row group that <paramref name="filter"/> does not rule out.</summary>
    public IEnumerable<IReadOnlyDictionary<string, object?>> ReadAll(ParquetPredicate? filter = null)
    {
        foreach (RowGroupInfo group in _file.RowGroups)
        {
            if (filter is not null && !filter.MightMatch(group)) continue;
            foreach (IReadOnlyDictionary<string, object?> row in ReadRowGroup(group.Index)) yield return row;
        }
    }

    /// <summary>The rows of one row group (decoded when enumeration starts).</summary>
    public IEnumerable<IReadOnlyDictionary<string, object?>> ReadRowGroup(int index)
    {
        long rows = _file.RowGroups[index].RowCount;
        var columns = new IDisposable?[_fields.Length];
        try
        {
            ColumnAccessor[] accessors = Decode(index, columns);
            for (int row = 0; row < rows; row++)
            {
                var values = new object?[accessors.Length];
                for (int c = 0; c < accessors.Length; c++) values[c] = accessors[c].GetBoxed(row);
                yield return new ColumnRow(_keys, values);
            }
        }
        finally
        {
            // Rows hold copies of the values (boxed, or assembled anew), never the decoded arrays: they can go back to the pool.
            foreach (IDisposable? column in columns) column?.Dispose();
        }
    }

    private ColumnAccessor[] Decode(int index, IDisposable?[] columns)
    {
        long rows = _file.RowGroups[index].RowCount;
        var accessors = new ColumnAccessor[_fields.Length];
        for (int c = 0; c < _fields.Length; c++)
        {
            SchemaField field = _fields[c];
            if (_nested[c] is { } nested)
            {
                accessors[c] = nested.Open(_file, index, out IDisposable decoded);
                columns[c] = decoded;
                continue;
            }
            ColumnData data = _file.ReadColumn(index, field.Column!);
            columns[c] = data;
            accessors[c] = FieldAccessors.Create(field, data, rows, _file.Name);
        }
        return accessors;
    }
}
