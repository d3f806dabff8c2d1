using System.Buffers.Binary;
using MiniSpark.Formats.Arrow.Columns;
using MiniSpark.Formats.Arrow.Metadata;

namespace MiniSpark.Formats.Arrow.Ipc;

/// <summary>Writes record batches as an Arrow IPC file or stream.</summary>
/// <remarks>
/// Each message is framed as the encapsulated format requires: 0xFFFFFFFF, the int32 length of the flatbuffer plus
/// padding, the flatbuffer padded so the body starts on 8 bytes, then the body. The stream ends with the end-of-stream
/// marker (0xFFFFFFFF, 0). The file format wraps the same stream in "ARROW1" magic and appends a footer that indexes
/// every record batch, followed by the footer's int32 length and the magic again. Offsets count from where the writer
/// started in <c>output</c>. Dictionary encoding is read, never written.
/// </remarks>
internal sealed class ArrowIpcWriter : IDisposable
{
    private static ReadOnlySpan<byte> Magic => "ARROW1"u8;

    private readonly Stream _output;
    private readonly ArrowIpcFormat _format;
    private readonly bool _leaveOpen;
    private readonly ArrowBodyBuffer _body = new();
    private readonly List<ArrowFieldNode> _nodes = [];
    private readonly List<ArrowBufferRegion> _buffers = [];
    private readonly List<ArrowBlock> _blocks = [];
    private long _position;
    private bool _finished;
    private bool _disposed;

    public ArrowIpcWriter(Stream output, ArrowSchema schema, ArrowIpcFormat format, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(schema);
        foreach (ArrowField field in schema.Fields)
        {
            if (field.Dictionary is not null || ArrowClrTypes.StorageType(field.Type) is null)
                throw new NotSupportedException($"Writing column '{field.Name}' of Arrow type {field.Type}{(field.Dictionary is null ? "" : " (dictionary-encoded)")} is not supported.");
        }
        _output = output;
        _format = format;
        _leaveOpen = leaveOpen;
        Schema = schema;
        if (format == ArrowIpcFormat.File)
        {
            Write(Magic);
            Write([0, 0]); // pads the magic to 8 bytes
        }
        WriteMessage(ArrowMetadataWriter.SchemaMessage(schema), []);
    }

    public ArrowSchema Schema { get; }

    public int RecordBatchCount => _blocks.Count;

    /// <summary>Writes one record batch; the columns follow the schema's order and have equal lengths.</summary>
    public void WriteBatch(IReadOnlyList<ArrowColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_finished) throw new InvalidOperationException("The Arrow writer is finished.");
        if (columns.Count != Schema.Fields.Count)
            throw new ArgumentException($"The batch has {columns.Count} columns; the schema has {Schema.Fields.Count}.", nameof(columns));
        int length = columns.Count == 0 ? 0 : columns[0].Length;
        for (int i = 0; i < columns.Count; i++)
        {
            ArrowField field = Schema.Fields[i];
            if (columns[i].ValueType != ArrowClrTypes.StorageType(field.Type))
                throw new ArgumentException($"Column '{field.Name}' ({field.Type}) needs {ArrowClrTypes.StorageType(field.Type)} values, not {columns[i].ValueType}.", nameof(columns));
            if (columns[i].Length != length)
                throw new ArgumentException($"Column '{field.Name}' has {columns[i].Length} values; the batch has {length} rows.", nameof(columns));
            if (columns[i].NullCount > 0 && !field.Nullable)
                throw new ArgumentException($"Column '{field.Name}' is not nullable but holds {columns[i].NullCount} nulls.", nameof(columns));
        }

        _body.Reset();
        _nodes.Clear();
        _buffers.Clear();
        for (int i = 0; i < columns.Count; i++) ArrowBatchEncoder.Encode(Schema.Fields[i], columns[i], _body, _nodes, _buffers);
        byte[] metadata = ArrowMetadataWriter.RecordBatchMessage(length, [.. _nodes], [.. _buffers], _body.Length);
        _blocks.Add(WriteMessage(metadata, _body.Written));
    }

    /// <summary>Ends the stream (and writes the file footer). Idempotent; <see cref="Dispose"/> calls it.</summary>
    public void Finish()
    {
        if (_finished) return;
        _finished = true;
        Span<byte> endOfStream = stackalloc byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(endOfStream, -1);
        BinaryPrimitives.WriteInt32LittleEndian(endOfStream[4..], 0);
        Write(endOfStream);
        if (_format == ArrowIpcFormat.File)
        {
            byte[] footer = ArrowMetadataWriter.Footer(Schema, [], _blocks);
            Write(footer);
            Span<byte> length = stackalloc byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(length, footer.Length);
            Write(length);
            Write(Magic);
        }
        _output.Flush();
    }

    private ArrowBlock WriteMessage(byte[] metadata, ReadOnlySpan<byte> body)
    {
        long offset = _position;
        int padded = (metadata.Length + 8 + 7) / 8 * 8 - 8;
        Span<byte> prefix = stackalloc byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(prefix, -1);
        BinaryPrimitives.WriteInt32LittleEndian(prefix[4..], padded);
        Write(prefix);
        Write(metadata);
        Span<byte> padding = stackalloc byte[8];
        padding.Clear();
        Write(padding[..(padded - metadata.Length)]);
        Write(body);
        return new ArrowBlock(offset, 8 + padded, body.Length);
    }

    private void Write(ReadOnlySpan<byte> bytes)
    {
        _output.Write(bytes);
        _position += bytes.Length;
    }

    public void Dispose()
    {
        if (_disposed) return;
        try
        {
            Finish();
        }
        finally
        {
            _disposed = true;
            _body.Dispose();
            if (!_leaveOpen) _output.Dispose();
        }
    }
}
