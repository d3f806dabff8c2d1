using System.Buffers.Binary;
using System.Text;

namespace MiniSpark.Formats.Arrow.FlatBuffers;

/// <summary>A FlatBuffers buffer of untrusted bytes; every offset and length is checked against the buffer.</summary>
/// <remarks>
/// Layout (FlatBuffers binary format): a <c>uoffset</c> (uint32) at 0 points to the root table; a table starts with an
/// <c>soffset</c> (int32) giving <c>table - vtable</c>; a vtable is uint16 {vtable size, table size, field offsets};
/// references are uint32 offsets relative to where they are stored; vectors and strings start with a uint32 count.
/// Because uoffsets are unsigned, every reference points forward: a reader cannot loop, only recurse, and the Arrow
/// metadata readers bound recursion themselves. Errors carry the absolute offset <see cref="BaseOffset"/> + position.
/// </remarks>
internal sealed class FlatBuffer(ReadOnlyMemory<byte> bytes, string source, long baseOffset)
{
    public string Source { get; } = source;
    public long BaseOffset { get; } = baseOffset;
    public int Length => bytes.Length;
    public ReadOnlySpan<byte> Span => bytes.Span;

    /// <summary>The root table the buffer's first uoffset points to.</summary>
    public FlatTable Root()
    {
        if (Length < 8) throw Error(0, $"a FlatBuffers buffer of {Length} bytes is too short");
        return Table(ReadReference(0));
    }

    public InvalidDataException Error(long position, string message) =>
        ArrowErrors.Invalid(Source, BaseOffset + position, message);

    public void Require(long position, long size, string what)
    {
        if (position < 0 || size < 0 || position + size > Length)
            throw Error(Math.Max(0, position), $"{what} ({size} bytes at {position}) lies outside the {Length}-byte metadata buffer");
    }

    public byte ReadByte(int position) { Require(position, 1, "a byte"); return Span[position]; }
    public short ReadInt16(int position) { Require(position, 2, "an int16"); return BinaryPrimitives.ReadInt16LittleEndian(Span[position..]); }
    public ushort ReadUInt16(int position) { Require(position, 2, "a uint16"); return BinaryPrimitives.ReadUInt16LittleEndian(Span[position..]); }
    public int ReadInt32(int position) { Require(position, 4, "an int32"); return BinaryPrimitives.ReadInt32LittleEndian(Span[position..]); }
    public long ReadInt64(int position) { Require(position, 8, "an int64"); return BinaryPrimitives.ReadInt64LittleEndian(Span[position..]); }

    /// <summary>Follows the uoffset stored at <paramref name="position"/>; the target must leave room for a 4-byte header.</summary>
    public int ReadReference(int position)
    {
        Require(position, 4, "a reference");
        long target = position + (long)BinaryPrimitives.ReadUInt32LittleEndian(Span[position..]);
        if (target + 4 > Length) throw Error(position, $"reference to {target} points past the end of the metadata");
        return (int)target;
    }

    /// <summary>Reads a table header and its vtable at <paramref name="position"/>, validating both.</summary>
    public FlatTable Table(int position)
    {
        Require(position, 4, "a table");
        long vtable = position - (long)ReadInt32(position);
        if (vtable < 0 || vtable + 4 > Length) throw Error(position, $"vtable at {vtable} lies outside the metadata");
        int vtableSize = ReadUInt16((int)vtable);
        int tableSize = ReadUInt16((int)vtable + 2);
        if (vtableSize < 4 || (vtableSize & 1) != 0) throw Error(vtable, $"vtable size {vtableSize} is invalid");
        Require(vtable, vtableSize, "a vtable");
        if (tableSize < 4) throw Error(vtable, $"table size {tableSize} is invalid");
        Require(position, tableSize, "a table");
        return new FlatTable(this, position, (int)vtable, vtableSize, tableSize);
    }

    /// <summary>Reads a vector header at <paramref name="position"/>: count and element bytes must fit the buffer.</summary>
    public FlatVector Vector(int position, int elementSize)
    {
        uint count = BinaryPrimitives.ReadUInt32LittleEndian(Span[position..]);
        long bytesNeeded = count * (long)elementSize;
        if (bytesNeeded > Length - (position + 4L))
            throw Error(position, $"vector of {count} elements of {elementSize} bytes does not fit the metadata");
        return new FlatVector(this, position + 4, (int)count, elementSize);
    }

    /// <summary>Reads a string at <paramref name="position"/> (UTF-8; the NUL terminator is not required).</summary>
    public string String(int position)
    {
        uint length = BinaryPrimitives.ReadUInt32LittleEndian(Span[position..]);
        if (length > Length - (position + 4L)) throw Error(position, $"string of {length} bytes does not fit the metadata");
        return Encoding.UTF8.GetString(Span.Slice(position + 4, (int)length));
    }
}
