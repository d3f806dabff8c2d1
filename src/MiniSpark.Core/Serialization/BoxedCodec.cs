using System.Collections.Concurrent;

namespace MiniSpark.Serialization;

/// <summary>The codec of a runtime type, called through <see cref="object"/> (polymorphic values only).</summary>
internal abstract class BoxedCodec
{
    private static readonly ConcurrentDictionary<Type, BoxedCodec> s_cache = new();
    private static readonly ConcurrentDictionary<Type, NotSupportedException> s_unsupported = new();

    /// <summary>The boxed codec of <paramref name="type"/>; throws <see cref="NotSupportedException"/> when the type
    /// cannot be serialized.</summary>
    public static BoxedCodec For(Type type)
    {
        if (s_cache.TryGetValue(type, out BoxedCodec? codec)) return codec;
        if (s_unsupported.TryGetValue(type, out NotSupportedException? known))
            throw new NotSupportedException(known.Message, known);
        try
        {
            return s_cache.GetOrAdd(type, Create(type));
        }
        catch (NotSupportedException e)
        {
            // Remembered so a fallback can test for it per value without paying for an exception each time;
            // forgotten when a codec is registered (it may be for this type or one of its members).
            s_unsupported.TryAdd(type, e);
            throw;
        }
    }

    /// <summary>Forgets the types that failed: a registration may have made them serializable.</summary>
    public static void ForgetUnsupported() => s_unsupported.Clear();

    /// <summary>Whether <paramref name="type"/> has a codec; exceptions are paid once per type.</summary>
    public static bool IsSupported(Type type)
    {
        if (s_cache.ContainsKey(type)) return true;
        if (s_unsupported.ContainsKey(type)) return false;
        try
        {
            For(type);
            return true;
        }
        catch (NotSupportedException)
        {
            return false;
        }
    }

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
