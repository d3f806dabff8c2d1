namespace MiniSpark.Serialization;

/// <summary>A presence byte (0 or 1), then the value: outer joins' missing sides survive disk and spill.</summary>
internal sealed class OptionCodec<T> : RecordCodec<Option<T>>
{
    private readonly CodecSlot<T> _value = CodecSlot<T>.Instance;

    public override void Write(ref RecordWriter writer, Option<T> value)
    {
        writer.WriteBoolean(value.HasValue);
        if (value.HasValue) _value.Codec.Write(ref writer, value.Value);
    }

    public override Option<T> Read(ref RecordReader reader) =>
        reader.ReadBoolean() ? Option.Some(_value.Codec.Read(ref reader)) : Option<T>.None;
}
