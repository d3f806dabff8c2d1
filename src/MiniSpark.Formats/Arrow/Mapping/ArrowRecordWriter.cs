using MiniSpark.Formats.Arrow.Columns;
using MiniSpark.Formats.Arrow.Ipc;
using MiniSpark.Formats.Arrow.Metadata;

namespace MiniSpark.Formats.Arrow.Mapping;

/// <summary>Writes records of <typeparamref name="T"/> as Arrow record batches, one column per public property.</summary>
/// <remarks>
/// Rows are appended into reusable column buffers of <see cref="ArrowWriteOptions.BatchSize"/> rows; a full buffer is
/// encoded as one record batch. Value-type properties are non-nullable columns, <see cref="Nullable{T}"/> and reference
/// properties nullable ones. <see cref="DateTime"/> is written as Timestamp(MICROSECOND, "UTC"), <see cref="DateOnly"/>
/// as Date32, <see cref="decimal"/> as Decimal128 with the configured precision and scale.
/// </remarks>
internal sealed class ArrowRecordWriter<T> : IDisposable
{
    private readonly ArrowRecordShape<T> _shape = ArrowRecordShape<T>.Instance;
    private readonly ArrowIpcWriter _writer;
    private readonly ArrowColumn[] _columns;
    private readonly int _batchSize;
    private bool _disposed;

    public ArrowRecordWriter(Stream output, ArrowWriteOptions? options = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        options ??= ArrowWriteOptions.Default;
        options.Validate();
        _batchSize = options.BatchSize;
        Schema = SchemaFor(options);
        _columns = new ArrowColumn[_shape.Columns.Length];
        for (int i = 0; i < _columns.Length; i++)
        {
            ArrowRecordMember member = _shape.Columns[i];
            _columns[i] = ArrowColumn.CreateBuilder(member.StorageType, _batchSize, member.IsNullable);
        }
        _writer = new ArrowIpcWriter(output, Schema, options.Format, leaveOpen);
    }

    /// <summary>The schema records of <typeparamref name="T"/> are written with.</summary>
    public static ArrowSchema SchemaFor(ArrowWriteOptions? options = null)
    {
        options ??= ArrowWriteOptions.Default;
        ArrowRecordMember[] members = ArrowRecordShape<T>.Instance.Columns;
        var fields = new ArrowField[members.Length];
        for (int i = 0; i < fields.Length; i++)
        {
            ArrowType type = ArrowClrTypes.WriteType(members[i].StorageType, options.DecimalPrecision, options.DecimalScale)!;
            fields[i] = new ArrowField(members[i].Name, type, members[i].IsNullable);
        }
        return new ArrowSchema(fields);
    }

    /// <summary>Writes <paramref name="records"/> to a new file at <paramref name="path"/>.</summary>
    public static void WriteFile(string path, IEnumerable<T> records, ArrowWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var writer = new ArrowRecordWriter<T>(stream, options);
        writer.WriteAll(records);
    }

    public ArrowSchema Schema { get; }

    public long RowCount { get; private set; }

    public int RecordBatchCount => _writer.RecordBatchCount;

    public void Write(T record)
    {
        if (record is null) throw new ArgumentNullException(nameof(record), "Arrow rows cannot be null records.");
        ObjectDisposedException.ThrowIf(_disposed, this);
        _shape.Appender(record, _columns);
        RowCount++;
        if (_columns[0].Length == _batchSize) Flush();
    }

    public void WriteAll(IEnumerable<T> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (T record in records) Write(record);
    }

    /// <summary>Writes the pending rows and ends the file or stream.</summary>
    public void Finish()
    {
        Flush();
        _writer.Finish();
    }

    private void Flush()
    {
        if (_columns[0].Length == 0) return;
        try
        {
            _writer.WriteBatch(_columns);
        }
        finally
        {
            // Reset even on failure (e.g. a decimal overflow) so Dispose does not retry the same rows.
            foreach (ArrowColumn column in _columns) column.Reset();
        }
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        try
        {
            Flush();
        }
        finally
        {
            _writer.Dispose();
        }
    }
}
