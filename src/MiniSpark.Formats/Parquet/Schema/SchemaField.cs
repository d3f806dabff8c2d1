using MiniSpark.Formats.Parquet.Schema.Nested;

namespace MiniSpark.Formats.Parquet.Schema;

/// <summary>A top-level field of a file: what readers map to a property or dictionary entry.</summary>
internal sealed class SchemaField
{
    public required string Name { get; init; }
    public required FieldShape Shape { get; init; }
    /// <summary>The primitive leaf, or the element leaf of a list; null when unsupported.</summary>
    public ColumnDescriptor? Column { get; init; }
    /// <summary>Every leaf column under this field.</summary>
    public required IReadOnlyList<ColumnDescriptor> Leaves { get; init; }
    /// <summary>Lists: definition levels below this mean the list is null.</summary>
    public int ListDefinitionLevel { get; init; }
    /// <summary>Lists: definition levels below this (and at least <see cref="ListDefinitionLevel"/>) mean the list is empty.</summary>
    public int ElementDefinitionLevel { get; init; }
    /// <summary>The logical shape of a <see cref="FieldShape.Nested"/> or <see cref="FieldShape.List"/> field; null otherwise.</summary>
    /// <remarks>Lists of primitives have both: the flat list path, and this one for members it cannot fill (a <c>List&lt;T&gt;</c>).</remarks>
    public NestedNode? Nested { get; init; }
    /// <summary>Why this field cannot be read, or null.</summary>
    public string? Unsupported { get; init; }
}
