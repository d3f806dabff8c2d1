using MiniSpark.Formats.Arrow.FlatBuffers;

namespace MiniSpark.Formats.Arrow.Metadata;

/// <summary>Decodes Message.fbs / File.fbs / Schema.fbs tables from an untrusted <see cref="FlatBuffer"/>.</summary>
/// <remarks>
/// Nested field children are never followed (the codec supports flat columns only, and a nested type is reported as
/// unsupported when its column is decoded), so reading metadata recurses at most a fixed few tables deep.
/// </remarks>
internal static class ArrowMetadataReader
{
    /// <summary>MetadataVersion.V4 (0.8 to 0.17); V5 (1.0 and later) is 4.</summary>
    public const short MetadataV4 = 3;

    public static ArrowMessage ReadMessage(FlatBuffer buffer)
    {
        FlatTable message = buffer.Root();
        short version = message.GetInt16(0);
        if (version < MetadataV4) throw ArrowErrors.Unsupported(buffer.Source, buffer.BaseOffset, $"metadata version V{version + 1}");
        var type = (ArrowMessageType)message.GetByte(1);
        long bodyLength = message.GetInt64(3);
        if (bodyLength < 0) throw buffer.Error(message.Position, $"negative body length {bodyLength}");
        FlatTable? header = message.GetTable(2);
        if (header is not FlatTable table)
            throw buffer.Error(message.Position, $"message of type {type} has no header");
        return type switch
        {
            ArrowMessageType.Schema => new ArrowMessage(version, type, bodyLength, Schema: ReadSchema(table)),
            ArrowMessageType.RecordBatch => new ArrowMessage(version, type, bodyLength, RecordBatch: ReadRecordBatch(table)),
            ArrowMessageType.DictionaryBatch => new ArrowMessage(version, type, bodyLength, DictionaryBatch: ReadDictionaryBatch(table)),
            ArrowMessageType.Tensor or ArrowMessageType.SparseTensor =>
                throw ArrowErrors.Unsupported(buffer.Source, buffer.BaseOffset + table.Position, $"{type} messages"),
            _ => throw buffer.Error(message.Position, $"unknown message header type {(byte)type}"),
        };
    }

    public static ArrowFooter ReadFooter(FlatBuffer buffer)
    {
        FlatTable footer = buffer.Root();
        short version = footer.GetInt16(0);
        if (version < MetadataV4) throw ArrowErrors.Unsupported(buffer.Source, buffer.BaseOffset, $"metadata version V{version + 1}");
        if (footer.GetTable(1) is not FlatTable schema) throw buffer.Error(footer.Position, "the file footer has no schema");
        return new ArrowFooter(version, ReadSchema(schema), ReadBlocks(footer.GetVector(2, 24)), ReadBlocks(footer.GetVector(3, 24)));
    }

    private static ArrowBlock[] ReadBlocks(FlatVector vector)
    {
        var blocks = new ArrowBlock[vector.Count];
        for (int i = 0; i < blocks.Length; i++)
        {
            blocks[i] = new ArrowBlock(vector.GetInt64(i, 0), vector.GetInt32(i, 8), vector.GetInt64(i, 16));
        }
        return blocks;
    }

    public static ArrowSchema ReadSchema(FlatTable schema)
    {
        FlatBuffer buffer = schema.Buffer;
        short endianness = schema.GetInt16(0);
        if (endianness == 1) throw ArrowErrors.Unsupported(buffer.Source, buffer.BaseOffset + schema.Position, "big-endian data");
        if (endianness != 0) throw buffer.Error(schema.Position, $"unknown endianness {endianness}");
        FlatVector fields = schema.GetVector(1, 4);
        var result = new ArrowField[fields.Count];
        for (int i = 0; i < result.Length; i++) result[i] = ReadField(fields.GetTable(i));
        return new ArrowSchema(result);
    }

    private static ArrowField ReadField(FlatTable field)
    {
        string name = field.GetString(0) ?? "";
        bool nullable = field.GetBool(1);
        ArrowType type = ReadType(field.Buffer, field.GetByte(2), field.GetTable(3), field.Position);
        ArrowDictionaryEncoding? dictionary = null;
        if (field.GetTable(4) is FlatTable encoding)
        {
            ArrowType indexType = encoding.GetTable(1) is FlatTable index
                ? ReadType(field.Buffer, (byte)ArrowTypeId.Int, index, encoding.Position)
                : ArrowType.Int32; // the specification's default index type
            dictionary = new ArrowDictionaryEncoding(encoding.GetInt64(0), indexType, encoding.GetBool(2));
        }
        return new ArrowField(name, type, nullable, dictionary);
    }

    private static ArrowType ReadType(FlatBuffer buffer, byte tag, FlatTable? table, int position)
    {
        if (tag == 0 || tag > (byte)ArrowTypeId.LargeListView) throw buffer.Error(position, $"unknown type tag {tag}");
        var id = (ArrowTypeId)tag;
        if (table is not FlatTable t) return new ArrowType(id); // parameterless types may omit their (empty) table
        switch (id)
        {
            case ArrowTypeId.Int:
                int bitWidth = t.GetInt32(0);
                if (bitWidth is not (8 or 16 or 32 or 64)) throw buffer.Error(t.Position, $"Int bit width {bitWidth} is invalid");
                return new ArrowType(id, bitWidth, t.GetBool(1));
            case ArrowTypeId.FloatingPoint:
                short precision = t.GetInt16(0);
                if (precision is < 0 or > 2) throw buffer.Error(t.Position, $"floating point precision {precision} is invalid");
                return new ArrowType(id, 16 << precision);
            case ArrowTypeId.Decimal:
                return new ArrowType(id, t.GetInt32(2, 128), true, t.GetInt32(0), t.GetInt32(1));
            case ArrowTypeId.Date:
                short dateUnit = t.GetInt16(0, 1);
                if (dateUnit is not (0 or 1)) throw buffer.Error(t.Position, $"date unit {dateUnit} is invalid");
                return new ArrowType(id, dateUnit == 0 ? 32 : 64);
            case ArrowTypeId.Timestamp:
                short unit = t.GetInt16(0);
                if (unit is < 0 or > 3) throw buffer.Error(t.Position, $"time unit {unit} is invalid");
                return new ArrowType(id, 64, Unit: (ArrowTimeUnit)unit, TimeZone: t.GetString(1));
            case ArrowTypeId.Time:
                return new ArrowType(id, t.GetInt32(1, 32), Unit: (ArrowTimeUnit)t.GetInt16(0, 1));
            case ArrowTypeId.Duration:
                return new ArrowType(id, 64, Unit: (ArrowTimeUnit)t.GetInt16(0, 1));
            case ArrowTypeId.FixedSizeBinary:
                return new ArrowType(id, t.GetInt32(0) * 8);
            default:
                return new ArrowType(id);
        }
    }

    private static RecordBatchHeader ReadRecordBatch(FlatTable batch)
    {
        FlatVector nodeVector = batch.GetVector(1, 16);
        var nodes = new ArrowFieldNode[nodeVector.Count];
        for (int i = 0; i < nodes.Length; i++) nodes[i] = new ArrowFieldNode(nodeVector.GetInt64(i, 0), nodeVector.GetInt64(i, 8));
        FlatVector bufferVector = batch.GetVector(2, 16);
        var buffers = new ArrowBufferRegion[bufferVector.Count];
        for (int i = 0; i < buffers.Length; i++) buffers[i] = new ArrowBufferRegion(bufferVector.GetInt64(i, 0), bufferVector.GetInt64(i, 8));
        int? compression = batch.GetTable(3) is FlatTable codec ? codec.GetByte(0) : null;
        return new RecordBatchHeader(batch.GetInt64(0), nodes, buffers, compression);
    }

    private static DictionaryBatchHeader ReadDictionaryBatch(FlatTable dictionary)
    {
        if (dictionary.GetTable(1) is not FlatTable data)
            throw dictionary.Buffer.Error(dictionary.Position, "dictionary batch has no data");
        return new DictionaryBatchHeader(dictionary.GetInt64(0), ReadRecordBatch(data), dictionary.GetBool(2));
    }
}
