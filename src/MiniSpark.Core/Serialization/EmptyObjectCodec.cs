namespace MiniSpark.Serialization;

/// <summary>The body of a plain <c>new object()</c>: nothing beyond the reference marker.</summary>
internal sealed class EmptyObjectCodec<T> : RecordCodec<T>
{
    public override void Write(ref RecordWriter writer, T value) { }

    public override T Read(ref RecordReader reader) => (T)new object();
}
