using MiniSpark.Formats.Parquet.Schema.Nested;

namespace MiniSpark.Formats.Parquet.Assembling;

/// <summary>Reads one value at a time as <typeparamref name="T"/>, consuming exactly its level entries.</summary>
/// <remarks>
/// A nullable node whose first leaf's next definition level is below the node's is null (and must sit exactly one
/// below: deeper nulls belong to an ancestor). Subclasses read present values.
/// </remarks>
internal abstract class ValueAssembler<T>(NestedNode node, LeafCursor[] leaves) : ValueAssembler(node, leaves)
{
    private static readonly bool CannotHoldNull = typeof(T).IsValueType && Nullable.GetUnderlyingType(typeof(T)) is null;

    public T Read(int repetitionLevel)
    {
        if (Node.IsNullable && First.PeekDefinition() < Node.DefinedLevel)
        {
            // The error names the value before consuming it, so its row and entry are the ones reported.
            if (CannotHoldNull) throw First.Error($"'{Node.Path}' is null, but {TypeNames.Of(typeof(T))} cannot hold null; make the member nullable.");
            SkipAll(repetitionLevel, Node.DefinedLevel - 1);
            return default!;
        }
        return ReadPresent(repetitionLevel);
    }

    public override object? ReadBoxed(int repetitionLevel) => Read(repetitionLevel);

    /// <summary>Reads a value known not to be null.</summary>
    protected abstract T ReadPresent(int repetitionLevel);
}
