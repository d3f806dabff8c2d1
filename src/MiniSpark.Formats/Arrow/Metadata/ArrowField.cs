namespace MiniSpark.Formats.Arrow.Metadata;

/// <summary>A column of a schema. For a dictionary-encoded column <see cref="Type"/> is the decoded value type.</summary>
internal sealed record ArrowField(string Name, ArrowType Type, bool Nullable, ArrowDictionaryEncoding? Dictionary = null);
