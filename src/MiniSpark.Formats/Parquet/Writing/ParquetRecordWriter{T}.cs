using MiniSpark.Formats.Parquet.Mapping;

namespace MiniSpark.Formats.Parquet.Writing;

/// <summary>Writes <typeparamref name="T"/> records as Parquet rows, one column per public property (see <see cref="RecordWriterShape{T}"/>).</summary>
/// <remarks>
/// Rows are buffered per column and written as a row group whenever the buffers' estimated size reaches
/// <see cref="ParquetWriteOptions.RowGroupSize"/>; <see cref="Dispose"/> writes the last row group and the footer.
/// </remarks>
internal sealed class ParquetRecordWriter<T> : IDisposable
{
    private readonly ParquetFileWriter _writer;
    private readonly PropertyWriter<T>[] _properties;
    private readonly ColumnBuffer[] _buffers;
    private readonly long _rowGroupSize;
    private bool _disposed;

    public ParquetRecordWriter(Stream output, ParquetWriteOptions? options = null, bool leaveOpen = false)
    {
        options ??= ParquetWriteOptions.Default;
        _properties = RecordWriterShape<T>.CreateWriters();
        _buffers = Array.ConvertAll(_properties, p => p.Buffer);
        _writer = new ParquetFileWriter(output, RecordWriterShape<T>.Fields(options), options, leaveOpen);
        _rowGroupSize = options.RowGroupSize;
    }

    /// <summary>Rows written so far, including buffered ones.</summary>
    public long RowCount { get; private set; }

    public int RowGroupCount => _writer.RowGroupCount;

    public void Write(T record)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        foreach (PropertyWriter<T> property in _properties) property.Append(record);
        RowCount++;
        long bytes = 0;
        foreach (ColumnBuffer buffer in _buffers) bytes += buffer.EstimatedBytes;
        if (bytes >= _rowGroupSize) Flush();
    }

    public void WriteAll(IEnumerable<T> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (T record in records) Write(record);
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
            _writer.Dispose(); // the footer lists only complete row groups, so the file stays readable
        }
    }

    private void Flush()
    {
        if (_buffers[0].Count == 0) return;
        _writer.WriteRowGroup(_buffers);
        foreach (ColumnBuffer buffer in _buffers) buffer.Clear();
    }
}
