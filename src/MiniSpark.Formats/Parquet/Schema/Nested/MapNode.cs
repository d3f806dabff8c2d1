namespace MiniSpark.Formats.Parquet.Schema.Nested;

/// <summary>A map: a MAP (or stray MAP_KEY_VALUE) group of repeated key / value pairs.</summary>
/// <remarks><see cref="Value"/> is null when the pairs hold only a key, which LogicalTypes.md allows (every value null).</remarks>
internal sealed class MapNode : RepeatedNode
{
    private ColumnDescriptor[]? _leaves;

    public required PrimitiveNode Key { get; init; }

    public NestedNode? Value { get; init; }

    public override IReadOnlyList<ColumnDescriptor> Leaves => _leaves ??= [.. Key.Leaves, .. Value?.Leaves ?? []];
}
