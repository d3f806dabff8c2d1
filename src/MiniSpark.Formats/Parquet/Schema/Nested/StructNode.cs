namespace MiniSpark.Formats.Parquet.Schema.Nested;

/// <summary>A group read as a struct: named fields in schema order.</summary>
internal sealed class StructNode : NestedNode
{
    private ColumnDescriptor[]? _leaves;

    public required IReadOnlyList<NestedNode> Fields { get; init; }

    public override IReadOnlyList<ColumnDescriptor> Leaves => _leaves ??= [.. Fields.SelectMany(f => f.Leaves)];
}
