namespace MiniSpark.Formats.Parquet.Schema.Nested;

/// <summary>A list or map: a value made of the instances of one repeated schema node.</summary>
internal abstract class RepeatedNode : NestedNode
{
    /// <summary>The definition level from which the value holds at least one instance; a present value below it is empty.</summary>
    public required int InstanceLevel { get; init; }

    /// <summary>The repetition level of the repeated node: a level entry at it starts another instance of the same value.</summary>
    public required int RepetitionLevel { get; init; }
}
