namespace MiniSpark.Formats.Arrow.Metadata;

/// <summary>File.fbs <c>Footer</c>: the schema and where each dictionary and record batch message lies.</summary>
internal sealed record ArrowFooter(short Version, ArrowSchema Schema, ArrowBlock[] Dictionaries, ArrowBlock[] RecordBatches);
