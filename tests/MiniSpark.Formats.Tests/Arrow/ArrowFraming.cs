using System.Buffers.Binary;
using MiniSpark.Formats.Arrow.Columns;
using MiniSpark.Formats.Arrow.Ipc;
using MiniSpark.Formats.Arrow.Metadata;

namespace MiniSpark.Tests.Arrow;

/// <summary>Frames hand-made messages into a stream, for inputs the writer never produces (dictionaries, bad headers).</summary>
internal sealed class ArrowFraming
{
    private readonly MemoryStream _output = new();

    public ArrowFraming Message(byte[] metadata, ReadOnlySpan<byte> body = default)
    {
        int padded = (metadata.Length + 15) / 8 * 8 - 8;
        Span<byte> prefix = stackalloc byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(prefix, -1);
        BinaryPrimitives.WriteInt32LittleEndian(prefix[4..], padded);
        _output.Write(prefix);
        _output.Write(metadata);
        _output.Write(new byte[padded - metadata.Length]);
        _output.Write(body);
        return this;
    }

    public ArrowFraming Schema(ArrowSchema schema) => Message(ArrowMetadataWriter.SchemaMessage(schema));

    /// <summary>Encodes <paramref name="columns"/> as a record batch (or, with <paramref name="dictionaryId"/>, a dictionary batch).</summary>
    public ArrowFraming Batch(ArrowField[] fields, ArrowColumn[] columns, long? dictionaryId = null, bool isDelta = false)
    {
        using var body = new ArrowBodyBuffer();
        var nodes = new List<ArrowFieldNode>();
        var buffers = new List<ArrowBufferRegion>();
        for (int i = 0; i < fields.Length; i++) ArrowBatchEncoder.Encode(fields[i], columns[i], body, nodes, buffers);
        int length = columns[0].Length;
        byte[] metadata = dictionaryId is long id
            ? ArrowMetadataWriter.DictionaryBatchMessage(id, length, [.. nodes], [.. buffers], body.Length, isDelta)
            : ArrowMetadataWriter.RecordBatchMessage(length, [.. nodes], [.. buffers], body.Length);
        return Message(metadata, body.Written);
    }

    public byte[] End()
    {
        _output.Write([0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0]);
        return _output.ToArray();
    }
}
