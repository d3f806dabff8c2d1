namespace MiniSpark.Formats.Parquet.Schema;

/// <summary>A top-level field of a file: what readers map to a property or dictionary entry.</summary>
internal sealed class SchemaField
{
    public required string Name { get; init; }
    public required FieldShape Shape { get; init; }
    /// <summary>The primitive leaf, or the element leaf of a list; null when unsupported.</summary>
    public ColumnDescriptor? Column { get; init; }
    /// <summary>Every leaf column under this field (one unless unsupported).</summary>
    public required IReadOnlyList<ColumnDescriptor> Leaves { get; init; }
    /// <summary>Lists: definition levels below this mean the list is null.</summary>
    public int ListDefinitionLevel { get; init; }
    /// <summary>Lists: definition levels below this (and at least <see cref="ListDefinitionLevel"/>) mean the list is empty.</summary>
    public int ElementDefinitionLevel { get; init; }
    /// <summary>Why this field cannot be read, or null.</summary>
    public string? Unsupported { get; init; }
}
