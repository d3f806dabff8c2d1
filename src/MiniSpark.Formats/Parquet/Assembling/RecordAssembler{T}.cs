using MiniSpark.Formats.Parquet.Mapping;
using MiniSpark.Formats.Parquet.Schema.Nested;

namespace MiniSpark.Formats.Parquet.Assembling;

/// <summary>A struct as a <typeparamref name="T"/> record: its members filled from the fields they match, through the
/// same compiled factory (constructor and setters) that top-level records use.</summary>
/// <remarks>
/// <paramref name="slots"/> holds one accessor per member, in <see cref="RecordReaderShape{T}.Members"/> order: a
/// <see cref="MemberSlot{T}"/> for a matched field, a <see cref="NullAccessor{T}"/> for a member the struct lacks.
/// <paramref name="fields"/> are the slots to fill, in field order, plus any field read only to keep the levels in step.
/// </remarks>
internal sealed class RecordAssembler<T>(StructNode node, LeafCursor[] leaves, ColumnAccessor[] slots, IMemberSlot[] fields)
    : ValueAssembler<T>(node, leaves)
{
    private readonly Func<ColumnAccessor[], int, T> _factory = RecordReaderShape<T>.FactoryFor(slots);

    protected override T ReadPresent(int repetitionLevel)
    {
        foreach (IMemberSlot field in fields) field.Fill(repetitionLevel);
        return _factory(slots, 0);
    }
}
