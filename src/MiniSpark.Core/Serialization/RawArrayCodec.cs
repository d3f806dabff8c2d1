using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MiniSpark.Serialization;

/// <summary>An array of a primitive (or enum) as <c>length + 1</c> and its memory copied as little-endian bytes.</summary>
internal sealed class RawArrayCodec<T> : RecordCodec<T[]> where T : unmanaged
{
    public override void Write(ref RecordWriter writer, T[] value)
    {
        if (value is null)
        {
            writer.WriteByte(0);
            return;
        }
        writer.WriteVarUInt32((uint)value.Length + 1);
        writer.WriteRaw(MemoryMarshal.AsBytes(value.AsSpan()));
    }

    public override T[] Read(ref RecordReader reader)
    {
        int length = reader.ReadNullableLength(Unsafe.SizeOf<T>());
        if (length < 0) return null!;
        T[] array = GC.AllocateUninitializedArray<T>(length);
        RawElements.Read(ref reader, array);
        return array;
    }
}
