using MiniSpark.Formats.Parquet.Writing;

namespace MiniSpark.Formats.Parquet.Mapping;

/// <summary>A <see cref="Nullable{T}"/> property: null becomes a null row.</summary>
internal sealed class NullablePropertyWriter<T, TValue>(Func<T, TValue?> getter) : PropertyWriter<T>
    where TValue : struct
{
    private readonly ColumnBuffer<TValue> _buffer = new();

    public override ColumnBuffer Buffer => _buffer;

    public override void Append(T record)
    {
        TValue? value = getter(record);
        if (value.HasValue) _buffer.Add(value.GetValueOrDefault());
        else _buffer.AddNull();
    }
}
