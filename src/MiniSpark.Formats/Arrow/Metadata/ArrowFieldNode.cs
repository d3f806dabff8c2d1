namespace MiniSpark.Formats.Arrow.Metadata;

/// <summary>Message.fbs <c>FieldNode</c> struct (16 bytes): one column's length and null count in a batch.</summary>
internal readonly record struct ArrowFieldNode(long Length, long NullCount);
