namespace MiniSpark.Formats.Arrow.Metadata;

/// <summary>Message.fbs <c>RecordBatch</c>: row count, one node per column, the body's buffer regions.</summary>
/// <remarks><see cref="Compression"/> is the BodyCompression codec tag, or null for an uncompressed body.</remarks>
internal sealed record RecordBatchHeader(long Length, ArrowFieldNode[] Nodes, ArrowBufferRegion[] Buffers, int? Compression = null);
