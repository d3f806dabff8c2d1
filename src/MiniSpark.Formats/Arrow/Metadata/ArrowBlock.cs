namespace MiniSpark.Formats.Arrow.Metadata;

/// <summary>File.fbs <c>Block</c> struct (24 bytes): where a message lies in a file.</summary>
/// <remarks><see cref="MetadataLength"/> counts the 8-byte prefix, the flatbuffer and its padding; the body follows.</remarks>
internal readonly record struct ArrowBlock(long Offset, int MetadataLength, long BodyLength);
