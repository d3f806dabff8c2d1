namespace MiniSpark.Serialization;

internal delegate void MemberWriter<T>(ref RecordWriter writer, T value);

internal delegate T MemberReader<T>(ref RecordReader reader);

/// <summary>A struct, record or class written member by member through delegates compiled once per type
/// (<see cref="ObjectCodecBuilder"/>).</summary>
internal sealed class ObjectCodec<T>(MemberWriter<T> write, MemberReader<T> read) : RecordCodec<T>
{
    public override void Write(ref RecordWriter writer, T value) => write(ref writer, value);

    public override T Read(ref RecordReader reader) => read(ref reader);

    /// <summary>Read side of the marker byte written for a struct without members (every value takes a byte).</summary>
    public static void ReadEmptyMarker(ref RecordReader reader)
    {
        if (reader.ReadByte() != 0) reader.ThrowInvalid($"'{typeof(T).Name}' marker", 1);
    }
}
