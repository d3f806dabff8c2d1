using MiniSpark.Formats.Parquet.Mapping;

namespace MiniSpark.Formats.Parquet.Assembling;

/// <summary>Holds one member's value so the record factory of <see cref="RecordReaderShape{T}"/> can read it as accessor row 0.</summary>
internal sealed class MemberSlot<T>(ValueAssembler<T> field) : ColumnAccessor<T>, IMemberSlot
{
    private T _value = default!;

    public void Fill(int repetitionLevel) => _value = field.Read(repetitionLevel);

    public override bool IsNull(int row) => _value is null;

    public override T Get(int row) => _value;
}
