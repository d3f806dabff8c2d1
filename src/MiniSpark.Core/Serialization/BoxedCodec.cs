using System.Collections.Concurrent;

namespace MiniSpark.Serialization;

/// <summary>The codec of a runtime type, called through <see cref="object"/> (polymorphic values only).</summary>
internal abstract class BoxedCodec
{
    private static readonly ConcurrentDictionary<Type, BoxedCodec> s_cache = new();

    /// <summary>The boxed codec of <paramref name="type"/>; throws <see cref="NotSupportedException"/> when the type
    /// cannot be serialized.</summary>
    public static BoxedCodec For(Type type) =>
        s_cache.TryGetValue(type, out BoxedCodec? codec) ? codec : s_cache.GetOrAdd(type, Create(type));

    public abstract void WriteBoxed(ref RecordWriter writer, object value);

    public abstract object? ReadBoxed(ref RecordReader reader);

    private static BoxedCodec Create(Type type)
    {
        if (CodecFactory.UnsupportedReason(type) is string reason)
            throw new NotSupportedException(Internal.SR.TypeNotSerializable(type, reason));
        CodecSlot.For(type).EnsureBuilt();
        return (BoxedCodec)Activator.CreateInstance(typeof(BoxedCodec<>).MakeGenericType(type))!;
    }
}

/// <summary>Unboxes (or casts) and forwards to the current codec of <typeparamref name="T"/>.</summary>
internal sealed class BoxedCodec<T> : BoxedCodec
{
    private readonly CodecSlot<T> _slot = CodecSlot<T>.Instance;

    public override void WriteBoxed(ref RecordWriter writer, object value) => _slot.Codec.Write(ref writer, (T)value);

    public override object? ReadBoxed(ref RecordReader reader) => _slot.Codec.Read(ref reader);
}
