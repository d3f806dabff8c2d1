using System.Buffers.Binary;
using MiniSpark.Formats.Arrow.FlatBuffers;

namespace MiniSpark.Formats.Arrow.Metadata;

/// <summary>Encodes schemas, record batch headers and footers as FlatBuffers (MetadataVersion V5).</summary>
internal static class ArrowMetadataWriter
{
    /// <summary>MetadataVersion.V5.</summary>
    public const short MetadataV5 = 4;

    public static byte[] SchemaMessage(ArrowSchema schema) =>
        FlatBufferBuilder.Build(Message(ArrowMessageType.Schema, SchemaTable(schema), 0));

    public static byte[] RecordBatchMessage(long length, ReadOnlySpan<ArrowFieldNode> nodes, ReadOnlySpan<ArrowBufferRegion> buffers, long bodyLength) =>
        FlatBufferBuilder.Build(Message(ArrowMessageType.RecordBatch, RecordBatchTable(length, nodes, buffers), bodyLength));

    public static byte[] DictionaryBatchMessage(long id, long length, ReadOnlySpan<ArrowFieldNode> nodes,
        ReadOnlySpan<ArrowBufferRegion> buffers, long bodyLength, bool isDelta)
    {
        var dictionary = new FlatTableBuilder().AddInt64(0, id).AddObject(1, RecordBatchTable(length, nodes, buffers));
        if (isDelta) dictionary.AddBool(2, true);
        return FlatBufferBuilder.Build(Message(ArrowMessageType.DictionaryBatch, dictionary, bodyLength));
    }

    public static byte[] Footer(ArrowSchema schema, IReadOnlyList<ArrowBlock> dictionaries, IReadOnlyList<ArrowBlock> recordBatches) =>
        FlatBufferBuilder.Build(new FlatTableBuilder()
            .AddInt16(0, MetadataV5)
            .AddObject(1, SchemaTable(schema))
            .AddObject(2, Blocks(dictionaries))
            .AddObject(3, Blocks(recordBatches)));

    private static FlatTableBuilder Message(ArrowMessageType type, FlatTableBuilder header, long bodyLength) =>
        new FlatTableBuilder()
            .AddInt16(0, MetadataV5)
            .AddByte(1, (byte)type)
            .AddObject(2, header)
            .AddInt64(3, bodyLength);

    private static FlatStructVector Blocks(IReadOnlyList<ArrowBlock> blocks)
    {
        var data = new byte[blocks.Count * 24];
        for (int i = 0; i < blocks.Count; i++)
        {
            Span<byte> block = data.AsSpan(i * 24, 24);
            BinaryPrimitives.WriteInt64LittleEndian(block, blocks[i].Offset);
            BinaryPrimitives.WriteInt32LittleEndian(block[8..], blocks[i].MetadataLength);
            BinaryPrimitives.WriteInt64LittleEndian(block[16..], blocks[i].BodyLength);
        }
        return new FlatStructVector(data, blocks.Count, 8);
    }

    private static FlatTableBuilder RecordBatchTable(long length, ReadOnlySpan<ArrowFieldNode> nodes, ReadOnlySpan<ArrowBufferRegion> buffers)
    {
        var nodeData = new byte[nodes.Length * 16];
        for (int i = 0; i < nodes.Length; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(nodeData.AsSpan(i * 16), nodes[i].Length);
            BinaryPrimitives.WriteInt64LittleEndian(nodeData.AsSpan(i * 16 + 8), nodes[i].NullCount);
        }
        var bufferData = new byte[buffers.Length * 16];
        for (int i = 0; i < buffers.Length; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(bufferData.AsSpan(i * 16), buffers[i].Offset);
            BinaryPrimitives.WriteInt64LittleEndian(bufferData.AsSpan(i * 16 + 8), buffers[i].Length);
        }
        return new FlatTableBuilder()
            .AddInt64(0, length)
            .AddObject(1, new FlatStructVector(nodeData, nodes.Length, 8))
            .AddObject(2, new FlatStructVector(bufferData, buffers.Length, 8));
    }

    private static FlatTableBuilder SchemaTable(ArrowSchema schema)
    {
        var fields = new FlatObject[schema.Fields.Count];
        for (int i = 0; i < fields.Length; i++) fields[i] = FieldTable(schema.Fields[i]);
        return new FlatTableBuilder().AddInt16(0, 0).AddObject(1, new FlatOffsetVector(fields));
    }

    private static FlatTableBuilder FieldTable(ArrowField field)
    {
        var table = new FlatTableBuilder()
            .AddString(0, field.Name)
            .AddBool(1, field.Nullable)
            .AddByte(2, (byte)field.Type.Id)
            .AddObject(3, TypeTable(field.Type))
            .AddObject(5, new FlatOffsetVector([])); // Arrow C++ rejects a field whose children vector is absent
        if (field.Dictionary is ArrowDictionaryEncoding dictionary)
        {
            table.AddObject(4, new FlatTableBuilder()
                .AddInt64(0, dictionary.Id)
                .AddObject(1, TypeTable(dictionary.IndexType))
                .AddBool(2, dictionary.IsOrdered));
        }
        return table;
    }

    private static FlatTableBuilder TypeTable(ArrowType type)
    {
        var table = new FlatTableBuilder();
        switch (type.Id)
        {
            case ArrowTypeId.Int:
                table.AddInt32(0, type.BitWidth).AddBool(1, type.IsSigned);
                break;
            case ArrowTypeId.FloatingPoint:
                table.AddInt16(0, (short)(type.BitWidth == 16 ? 0 : type.BitWidth == 32 ? 1 : 2));
                break;
            case ArrowTypeId.Decimal:
                table.AddInt32(0, type.Precision).AddInt32(1, type.Scale).AddInt32(2, type.BitWidth);
                break;
            case ArrowTypeId.Date:
                table.AddInt16(0, (short)(type.BitWidth == 32 ? 0 : 1));
                break;
            case ArrowTypeId.Timestamp:
                table.AddInt16(0, (short)type.Unit);
                if (type.TimeZone is string zone) table.AddString(1, zone);
                break;
        }
        return table;
    }
}
