namespace MiniSpark.Formats.Arrow.Ipc;

/// <summary>The two Arrow IPC framings.</summary>
internal enum ArrowIpcFormat
{
    /// <summary>"ARROW1" magic, the stream, a footer indexing every batch: random access, one partition per batch.</summary>
    File,

    /// <summary>Schema message, dictionary and record batch messages, end-of-stream marker: sequential only.</summary>
    Stream,
}
