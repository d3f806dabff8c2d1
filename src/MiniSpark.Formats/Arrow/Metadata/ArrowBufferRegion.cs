namespace MiniSpark.Formats.Arrow.Metadata;

/// <summary>Schema.fbs <c>Buffer</c> struct (16 bytes): a region of a message body.</summary>
internal readonly record struct ArrowBufferRegion(long Offset, long Length);
