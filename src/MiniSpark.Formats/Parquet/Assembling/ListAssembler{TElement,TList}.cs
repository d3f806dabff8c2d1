using MiniSpark.Formats.Parquet.Schema.Nested;

namespace MiniSpark.Formats.Parquet.Assembling;

/// <summary>A list as <typeparamref name="TList"/>: an array of the elements, or a <see cref="List{T}"/> (for any interface it implements).</summary>
/// <remarks>
/// A present list whose first entry is defined below <see cref="RepeatedNode.InstanceLevel"/> is empty. Otherwise
/// elements follow while the next entry repeats at the list's own repetition level; deeper levels belong to the
/// elements (nested lists), shallower ones to an ancestor.
/// </remarks>
internal sealed class ListAssembler<TElement, TList>(ListNode node, LeafCursor[] leaves, ValueAssembler<TElement> element, bool asArray)
    : ValueAssembler<TList>(node, leaves)
    where TList : class
{
    protected override TList ReadPresent(int repetitionLevel)
    {
        if (First.PeekDefinition() < node.InstanceLevel)
        {
            SkipAll(repetitionLevel, node.InstanceLevel - 1);
            return asArray ? (TList)(object)Array.Empty<TElement>() : (TList)(object)new List<TElement>();
        }
        var items = new List<TElement> { element.Read(repetitionLevel) };
        while (First.ContinuesAt(node.RepetitionLevel)) items.Add(element.Read(node.RepetitionLevel));
        return asArray ? (TList)(object)items.ToArray() : (TList)(object)items;
    }
}
