using System.Buffers;
using System.Buffers.Binary;
using MiniSpark.Formats.Arrow.Columns;
using MiniSpark.Formats.Arrow.FlatBuffers;
using MiniSpark.Formats.Arrow.Metadata;

namespace MiniSpark.Formats.Arrow.Ipc;

/// <summary>Random access to the record batches of an Arrow IPC file through its footer.</summary>
/// <remarks>
/// Layout: "ARROW1", 2 padding bytes, the stream, the footer flatbuffer, its int32 length, "ARROW1". Only the footer is
/// read on open; <see cref="ReadRecordBatch"/> seeks to one block, so separate readers can decode separate batches of
/// one file in parallel. Every block must lie between the leading magic and the footer. Dictionaries (all blocks, in
/// order) are loaded on the first batch read. Not thread-safe: one reader per task.
/// </remarks>
internal sealed class ArrowFileReader : ArrowReader
{
    private const int TrailerSize = 10; // int32 footer length + "ARROW1"

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly long _start;
    private readonly long _footerStart;
    private readonly ArrowFooter _footer;
    private ArrowDictionaries? _dictionaries;

    public ArrowFileReader(Stream stream, string source, bool leaveOpen = false) : base(source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek || !stream.CanRead) throw new ArgumentException("The Arrow file format needs a readable, seekable stream.", nameof(stream));
        _stream = stream;
        _leaveOpen = leaveOpen;
        _start = stream.Position;
        long length = stream.Length - _start;
        if (length < 8 + TrailerSize + 8)
            throw ArrowErrors.Invalid(source, 0, $"{length} bytes are too few for an Arrow IPC file");
        Span<byte> header = stackalloc byte[6];
        ReadAt(0, header);
        if (!header.SequenceEqual("ARROW1"u8)) throw ArrowErrors.Invalid(source, 0, "the file does not start with the ARROW1 magic");
        Span<byte> trailer = stackalloc byte[TrailerSize];
        ReadAt(length - TrailerSize, trailer);
        if (!trailer[4..].SequenceEqual("ARROW1"u8)) throw ArrowErrors.Invalid(source, length - 6, "the file does not end with the ARROW1 magic");
        int footerLength = BinaryPrimitives.ReadInt32LittleEndian(trailer);
        if (footerLength < 8 || footerLength > length - TrailerSize - 8)
            throw ArrowErrors.Invalid(source, length - TrailerSize, $"footer length {footerLength} does not fit the {length}-byte file");
        _footerStart = length - TrailerSize - footerLength;
        _stream.Position = _start + _footerStart;
        byte[] footer = ArrowStreams.ReadRented(_stream, footerLength, source, _footerStart, "footer");
        try
        {
            _footer = ArrowMetadataReader.ReadFooter(new FlatBuffer(footer.AsMemory(0, footerLength), source, _footerStart));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(footer);
        }
    }

    public override ArrowSchema Schema => _footer.Schema;

    public override long SchemaOffset => _footerStart;

    /// <summary>Number of record batches the footer lists: the unit of parallel reading.</summary>
    public int RecordBatchCount => _footer.RecordBatches.Length;

    /// <summary>Decodes record batch <paramref name="index"/> (0-based, in file order).</summary>
    public ArrowRecordBatch ReadRecordBatch(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, RecordBatchCount);
        ArrowDictionaries? dictionaries = LoadDictionaries();
        ArrowBlock block = _footer.RecordBatches[index];
        (ArrowMessage message, byte[] body, long bodyOffset) = ReadBlock(block, ArrowMessageType.RecordBatch);
        try
        {
            return ArrowBatchDecoder.Decode(Schema, message.RecordBatch!, body.AsSpan(0, (int)message.BodyLength), Source, block.Offset, bodyOffset, dictionaries);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(body);
        }
    }

    public override IEnumerable<ArrowRecordBatch> ReadBatches()
    {
        for (int i = 0; i < RecordBatchCount; i++) yield return ReadRecordBatch(i);
    }

    private ArrowDictionaries? LoadDictionaries()
    {
        if (_dictionaries is not null || _footer.Dictionaries.Length == 0) return _dictionaries ?? EmptyDictionaries();
        var dictionaries = new ArrowDictionaries(Schema, Source);
        foreach (ArrowBlock block in _footer.Dictionaries)
        {
            (ArrowMessage message, byte[] body, long bodyOffset) = ReadBlock(block, ArrowMessageType.DictionaryBatch);
            try
            {
                dictionaries.Apply(message.DictionaryBatch!, body.AsSpan(0, (int)message.BodyLength), block.Offset, bodyOffset);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(body);
            }
        }
        return _dictionaries = dictionaries;
    }

    // A schema may name dictionaries the footer does not list; decoding then reports the missing id.
    private ArrowDictionaries EmptyDictionaries() => _dictionaries = new ArrowDictionaries(Schema, Source);

    /// <summary>Reads the message at <paramref name="block"/>; returns its metadata and its body in a pooled array.</summary>
    private (ArrowMessage Message, byte[] Body, long BodyOffset) ReadBlock(ArrowBlock block, ArrowMessageType expected)
    {
        if (block.Offset < 8 || block.MetadataLength < 8 || block.Offset > _footerStart || block.MetadataLength > _footerStart - block.Offset)
            throw ArrowErrors.Invalid(Source, _footerStart, $"the footer lists a {expected} block at offset {block.Offset} with {block.MetadataLength} metadata bytes, outside the file's body");
        _stream.Position = _start + block.Offset;
        byte[] metadata = ArrowStreams.ReadRented(_stream, block.MetadataLength, Source, block.Offset, "message metadata");
        ArrowMessage message;
        try
        {
            int first = BinaryPrimitives.ReadInt32LittleEndian(metadata);
            int prefix = first == -1 ? 8 : 4; // pre-0.15 files have no continuation marker
            int length = first == -1 ? BinaryPrimitives.ReadInt32LittleEndian(metadata.AsSpan(4)) : first;
            if (length < 8 || length > block.MetadataLength - prefix)
                throw ArrowErrors.Invalid(Source, block.Offset, $"metadata length {length} does not fit the block's {block.MetadataLength} metadata bytes");
            message = ArrowMetadataReader.ReadMessage(new FlatBuffer(metadata.AsMemory(prefix, length), Source, block.Offset + prefix));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(metadata);
        }
        if (message.Type != expected)
            throw ArrowErrors.Invalid(Source, block.Offset, $"the footer lists a {expected} block here, but the message is a {message.Type}");
        long bodyOffset = block.Offset + block.MetadataLength;
        if (message.BodyLength > _footerStart - bodyOffset)
            throw ArrowErrors.Invalid(Source, block.Offset, $"the message body of {message.BodyLength} bytes runs into the footer");
        byte[] body = ArrowStreams.ReadRented(_stream, message.BodyLength, Source, bodyOffset, "message body");
        return (message, body, bodyOffset);
    }

    private void ReadAt(long offset, Span<byte> target)
    {
        _stream.Position = _start + offset;
        if (ArrowStreams.ReadUpTo(_stream, target) != target.Length)
            throw ArrowErrors.Invalid(Source, offset, "the file ends unexpectedly");
    }

    public override void Dispose()
    {
        if (!_leaveOpen) _stream.Dispose();
    }
}
