using System.Buffers.Binary;

namespace MiniSpark.Formats.Arrow.FlatBuffers;

/// <summary>Collects a table's fields by vtable slot, then lays out vtable, inline fields and referenced objects.</summary>
/// <remarks>
/// Fields are placed in decreasing alignment after the 4-byte soffset, and the table starts on its widest alignment,
/// so every scalar is naturally aligned in the buffer. Absent slots are 0 in the vtable (the reader's default).
/// </remarks>
internal sealed class FlatTableBuilder : FlatObject
{
    private readonly List<Field> _fields = [];

    public FlatTableBuilder AddBool(int slot, bool value) => AddScalar(slot, 1, value ? 1 : 0);
    public FlatTableBuilder AddByte(int slot, byte value) => AddScalar(slot, 1, value);
    public FlatTableBuilder AddInt16(int slot, short value) => AddScalar(slot, 2, value);
    public FlatTableBuilder AddInt32(int slot, int value) => AddScalar(slot, 4, value);
    public FlatTableBuilder AddInt64(int slot, long value) => AddScalar(slot, 8, value);

    public FlatTableBuilder AddObject(int slot, FlatObject value)
    {
        _fields.Add(new Field(slot, 4, 0, value));
        return this;
    }

    public FlatTableBuilder AddString(int slot, string value) => AddObject(slot, new FlatString(value));

    private FlatTableBuilder AddScalar(int slot, int size, long value)
    {
        _fields.Add(new Field(slot, size, value, null));
        return this;
    }

    internal override int WriteTo(FlatBufferBuilder builder)
    {
        int slots = 0, tableAlign = 4;
        foreach (Field field in _fields)
        {
            slots = Math.Max(slots, field.Slot + 1);
            tableAlign = Math.Max(tableAlign, field.Size);
        }
        Field[] ordered = [.. _fields];
        Array.Sort(ordered, static (a, b) => b.Size != a.Size ? b.Size.CompareTo(a.Size) : a.Slot.CompareTo(b.Slot));
        var offsets = new int[ordered.Length];
        int tableSize = 4;
        for (int i = 0; i < ordered.Length; i++)
        {
            int size = ordered[i].Size;
            tableSize = (tableSize + size - 1) / size * size;
            offsets[i] = tableSize;
            tableSize += size;
        }

        builder.Align(2);
        int vtableSize = 4 + 2 * slots;
        int vtable = builder.Reserve(vtableSize);
        builder.Align(tableAlign);
        int table = builder.Reserve(tableSize);
        builder.WriteUInt16(vtable, (ushort)vtableSize);
        builder.WriteUInt16(vtable + 2, (ushort)tableSize);
        builder.WriteInt32(table, table - vtable);
        for (int i = 0; i < ordered.Length; i++)
        {
            Field field = ordered[i];
            builder.WriteUInt16(vtable + 4 + 2 * field.Slot, (ushort)offsets[i]);
            Span<byte> target = builder.At(table + offsets[i], field.Size);
            switch (field.Size)
            {
                case 1: target[0] = (byte)field.Scalar; break;
                case 2: BinaryPrimitives.WriteInt16LittleEndian(target, (short)field.Scalar); break;
                case 4 when field.Object is null: BinaryPrimitives.WriteInt32LittleEndian(target, (int)field.Scalar); break;
                case 8: BinaryPrimitives.WriteInt64LittleEndian(target, field.Scalar); break;
            }
        }
        // Children go after the table so every uoffset points forward.
        for (int i = 0; i < ordered.Length; i++)
        {
            if (ordered[i].Object is FlatObject child) builder.WriteReference(table + offsets[i], child.WriteTo(builder));
        }
        return table;
    }

    private readonly record struct Field(int Slot, int Size, long Scalar, FlatObject? Object);
}
