using MiniSpark.Formats.Parquet.Writing;

namespace MiniSpark.Formats.Parquet.Mapping;

/// <summary>A non-nullable value-type property (after any conversion the getter applies).</summary>
internal sealed class ValuePropertyWriter<T, TValue>(Func<T, TValue> getter) : PropertyWriter<T>
{
    private readonly ColumnBuffer<TValue> _buffer = new();

    public override ColumnBuffer Buffer => _buffer;

    public override void Append(T record) => _buffer.Add(getter(record));
}
