namespace MiniSpark.Serialization;

/// <summary>A presence byte (0 or 1), then the value.</summary>
internal sealed class NullableCodec<T> : RecordCodec<T?> where T : struct
{
    private readonly CodecSlot<T> _value = CodecSlot<T>.Instance;

    public override void Write(ref RecordWriter writer, T? value)
    {
        writer.WriteBoolean(value.HasValue);
        if (value.HasValue) _value.Codec.Write(ref writer, value.GetValueOrDefault());
    }

    public override T? Read(ref RecordReader reader) => reader.ReadBoolean() ? _value.Codec.Read(ref reader) : null;
}
