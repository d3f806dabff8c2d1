using System.Diagnostics;

namespace MiniSpark.Rdds;

/// <summary>The per-record function of a narrow transformation (Map, Filter, FlatMap and friends), kept so that two
/// consecutive ones can run as one loop.</summary>
/// <remarks>
/// Each pipelined dataset adds an iterator layer, that is two interface calls per record; in a word count, FlatMap
/// then Map then the map-side combine spend a visible share of their time there. A dataset whose parent is another
/// step (neither persisted nor checkpointed) asks the parent to run both steps in one fused loop over the
/// grandparent's records. The lineage is untouched: both datasets stay in the graph, with their names and their
/// persistence; only the per-record loop is shared.
/// </remarks>
internal abstract class RecordStep<TIn, TOut>
{
    /// <summary>This step alone over <paramref name="records"/>, including bad-record skipping when the task asks for it.</summary>
    public abstract IEnumerable<TOut> Apply(IEnumerable<TIn> records, TaskContext task);

    /// <summary>True when this step followed by <paramref name="next"/> has a fused loop.</summary>
    public abstract bool FusesWith<TNext>(RecordStep<TOut, TNext> next);

    /// <summary>This step followed by <paramref name="next"/> in one loop (only when <see cref="FusesWith{TNext}"/>).</summary>
    public abstract IEnumerable<TNext> Fuse<TNext>(RecordStep<TOut, TNext> next, IEnumerable<TIn> records);

    private protected UnreachableException NotFusable(object next) =>
        new($"{GetType().Name} has no fused loop with {next.GetType().Name}.");

    // The fused loops of a Where step keep the element type: TNext is TOut there.
    private protected static IEnumerable<TNext> Same<TNext>(IEnumerable<TOut> records) => (IEnumerable<TNext>)records;
}

/// <summary>Map: one output per record.</summary>
internal sealed class SelectStep<TIn, TOut>(Func<TIn, TOut> selector) : RecordStep<TIn, TOut>
{
    public Func<TIn, TOut> Selector { get; } = selector;

    public override IEnumerable<TOut> Apply(IEnumerable<TIn> records, TaskContext task) => Iterators.Select(records, Selector, task);

    public override bool FusesWith<TNext>(RecordStep<TOut, TNext> next) =>
        next is SelectStep<TOut, TNext> or WhereStep<TOut> or SelectManyStep<TOut, TNext>;

    public override IEnumerable<TNext> Fuse<TNext>(RecordStep<TOut, TNext> next, IEnumerable<TIn> records) => next switch
    {
        SelectStep<TOut, TNext> select => Iterators.SelectSelect(records, Selector, select.Selector),
        WhereStep<TOut> where => Same<TNext>(Iterators.SelectWhere(records, Selector, where.Predicate)),
        SelectManyStep<TOut, TNext> selectMany => Iterators.SelectSelectMany(records, Selector, selectMany.Selector),
        _ => throw NotFusable(next),
    };
}

/// <summary>Filter: the records the predicate keeps.</summary>
internal sealed class WhereStep<T>(Func<T, bool> predicate) : RecordStep<T, T>
{
    public Func<T, bool> Predicate { get; } = predicate;

    public override IEnumerable<T> Apply(IEnumerable<T> records, TaskContext task) => Iterators.Where(records, Predicate, task);

    public override bool FusesWith<TNext>(RecordStep<T, TNext> next) =>
        next is SelectStep<T, TNext> or WhereStep<T> or SelectManyStep<T, TNext>;

    public override IEnumerable<TNext> Fuse<TNext>(RecordStep<T, TNext> next, IEnumerable<T> records) => next switch
    {
        SelectStep<T, TNext> select => Iterators.WhereSelect(records, Predicate, select.Selector),
        WhereStep<T> where => Same<TNext>(Iterators.WhereWhere(records, Predicate, where.Predicate)),
        SelectManyStep<T, TNext> selectMany => Iterators.WhereSelectMany(records, Predicate, selectMany.Selector),
        _ => throw NotFusable(next),
    };
}

/// <summary>FlatMap: zero or more outputs per record.</summary>
internal sealed class SelectManyStep<TIn, TOut>(Func<TIn, IEnumerable<TOut>> selector) : RecordStep<TIn, TOut>
{
    public Func<TIn, IEnumerable<TOut>> Selector { get; } = selector;

    public override IEnumerable<TOut> Apply(IEnumerable<TIn> records, TaskContext task) => Iterators.SelectMany(records, Selector, task);

    public override bool FusesWith<TNext>(RecordStep<TOut, TNext> next) => next is SelectStep<TOut, TNext> or WhereStep<TOut>;

    public override IEnumerable<TNext> Fuse<TNext>(RecordStep<TOut, TNext> next, IEnumerable<TIn> records) => next switch
    {
        SelectStep<TOut, TNext> select => Iterators.SelectManySelect(records, Selector, select.Selector),
        WhereStep<TOut> where => Same<TNext>(Iterators.SelectManyWhere(records, Selector, where.Predicate)),
        _ => throw NotFusable(next),
    };
}
