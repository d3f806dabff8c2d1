using MiniSpark.Formats.Parquet.Schema;

namespace MiniSpark.Formats.Parquet.Assembling;

/// <summary>How to assemble one node as one .NET type: checked once per reader, instantiated per row group.</summary>
internal sealed class AssemblerPlan(Type target, IReadOnlyList<ColumnDescriptor> leaves, Func<LeafCursors, ValueAssembler> create)
{
    /// <summary>The type the assembler produces: it is a <see cref="ValueAssembler{T}"/> of it.</summary>
    public Type Target { get; } = target;

    /// <summary>The leaf columns the assembler reads, in column order (only those a record maps, for records).</summary>
    public IReadOnlyList<ColumnDescriptor> Leaves { get; } = leaves;

    public ValueAssembler Create(LeafCursors cursors) => create(cursors);

    /// <summary>The cursors of <see cref="Leaves"/>.</summary>
    public LeafCursor[] CursorsOf(LeafCursors cursors)
    {
        var result = new LeafCursor[Leaves.Count];
        for (int i = 0; i < result.Length; i++) result[i] = cursors[Leaves[i].Index];
        return result;
    }
}
