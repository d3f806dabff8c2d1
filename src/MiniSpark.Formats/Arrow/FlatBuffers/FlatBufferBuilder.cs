using System.Buffers.Binary;

namespace MiniSpark.Formats.Arrow.FlatBuffers;

/// <summary>Serializes a tree of <see cref="FlatObject"/>s front to back into one FlatBuffers buffer.</summary>
/// <remarks>
/// The usual FlatBuffers builders write back to front; writing a parent before its children is equally valid (uoffsets
/// only need to point forward, and a vtable may precede its table) and keeps this builder short. Arrow metadata is a
/// few hundred bytes per message, so a tree of small objects costs nothing that matters.
/// </remarks>
internal sealed class FlatBufferBuilder
{
    private byte[] _buffer = new byte[256];

    public int Length { get; private set; }

    /// <summary>Builds a buffer whose root is <paramref name="root"/>.</summary>
    public static byte[] Build(FlatObject root)
    {
        var builder = new FlatBufferBuilder();
        int rootSlot = builder.Reserve(4);
        int rootPosition = root.WriteTo(builder);
        builder.WriteUInt32(rootSlot, (uint)(rootPosition - rootSlot));
        return builder._buffer.AsSpan(0, builder.Length).ToArray();
    }

    /// <summary>Pads with zeros until <see cref="Length"/> is a multiple of <paramref name="alignment"/>.</summary>
    public void Align(int alignment) => Reserve((alignment - Length % alignment) % alignment);

    /// <summary>Appends <paramref name="size"/> zero bytes and returns their position.</summary>
    public int Reserve(int size)
    {
        int position = Length;
        if (position + size > _buffer.Length) Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, position + size));
        Length = position + size;
        return position;
    }

    public Span<byte> At(int position, int size) => _buffer.AsSpan(position, size);

    public void WriteUInt16(int position, ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(At(position, 2), value);
    public void WriteInt32(int position, int value) => BinaryPrimitives.WriteInt32LittleEndian(At(position, 4), value);
    public void WriteUInt32(int position, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(At(position, 4), value);

    /// <summary>Writes the uoffset at <paramref name="slot"/> pointing to <paramref name="target"/> (always forward).</summary>
    public void WriteReference(int slot, int target) => WriteUInt32(slot, (uint)(target - slot));
}
