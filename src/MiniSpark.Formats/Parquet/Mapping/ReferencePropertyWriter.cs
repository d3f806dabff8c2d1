using MiniSpark.Formats.Parquet.Writing;

namespace MiniSpark.Formats.Parquet.Mapping;

/// <summary>A string or byte[] property: a null reference becomes a null row.</summary>
internal sealed class ReferencePropertyWriter<T, TValue>(Func<T, TValue?> getter) : PropertyWriter<T>
    where TValue : class
{
    private readonly ColumnBuffer<TValue> _buffer = new();

    public override ColumnBuffer Buffer => _buffer;

    public override void Append(T record)
    {
        TValue? value = getter(record);
        if (value is null) _buffer.AddNull();
        else _buffer.Add(value);
    }
}
