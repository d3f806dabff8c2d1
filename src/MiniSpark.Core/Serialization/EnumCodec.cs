using System.Runtime.CompilerServices;

namespace MiniSpark.Serialization;

/// <summary>An enum as its underlying integer (variable-length).</summary>
internal sealed class EnumCodec<TEnum, TUnderlying> : RecordCodec<TEnum>
    where TEnum : struct, Enum
    where TUnderlying : struct
{
    private readonly RecordCodec<TUnderlying> _underlying = (RecordCodec<TUnderlying>)ScalarCodecs.TryGet(typeof(TUnderlying))!;

    public override void Write(ref RecordWriter writer, TEnum value) =>
        _underlying.Write(ref writer, Unsafe.As<TEnum, TUnderlying>(ref value));

    public override TEnum Read(ref RecordReader reader)
    {
        TUnderlying value = _underlying.Read(ref reader);
        return Unsafe.As<TUnderlying, TEnum>(ref value);
    }
}
