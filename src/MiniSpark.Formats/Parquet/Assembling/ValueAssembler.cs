using MiniSpark.Formats.Parquet.Schema.Nested;

namespace MiniSpark.Formats.Parquet.Assembling;

/// <summary>Rebuilds the values of one <see cref="NestedNode"/> from its leaves' levels (Dremel record assembly); see <see cref="ValueAssembler{T}"/>.</summary>
/// <remarks>
/// <paramref name="leaves"/> are the cursors of the leaves this assembler reads: all of the node's, or, for a record
/// that maps only some struct fields, those of the mapped fields. Any of them tells whether the value is null,
/// empty or continues, because every leaf under a node carries an entry for each of these events.
/// </remarks>
internal abstract class ValueAssembler(NestedNode node, LeafCursor[] leaves)
{
    protected NestedNode Node { get; } = node;

    /// <summary>The leaf whose next entry decides what the next value is.</summary>
    protected LeafCursor First { get; } = leaves[0];

    /// <summary>Reads the next value, boxed; <paramref name="repetitionLevel"/> is the level its first entry must carry.</summary>
    public abstract object? ReadBoxed(int repetitionLevel);

    /// <summary>Consumes the one entry every leaf has for a null or empty value defined up to <paramref name="definitionLevel"/>.</summary>
    protected void SkipAll(int repetitionLevel, int definitionLevel)
    {
        foreach (LeafCursor leaf in leaves) leaf.Skip(repetitionLevel, definitionLevel);
    }
}
