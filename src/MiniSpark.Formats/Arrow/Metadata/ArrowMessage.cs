namespace MiniSpark.Formats.Arrow.Metadata;

/// <summary>Message.fbs <c>Message</c>: one header (schema, dictionary batch or record batch) and the body length.</summary>
internal sealed record ArrowMessage(
    short Version,
    ArrowMessageType Type,
    long BodyLength,
    ArrowSchema? Schema = null,
    RecordBatchHeader? RecordBatch = null,
    DictionaryBatchHeader? DictionaryBatch = null);
