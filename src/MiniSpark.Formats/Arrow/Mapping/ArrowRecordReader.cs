using MiniSpark.Formats.Arrow.Columns;
using MiniSpark.Formats.Arrow.Ipc;
using MiniSpark.Formats.Arrow.Metadata;

namespace MiniSpark.Formats.Arrow.Mapping;

/// <summary>Reads Arrow rows as records of <typeparamref name="T"/>, matching properties to columns by name.</summary>
/// <remarks>
/// Binding happens once, on construction: each property the record needs is matched to a column (exact name first,
/// then case-insensitively) whose type is the property's or widens to it losslessly; extra columns are ignored.
/// Per batch, narrower columns are widened, and a null in a column bound to a non-nullable value property fails with
/// the row. A file's batches can be read one at a time (<see cref="ReadBatch"/>), which is how partitions split work.
/// </remarks>
internal sealed class ArrowRecordReader<T> : IDisposable
{
    private readonly ArrowReader _reader;
    private readonly bool _ownsReader;
    private readonly ArrowRecordShape<T> _shape = ArrowRecordShape<T>.Instance;
    private readonly int[] _fields;
    private readonly Func<ArrowColumn, ArrowColumn>?[] _conversions;

    public ArrowRecordReader(ArrowReader reader, bool ownsReader = false)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _reader = reader;
        _ownsReader = ownsReader;
        int[] readColumns = _shape.ReadColumns;
        _fields = new int[readColumns.Length];
        _conversions = new Func<ArrowColumn, ArrowColumn>?[readColumns.Length];
        for (int i = 0; i < readColumns.Length; i++)
        {
            ArrowRecordMember member = _shape.Columns[readColumns[i]];
            int field = reader.Schema.IndexOf(member.Name);
            if (field < 0)
                throw ArrowErrors.Invalid(reader.Source, reader.SchemaOffset,
                    $"{typeof(T).Name}.{member.Name} has no matching column; the schema is [{reader.Schema}]");
            ArrowField arrowField = reader.Schema.Fields[field];
            Type? storage = ArrowClrTypes.StorageType(arrowField.Type);
            if (storage is null)
                throw ArrowErrors.Unsupported(reader.Source, reader.SchemaOffset, $"column '{arrowField.Name}' of type {arrowField.Type}");
            if (!ArrowWidening.TryGet(storage, member.StorageType, out _conversions[i]))
                throw ArrowErrors.Invalid(reader.Source, reader.SchemaOffset,
                    $"column '{arrowField.Name}' of type {arrowField.Type} cannot be read as {typeof(T).Name}.{member.Name} ({member.Property.PropertyType.Name})");
            _fields[i] = field;
        }
    }

    /// <summary>Opens <paramref name="path"/> (file or stream format).</summary>
    public static ArrowRecordReader<T> Open(string path)
    {
        ArrowReader reader = ArrowReader.Open(path);
        try
        {
            return new ArrowRecordReader<T>(reader, ownsReader: true);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>All records of the file or stream at <paramref name="path"/>, read lazily.</summary>
    public static IEnumerable<T> ReadFile(string path)
    {
        using ArrowRecordReader<T> reader = Open(path);
        foreach (T record in reader.ReadAll()) yield return record;
    }

    public ArrowSchema Schema => _reader.Schema;

    /// <summary>Record batches of a file; a stream has no index and must be read with <see cref="ReadAll"/>.</summary>
    public int RecordBatchCount => _reader is ArrowFileReader file
        ? file.RecordBatchCount
        : throw new NotSupportedException($"'{_reader.Source}' is an Arrow stream, which has no batch index; read it sequentially.");

    /// <summary>The records of batch <paramref name="index"/>; the batch is decoded now, records built lazily.</summary>
    public IEnumerable<T> ReadBatch(int index) => _reader is ArrowFileReader file
        ? Map(file.ReadRecordBatch(index))
        : throw new NotSupportedException($"'{_reader.Source}' is an Arrow stream, which has no batch index; read it sequentially.");

    public IEnumerable<T> ReadAll()
    {
        foreach (ArrowRecordBatch batch in _reader.ReadBatches())
        {
            foreach (T record in Map(batch)) yield return record;
        }
    }

    /// <summary>Prepares the batch's columns now (widening, null checks) and builds records lazily.</summary>
    public IEnumerable<T> Map(ArrowRecordBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var columns = new ArrowColumn[_fields.Length];
        for (int i = 0; i < columns.Length; i++)
        {
            ArrowColumn column = batch.Columns[_fields[i]];
            if (_conversions[i] is Func<ArrowColumn, ArrowColumn> convert) column = convert(column);
            ArrowRecordMember member = _shape.Columns[_shape.ReadColumns[i]];
            if (!member.IsNullable && column.FirstNull() is int row and >= 0)
                throw ArrowErrors.Invalid(batch.Source, batch.Offset,
                    $"row {row} of column '{batch.Schema.Fields[_fields[i]].Name}' in this batch is null, but {typeof(T).Name}.{member.Name} is not nullable");
            columns[i] = column;
        }
        return Rows(columns, batch.Length, _shape.Reader);
    }

    private static IEnumerable<T> Rows(ArrowColumn[] columns, int length, Func<ArrowColumn[], int, T> read)
    {
        for (int row = 0; row < length; row++) yield return read(columns, row);
    }

    public void Dispose()
    {
        if (_ownsReader) _reader.Dispose();
    }
}
