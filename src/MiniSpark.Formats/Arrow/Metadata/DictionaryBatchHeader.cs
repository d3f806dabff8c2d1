namespace MiniSpark.Formats.Arrow.Metadata;

/// <summary>Message.fbs <c>DictionaryBatch</c>: the values of dictionary <see cref="Id"/>, replacing or extending it.</summary>
internal sealed record DictionaryBatchHeader(long Id, RecordBatchHeader Data, bool IsDelta);
