using System.Buffers.Binary;
using MiniSpark.Formats.Parquet.Metadata;
using MiniSpark.Formats.Parquet.Thrift;

namespace MiniSpark.Formats.Parquet.Writing;

/// <summary>Writes a Parquet file from column buffers, one row group per <see cref="WriteRowGroup"/> call.</summary>
/// <remarks>
/// Layout: "PAR1", the row groups' column chunks, the Thrift footer, its 4-byte little-endian length, "PAR1".
/// The stream need not be seekable: offsets are counted as bytes are written. <see cref="Dispose"/> writes the
/// footer, which lists only completed row groups: bytes of a row group that failed midway are never referenced.
/// </remarks>
internal sealed class ParquetFileWriter : IDisposable
{
    internal const string CreatedBy = "MiniSpark version 0.1.0 (build parquet)";
    private static ReadOnlySpan<byte> Magic => "PAR1"u8;

    private readonly Stream _output;
    private readonly bool _leaveOpen;
    private readonly ColumnChunkWriter _chunkWriter;
    private readonly FileMetaData _footer;
    private long _position;
    private bool _closed;

    public ParquetFileWriter(Stream output, IReadOnlyList<ParquetField> fields, ParquetWriteOptions? options = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.Count == 0) throw new ArgumentException("A Parquet file needs at least one column.", nameof(fields));
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (ParquetField field in fields)
        {
            if (!names.Add(field.Name)) throw new ArgumentException($"Column name '{field.Name}' appears twice (names are compared case-insensitively).", nameof(fields));
        }
        options ??= ParquetWriteOptions.Default;
        options.Validate();
        Options = options;
        Fields = fields;
        _output = output;
        _leaveOpen = leaveOpen;
        _chunkWriter = new ColumnChunkWriter(options, ToCodec(options.Compression));
        var schema = new List<SchemaElement>(fields.Count + 1) { new() { Name = "schema", NumChildren = fields.Count } };
        foreach (ParquetField field in fields) schema.Add(field.ToSchemaElement());
        _footer = new FileMetaData
        {
            Version = 1,
            Schema = schema,
            CreatedBy = CreatedBy,
            ColumnOrders = [.. Enumerable.Repeat(1, fields.Count)], // TYPE_ORDER: min/max follow each column's logical type
        };
        _output.Write(Magic);
        _position = Magic.Length;
    }

    public IReadOnlyList<ParquetField> Fields { get; }

    public ParquetWriteOptions Options { get; }

    /// <summary>Row groups written so far.</summary>
    public int RowGroupCount => _footer.RowGroups.Count;

    /// <summary>Writes one row group: one buffer per field, in field order, all with the same row count.</summary>
    public void WriteRowGroup(IReadOnlyList<ColumnBuffer> columns)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count != Fields.Count) throw new ArgumentException($"Expected {Fields.Count} column buffers, got {columns.Count}.", nameof(columns));
        int rows = columns[0].Count;
        for (int i = 1; i < columns.Count; i++)
        {
            if (columns[i].Count != rows)
                throw new ArgumentException($"Column '{Fields[i].Name}' has {columns[i].Count} rows where '{Fields[0].Name}' has {rows}.", nameof(columns));
        }
        if (rows == 0) return; // empty row groups only confuse readers
        long start = _position;
        var group = new RowGroup { NumRows = rows, FileOffset = start, Ordinal = (short)Math.Min(_footer.RowGroups.Count, short.MaxValue) };
        long uncompressed = 0;
        for (int i = 0; i < columns.Count; i++)
        {
            ColumnChunk chunk = _chunkWriter.Write(Fields[i], columns[i], _output, ref _position);
            uncompressed += chunk.MetaData!.TotalUncompressedSize;
            group.Columns.Add(chunk);
        }
        group.TotalByteSize = uncompressed;
        group.TotalCompressedSize = _position - start;
        _footer.RowGroups.Add(group);
        _footer.NumRows += rows;
    }

    /// <summary>Writes the footer and closes the stream (unless left open).</summary>
    public void Dispose()
    {
        if (_closed) return;
        _closed = true;
        var writer = new ThriftCompactWriter(4096);
        _footer.Write(writer);
        _output.Write(writer.WrittenSpan);
        Span<byte> tail = stackalloc byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(tail, writer.WrittenSpan.Length);
        Magic.CopyTo(tail[4..]);
        _output.Write(tail);
        _output.Flush();
        if (!_leaveOpen) _output.Dispose();
    }

    private static CompressionCodec ToCodec(ParquetCompression compression) => compression switch
    {
        ParquetCompression.Snappy => CompressionCodec.Snappy,
        ParquetCompression.Gzip => CompressionCodec.Gzip,
        ParquetCompression.Zstd => CompressionCodec.Zstd,
        _ => CompressionCodec.Uncompressed,
    };
}
