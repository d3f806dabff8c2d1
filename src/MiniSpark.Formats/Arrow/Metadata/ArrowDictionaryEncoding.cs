namespace MiniSpark.Formats.Arrow.Metadata;

/// <summary>Schema.fbs <c>DictionaryEncoding</c>: the column holds indices of <see cref="IndexType"/> into dictionary <see cref="Id"/>.</summary>
internal sealed record ArrowDictionaryEncoding(long Id, ArrowType IndexType, bool IsOrdered);
