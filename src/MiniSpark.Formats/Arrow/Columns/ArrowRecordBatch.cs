using MiniSpark.Formats.Arrow.Metadata;

namespace MiniSpark.Formats.Arrow.Columns;

/// <summary>A decoded record batch: one column per schema field, all <see cref="Length"/> rows long.</summary>
/// <remarks><see cref="Source"/> and <see cref="Offset"/> (the batch message's byte offset) name it in errors.</remarks>
internal sealed class ArrowRecordBatch(ArrowSchema schema, ArrowColumn[] columns, int length, string source, long offset)
{
    public ArrowSchema Schema { get; } = schema;
    public ArrowColumn[] Columns { get; } = columns;
    public int Length { get; } = length;
    public string Source { get; } = source;
    public long Offset { get; } = offset;
}
