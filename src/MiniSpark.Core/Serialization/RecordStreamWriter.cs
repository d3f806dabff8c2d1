using System.Buffers.Binary;
using MiniSpark.Internal;

namespace MiniSpark.Serialization;

/// <summary>Writes records of <typeparamref name="T"/> to a stream in chunks (<see cref="RecordStreamFormat"/>).</summary>
/// <remarks>
/// Call <see cref="Complete"/> after the last record: it writes the end marker. <see cref="Dispose"/> only releases
/// the buffer, so a writer abandoned by an exception leaves a stream that readers reject as truncated instead of a
/// shorter stream that looks whole. A record whose write throws faults the writer. Not thread-safe.
/// </remarks>
internal sealed class RecordStreamWriter<T> : IDisposable
{
    private readonly Stream _stream;
    private readonly int _chunkSize;
    private readonly PooledBufferWriter _buffer;
    private readonly WriterTypeTable _types = new();
    private int _chunkRecords;
    private bool _started;
    private bool _completed;
    private bool _faulted;

    public RecordStreamWriter(Stream stream, int chunkSize = RecordStreamFormat.DefaultChunkSize)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanWrite) throw new ArgumentException(SR.StreamNotWritable, nameof(stream));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunkSize);
        _stream = stream;
        _chunkSize = chunkSize;
        _buffer = new PooledBufferWriter(Math.Min(chunkSize, 1 << 24) + chunkSize / 8 + RecordStreamFormat.MaxChunkHeaderSize);
        _buffer.ResetTo(RecordStreamFormat.MaxChunkHeaderSize);
    }

    /// <summary>Records written so far.</summary>
    public long RecordsWritten { get; private set; }

    /// <summary>Bytes handed to the stream so far (a chunk is handed over when full, and by <see cref="Complete"/>).</summary>
    public long BytesWritten { get; private set; }

    public void Write(T item)
    {
        if (_faulted || _completed) ThrowUnusable();
        var writer = new RecordWriter(_buffer, _types);
        try
        {
            CodecSlot<T>.Instance.Codec.Write(ref writer, item);
            writer.Flush();
        }
        catch
        {
            _faulted = true;
            throw;
        }
        _chunkRecords++;
        RecordsWritten++;
        if (_buffer.WrittenCount - RecordStreamFormat.MaxChunkHeaderSize >= _chunkSize) EmitChunk();
    }

    /// <summary>Writes the last chunk and the end marker; the stream is then a complete record stream.</summary>
    public void Complete()
    {
        if (_faulted || _completed) ThrowUnusable();
        if (_chunkRecords > 0) EmitChunk();
        Span<byte> end = stackalloc byte[1 + 10 + 4];
        end[0] = 0;
        int length = 1 + WriteVarUInt64(end[1..], (ulong)RecordsWritten);
        BinaryPrimitives.WriteUInt32LittleEndian(end[length..], RecordStreamFormat.EndChecksum((ulong)RecordsWritten));
        length += 4;
        WriteToStream(end[..length]);
        _completed = true;
    }

    public void Dispose() => _buffer.Dispose();

    private void EmitChunk()
    {
        const int reserved = RecordStreamFormat.MaxChunkHeaderSize;
        int payloadLength = _buffer.WrittenCount - reserved;
        Span<byte> buffer = _buffer.Buffer;
        uint checksum = XxHash32.Hash(buffer.Slice(reserved, payloadLength),
            RecordStreamFormat.ChunkSeed(_chunkRecords, payloadLength));
        Span<byte> header = stackalloc byte[reserved];
        int headerLength = RecordWriter.WriteVarUInt32(header, (uint)_chunkRecords);
        headerLength += RecordWriter.WriteVarUInt32(header[headerLength..], (uint)payloadLength);
        BinaryPrimitives.WriteUInt32LittleEndian(header[headerLength..], checksum);
        headerLength += 4;
        // The header goes right before the payload, so the chunk leaves in one write.
        header[..headerLength].CopyTo(buffer[(reserved - headerLength)..]);
        WriteToStream(buffer.Slice(reserved - headerLength, headerLength + payloadLength));
        _buffer.ResetTo(reserved);
        _chunkRecords = 0;
    }

    private void WriteToStream(ReadOnlySpan<byte> bytes)
    {
        try
        {
            if (!_started)
            {
                _stream.WriteByte(RecordStreamFormat.Version);
                BytesWritten++;
                _started = true;
            }
            _stream.Write(bytes);
            BytesWritten += bytes.Length;
        }
        catch
        {
            _faulted = true;
            throw;
        }
    }

    private void ThrowUnusable() =>
        throw new InvalidOperationException(_faulted ? SR.StreamWriterFaulted : SR.StreamWriterCompleted);

    private static int WriteVarUInt64(Span<byte> destination, ulong value)
    {
        int position = 0;
        while (value >= 0x80)
        {
            destination[position++] = (byte)(value | 0x80);
            value >>= 7;
        }
        destination[position++] = (byte)value;
        return position;
    }
}
