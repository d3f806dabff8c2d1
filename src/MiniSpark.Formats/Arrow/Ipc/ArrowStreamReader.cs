using System.Buffers;
using System.Buffers.Binary;
using MiniSpark.Formats.Arrow.Columns;
using MiniSpark.Formats.Arrow.FlatBuffers;
using MiniSpark.Formats.Arrow.Metadata;

namespace MiniSpark.Formats.Arrow.Ipc;

/// <summary>Sequential reader of the Arrow IPC stream format; works on non-seekable streams.</summary>
/// <remarks>
/// Messages: [0xFFFFFFFF] int32 metadata length, flatbuffer (padded), body. The schema comes first; dictionary batches
/// precede the record batches that use them. The stream ends at the end-of-stream marker (length 0) or at end of input
/// on a message boundary. Offsets in errors count bytes consumed since the reader was created.
/// </remarks>
internal sealed class ArrowStreamReader : ArrowReader
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly ArrowDictionaries _dictionaries;
    private long _position;
    private bool _ended;

    public ArrowStreamReader(Stream stream, string source, bool leaveOpen = false) : base(source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _leaveOpen = leaveOpen;
        ArrowMessage? first = ReadMessage(out byte[]? body, out _, out _);
        if (body is not null) ArrayPool<byte>.Shared.Return(body);
        if (first is null) throw ArrowErrors.Invalid(source, 0, "the stream ends before its schema");
        if (first.Schema is null) throw ArrowErrors.Invalid(source, 0, $"the stream starts with a {first.Type} message, not a schema");
        Schema = first.Schema;
        _dictionaries = new ArrowDictionaries(Schema, source);
    }

    public override ArrowSchema Schema { get; }

    public override long SchemaOffset => 0;

    /// <summary>Decodes the next record batch, applying dictionary batches on the way; null at end of stream.</summary>
    public ArrowRecordBatch? ReadNextBatch()
    {
        while (!_ended)
        {
            ArrowMessage? message = ReadMessage(out byte[]? body, out long offset, out long bodyOffset);
            if (message is null) break;
            try
            {
                ReadOnlySpan<byte> span = body.AsSpan(0, (int)message.BodyLength);
                switch (message.Type)
                {
                    case ArrowMessageType.RecordBatch:
                        return ArrowBatchDecoder.Decode(Schema, message.RecordBatch!, span, Source, offset, bodyOffset, _dictionaries);
                    case ArrowMessageType.DictionaryBatch:
                        _dictionaries.Apply(message.DictionaryBatch!, span, offset, bodyOffset);
                        break;
                    default:
                        throw ArrowErrors.Invalid(Source, offset, $"unexpected {message.Type} message after the schema");
                }
            }
            finally
            {
                if (body is not null) ArrayPool<byte>.Shared.Return(body);
            }
        }
        _ended = true;
        return null;
    }

    public override IEnumerable<ArrowRecordBatch> ReadBatches()
    {
        while (ReadNextBatch() is ArrowRecordBatch batch) yield return batch;
    }

    /// <summary>Reads one framed message; null at the end-of-stream marker or a clean end of input.</summary>
    private ArrowMessage? ReadMessage(out byte[]? body, out long offset, out long bodyOffset)
    {
        body = null;
        offset = _position;
        bodyOffset = 0;
        Span<byte> word = stackalloc byte[4];
        int read = ArrowStreams.ReadUpTo(_stream, word);
        if (read == 0) return null;
        if (read < 4) throw ArrowErrors.Invalid(Source, offset, "the stream ends inside a message prefix");
        _position += 4;
        int length = BinaryPrimitives.ReadInt32LittleEndian(word);
        if (length == -1)
        {
            if (ArrowStreams.ReadUpTo(_stream, word) < 4) throw ArrowErrors.Invalid(Source, _position, "the stream ends inside a message prefix");
            _position += 4;
            length = BinaryPrimitives.ReadInt32LittleEndian(word);
        }
        if (length == 0) return null;
        if (length < 8) throw ArrowErrors.Invalid(Source, offset, $"message metadata length {length} is invalid");
        long metadataOffset = _position;
        byte[] metadata = ArrowStreams.ReadRented(_stream, length, Source, metadataOffset, "message metadata");
        ArrowMessage message;
        try
        {
            _position += length;
            message = ArrowMetadataReader.ReadMessage(new FlatBuffer(metadata.AsMemory(0, length), Source, metadataOffset));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(metadata);
        }
        bodyOffset = _position;
        body = ArrowStreams.ReadRented(_stream, message.BodyLength, Source, bodyOffset, "message body");
        _position += message.BodyLength;
        return message;
    }

    public override void Dispose()
    {
        if (!_leaveOpen) _stream.Dispose();
    }
}
