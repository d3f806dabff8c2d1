using MiniSpark.Formats.Parquet.Metadata;

namespace MiniSpark.Formats.Parquet.Schema;

/// <summary>A node of the schema tree rebuilt from the footer's depth-first element list.</summary>
internal sealed class SchemaNode(SchemaElement element, SchemaNode? parent)
{
    public SchemaElement Element { get; } = element;
    public SchemaNode? Parent { get; } = parent;
    public List<SchemaNode> Children { get; } = [];
    /// <summary>Optional and repeated nodes from the root down to and including this one.</summary>
    public int DefinitionLevel { get; init; }
    /// <summary>Repeated nodes from the root down to and including this one.</summary>
    public int RepetitionLevel { get; init; }
    public int Depth { get; init; }
    public ColumnDescriptor? Leaf { get; set; }

    public bool IsLeaf => Element.Type is not null;
    public bool IsRepeated => Element.RepetitionType == FieldRepetitionType.Repeated;

    public bool IsListAnnotated =>
        Element.LogicalType?.Kind == LogicalTypeKind.List || Element.ConvertedType == ConvertedType.List;
}
