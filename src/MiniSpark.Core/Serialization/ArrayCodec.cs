namespace MiniSpark.Serialization;

/// <summary>An array as <c>length + 1</c> (0 for null) and its elements.</summary>
/// <remarks>Counts a nesting level: an <c>object[]</c> can contain itself.</remarks>
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
        writer.Enter(typeof(T[]));
        writer.WriteVarUInt32((uint)value.Length + 1);
        RecordCodec<T> codec = _element.Codec;
        foreach (T item in value) codec.Write(ref writer, item);
        writer.Exit();
    }

    public override T[] Read(ref RecordReader reader)
    {
        int length = reader.ReadNullableLength(1);
        if (length < 0) return null!;
        reader.Enter(typeof(T[]));
        RecordCodec<T> codec = _element.Codec;
        var array = new T[length];
        for (int i = 0; i < array.Length; i++) array[i] = codec.Read(ref reader);
        reader.Exit();
        return array;
    }
}
