namespace MiniSpark;

/// <summary>Collects the values added, in no particular order across tasks.</summary>
public sealed class CollectionAccumulator<T> : AccumulatorV2<T, IReadOnlyList<T>>
{
    private readonly List<T> _items = [];

    /// <inheritdoc/>
    protected override void AddValue(T value) => _items.Add(value);

    /// <summary>A snapshot of the items (a copy, so later additions do not change it).</summary>
    protected override IReadOnlyList<T> GetValue() => [.. _items];

    /// <inheritdoc/>
    protected override void MergeValue(AccumulatorV2<T, IReadOnlyList<T>> other) => _items.AddRange(((CollectionAccumulator<T>)other)._items);

    /// <inheritdoc/>
    protected override void ResetValue() => _items.Clear();

    /// <inheritdoc/>
    protected override bool IsZeroValue() => _items.Count == 0;

    /// <inheritdoc/>
    protected override AccumulatorV2<T, IReadOnlyList<T>> CreateEmpty() => new CollectionAccumulator<T>();
}
