namespace MiniSpark.Formats.Parquet.Schema;

/// <summary>How a top-level field of a file maps to values of one row.</summary>
internal enum FieldShape
{
    /// <summary>One primitive leaf, required or optional: one value (or null) per row.</summary>
    Primitive,
    /// <summary>A LIST of primitives (3-level, legacy 2-level, or a bare repeated primitive): an array per row.</summary>
    List,
    /// <summary>Structs, maps, lists of lists or of structs, legacy repeated groups: assembled from levels (<see cref="SchemaField.Nested"/>).</summary>
    Nested,
    /// <summary>A shape the LIST / MAP rules do not cover, or one whose leaves cannot be read: not read.</summary>
    Unsupported,
}
