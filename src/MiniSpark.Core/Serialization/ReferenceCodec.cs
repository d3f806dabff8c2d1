namespace MiniSpark.Serialization;

/// <summary>Adds the marker byte of a reference type around the codec of its non-null values.</summary>
/// <remarks>
/// Marker 0: null. Marker 1: a value of exactly the declared type follows, in the inner codec's format.
/// Marker 2 (only when <c>polymorphic</c>): the runtime type differs from the declared one; a type reference
/// follows (see <see cref="PolymorphicValues"/>), then the value in its runtime type's format. The depth of nested
/// reference values is counted here and in <see cref="ArrayCodec{T}"/>: past <see cref="RecordWriter.MaxDepth"/>
/// the graph is taken for a cycle.
/// <para>A value declared as a sequence interface (<c>IEnumerable&lt;E&gt;</c>, <c>IReadOnlyList&lt;E&gt;</c>,
/// <c>IList&lt;E&gt;</c>, <c>ICollection&lt;E&gt;</c>, <c>IReadOnlyCollection&lt;E&gt;</c>) whose runtime type has no
/// codec (a LINQ iterator, a read-only wrapper) is materialized and stored as a <c>List&lt;E&gt;</c>.</para>
/// </remarks>
internal sealed class ReferenceCodec<T>(RecordCodec<T>? inner, bool polymorphic) : RecordCodec<T>
{
    private static readonly Func<object, object>? s_materialize = SequenceMaterializer();

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
        if (inner is null || (polymorphic && value.GetType() != typeof(T)))
        {
            // Not counted here: the runtime type's own codec counts the level (reference types and arrays do).
            object runtimeValue = value;
            if (s_materialize is not null && !BoxedCodec.IsSupported(runtimeValue.GetType()))
                runtimeValue = s_materialize(runtimeValue);
            PolymorphicValues.Write(ref writer, runtimeValue);
            return;
        }
        writer.Enter(typeof(T));
        writer.WriteByte(Exact);
        inner.Write(ref writer, value);
        writer.Exit();
    }

    public override T Read(ref RecordReader reader)
    {
        byte marker = reader.ReadByte();
        if (marker == Null) return default!;
        if (marker == Exact && inner is not null)
        {
            reader.Enter(typeof(T));
            T value = inner.Read(ref reader);
            reader.Exit();
            return value;
        }
        if (marker == Tagged && (polymorphic || inner is null)) return (T)PolymorphicValues.Read(ref reader, typeof(T))!;
        reader.ThrowInvalid($"reference marker for '{typeof(T).Name}'", 1);
        return default!;
    }

    private static Func<object, object>? SequenceMaterializer()
    {
        Type type = typeof(T);
        if (!type.IsInterface || !type.IsGenericType) return null;
        Type definition = type.GetGenericTypeDefinition();
        if (definition != typeof(IEnumerable<>) && definition != typeof(IReadOnlyCollection<>)
            && definition != typeof(IReadOnlyList<>) && definition != typeof(ICollection<>) && definition != typeof(IList<>))
            return null;
        return typeof(ReferenceCodec<T>).GetMethod(nameof(Materialize), System.Reflection.BindingFlags.NonPublic
                | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(type.GetGenericArguments()[0])
            .CreateDelegate<Func<object, object>>();
    }

    private static object Materialize<TElement>(object sequence) => new List<TElement>((IEnumerable<TElement>)sequence);
}
