using System.Runtime.InteropServices;

namespace MiniSpark.Serialization;

/// <summary>A non-null list as its count and elements (the null marker is <see cref="ReferenceCodec{T}"/>'s).</summary>
internal sealed class ListCodec<T> : RecordCodec<List<T>>
{
    private readonly CodecSlot<T> _element = CodecSlot<T>.Instance;

    public override void Write(ref RecordWriter writer, List<T> value)
    {
        ReadOnlySpan<T> items = CollectionsMarshal.AsSpan(value);
        writer.WriteVarUInt32((uint)items.Length);
        RecordCodec<T> codec = _element.Codec;
        foreach (T item in items) codec.Write(ref writer, item);
    }

    public override List<T> Read(ref RecordReader reader)
    {
        int count = reader.ReadLength(1);
        RecordCodec<T> codec = _element.Codec;
        var list = new List<T>(count);
        for (int i = 0; i < count; i++) list.Add(codec.Read(ref reader));
        return list;
    }
}
