namespace MiniSpark.Formats.Parquet.Schema.Nested;

/// <summary>A list: a LIST-annotated group (any of its legacy forms) or an unannotated repeated field.</summary>
internal sealed class ListNode : RepeatedNode
{
    public required NestedNode Element { get; init; }

    public override IReadOnlyList<ColumnDescriptor> Leaves => Element.Leaves;
}
