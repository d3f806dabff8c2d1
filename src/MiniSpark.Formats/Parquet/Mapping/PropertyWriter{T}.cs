using MiniSpark.Formats.Parquet.Writing;

namespace MiniSpark.Formats.Parquet.Mapping;

/// <summary>Copies one property of each <typeparamref name="T"/> record into its column buffer.</summary>
internal abstract class PropertyWriter<T>
{
    public abstract ColumnBuffer Buffer { get; }

    public abstract void Append(T record);
}
