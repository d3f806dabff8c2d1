namespace MiniSpark.Serialization;

/// <summary>Adds the marker byte of a reference type around the codec of its non-null values.</summary>
/// <remarks>
/// Marker 0: null. Marker 1: a value of exactly the declared type follows, in the inner codec's format.
/// Marker 2 (only when <c>polymorphic</c>): the runtime type differs from the declared one; a type reference
/// follows (see <see cref="PolymorphicValues"/>), then the value in its runtime type's format. The depth of nested
/// reference values is counted here: past <see cref="RecordWriter.MaxDepth"/> the graph is taken for a cycle.
/// </remarks>
internal sealed class ReferenceCodec<T>(RecordCodec<T>? inner, bool polymorphic) : RecordCodec<T>
{
    public const byte Null = 0;
    public const byte Exact = 1;
    public const byte Tagged = 2;

    public override void Write(ref RecordWriter writer, T value)
    {
        if (value is null)
        {
            writer.WriteByte(Null);
            return;
        }
        writer.Enter(typeof(T));
        if (inner is null || (polymorphic && value.GetType() != typeof(T)))
        {
            PolymorphicValues.Write(ref writer, value);
        }
        else
        {
            writer.WriteByte(Exact);
            inner.Write(ref writer, value);
        }
        writer.Exit();
    }

    public override T Read(ref RecordReader reader)
    {
        byte marker = reader.ReadByte();
        if (marker == Null) return default!;
        T value;
        reader.Enter(typeof(T));
        if (marker == Exact && inner is not null)
        {
            value = inner.Read(ref reader);
        }
        else if (marker == Tagged && (polymorphic || inner is null))
        {
            value = (T)PolymorphicValues.Read(ref reader, typeof(T))!;
        }
        else
        {
            reader.ThrowInvalid($"reference marker for '{typeof(T).Name}'", 1);
            return default!;
        }
        reader.Exit();
        return value;
    }
}
