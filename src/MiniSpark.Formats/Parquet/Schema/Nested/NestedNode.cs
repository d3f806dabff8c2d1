namespace MiniSpark.Formats.Parquet.Schema.Nested;

/// <summary>A value in the logical shape of a nested field: what record assembly rebuilds from its leaves' levels.</summary>
/// <remarks>
/// The logical shape hides the physical detail of LIST and MAP encodings (the repeated middle groups and the legacy
/// 2-level forms): a list is one node with an element, a map one node with a key and a value. Levels are the
/// definition levels of the underlying schema nodes, so assembly compares them with the leaves' levels directly.
/// </remarks>
internal abstract class NestedNode
{
    /// <summary>The field name (a struct key, or the element / key / value group's name).</summary>
    public required string Name { get; init; }

    /// <summary>Dotted schema path, for messages.</summary>
    public required string Path { get; init; }

    /// <summary>Whether the value may be null (an optional field).</summary>
    public required bool IsNullable { get; init; }

    /// <summary>The definition level of a present value; a nullable value is null at exactly one level less.</summary>
    public required int DefinedLevel { get; init; }

    /// <summary>Every leaf column under the node, in column order: the first one is what assembly looks at to decide.</summary>
    public abstract IReadOnlyList<ColumnDescriptor> Leaves { get; }
}
