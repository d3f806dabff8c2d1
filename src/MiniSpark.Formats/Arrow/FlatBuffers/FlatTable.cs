namespace MiniSpark.Formats.Arrow.FlatBuffers;

/// <summary>A validated table: its inline bytes and vtable lie inside the buffer.</summary>
/// <remarks>A field is absent when its slot is past the vtable or its offset is 0; absent fields read as defaults.</remarks>
internal readonly struct FlatTable(FlatBuffer buffer, int position, int vtable, int vtableSize, int tableSize)
{
    public FlatBuffer Buffer => buffer;
    public int Position => position;

    /// <summary>Absolute position of slot <paramref name="slot"/>'s inline value of <paramref name="size"/> bytes, or -1.</summary>
    public int FieldPosition(int slot, int size)
    {
        int entry = 4 + 2 * slot;
        if (entry + 2 > vtableSize) return -1;
        int offset = buffer.ReadUInt16(vtable + entry);
        if (offset == 0) return -1;
        if (offset < 4 || offset + size > tableSize)
            throw buffer.Error(vtable + entry, $"field {slot} at table offset {offset} lies outside its {tableSize}-byte table");
        return position + offset;
    }

    public bool GetBool(int slot, bool defaultValue = false)
    {
        int at = FieldPosition(slot, 1);
        return at < 0 ? defaultValue : buffer.ReadByte(at) != 0;
    }

    public byte GetByte(int slot, byte defaultValue = 0)
    {
        int at = FieldPosition(slot, 1);
        return at < 0 ? defaultValue : buffer.ReadByte(at);
    }

    public short GetInt16(int slot, short defaultValue = 0)
    {
        int at = FieldPosition(slot, 2);
        return at < 0 ? defaultValue : buffer.ReadInt16(at);
    }

    public int GetInt32(int slot, int defaultValue = 0)
    {
        int at = FieldPosition(slot, 4);
        return at < 0 ? defaultValue : buffer.ReadInt32(at);
    }

    public long GetInt64(int slot, long defaultValue = 0)
    {
        int at = FieldPosition(slot, 8);
        return at < 0 ? defaultValue : buffer.ReadInt64(at);
    }

    public bool Has(int slot) => FieldPosition(slot, 0) >= 0;

    public FlatTable? GetTable(int slot)
    {
        int at = FieldPosition(slot, 4);
        return at < 0 ? null : buffer.Table(buffer.ReadReference(at));
    }

    public string? GetString(int slot)
    {
        int at = FieldPosition(slot, 4);
        return at < 0 ? null : buffer.String(buffer.ReadReference(at));
    }

    /// <summary>The vector in <paramref name="slot"/>, or an empty one when absent.</summary>
    public FlatVector GetVector(int slot, int elementSize)
    {
        int at = FieldPosition(slot, 4);
        return at < 0 ? new FlatVector(buffer, 0, 0, elementSize) : buffer.Vector(buffer.ReadReference(at), elementSize);
    }
}
