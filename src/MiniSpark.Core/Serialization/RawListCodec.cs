using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MiniSpark.Serialization;

/// <summary>A non-null list of a primitive (or enum) as its count and raw little-endian element bytes.</summary>
internal sealed class RawListCodec<T> : RecordCodec<List<T>> where T : unmanaged
{
    public override void Write(ref RecordWriter writer, List<T> value)
    {
        Span<T> items = CollectionsMarshal.AsSpan(value);
        writer.WriteVarUInt32((uint)items.Length);
        writer.WriteRaw(MemoryMarshal.AsBytes(items));
    }

    public override List<T> Read(ref RecordReader reader)
    {
        int count = reader.ReadLength(Unsafe.SizeOf<T>());
        var list = new List<T>(count);
        CollectionsMarshal.SetCount(list, count);
        RawElements.Read(ref reader, CollectionsMarshal.AsSpan(list));
        return list;
    }
}
