namespace MiniSpark.Formats.Arrow.Metadata;

/// <summary>Message.fbs <c>MessageHeader</c> union tags.</summary>
internal enum ArrowMessageType : byte
{
    None = 0,
    Schema = 1,
    DictionaryBatch = 2,
    RecordBatch = 3,
    Tensor = 4,
    SparseTensor = 5,
}
