namespace MiniSpark.Serialization;

/// <summary>An array as <c>length + 1</c> (0 for null) and its elements.</summary>
internal sealed class ArrayCodec<T> : RecordCodec<T[]>
{
    private readonly CodecSlot<T> _element = CodecSlot<T>.Instance;

    public override void Write(ref RecordWriter writer, T[] value)
    {
        if (value is null)
        {
            writer.WriteByte(0);
            return;
        }
        writer.WriteVarUInt32((uint)value.Length + 1);
        RecordCodec<T> codec = _element.Codec;
        foreach (T item in value) codec.Write(ref writer, item);
    }

    public override T[] Read(ref RecordReader reader)
    {
        int length = reader.ReadNullableLength(1);
        if (length < 0) return null!;
        RecordCodec<T> codec = _element.Codec;
        var array = new T[length];
        for (int i = 0; i < array.Length; i++) array[i] = codec.Read(ref reader);
        return array;
    }
}
