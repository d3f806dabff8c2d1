namespace MiniSpark;

/// <summary>Base class of accumulators that take <typeparamref name="TIn"/> values and produce a <typeparamref name="TOut"/>.</summary>
/// <remarks>
/// Subclass it for a custom accumulator (a set of distinct items, a histogram): implement the protected members
/// and register an instance with <see cref="SparkContext.Register(Accumulator, string?)"/>. The engine decides
/// which copy an <see cref="Add"/> goes to (see <see cref="Accumulator"/>), so implementations need no locking of
/// their own: each copy is used by one thread at a time, and the driver's copy is locked by the engine.
/// </remarks>
public abstract class AccumulatorV2<TIn, TOut> : Accumulator
{
    private readonly Lock _lock = new();

    /// <summary>Adds <paramref name="value"/>: to the task's private copy inside a task, to this accumulator outside.</summary>
    public void Add(TIn value)
    {
        if (TaskCopy() is AccumulatorV2<TIn, TOut> copy)
        {
            copy.AddValue(value);
            return;
        }
        lock (_lock) AddValue(value);
    }

    /// <summary>The merged value on the driver; inside a task, the task's own partial value.</summary>
    public TOut Value
    {
        get
        {
            if (TaskContext.Current is not null && Context is not null && TaskCopy() is AccumulatorV2<TIn, TOut> copy)
                return copy.GetValue();
            lock (_lock) return GetValue();
        }
    }

    /// <summary>Sets the value back to zero.</summary>
    public void Reset()
    {
        lock (_lock) ResetValue();
    }

    /// <inheritdoc/>
    public override bool IsZero
    {
        get { lock (_lock) return IsZeroValue(); }
    }

    /// <summary>Adds one value to this copy.</summary>
    protected abstract void AddValue(TIn value);

    /// <summary>This copy's current value.</summary>
    protected abstract TOut GetValue();

    /// <summary>Merges another copy of the same kind into this one.</summary>
    protected abstract void MergeValue(AccumulatorV2<TIn, TOut> other);

    /// <summary>Sets this copy back to zero.</summary>
    protected abstract void ResetValue();

    /// <summary>Whether this copy is zero.</summary>
    protected abstract bool IsZeroValue();

    /// <summary>A new, zero copy of the same kind (a task's private copy).</summary>
    protected abstract AccumulatorV2<TIn, TOut> CreateEmpty();

    internal override Accumulator CopyAndResetUntyped() => CreateEmpty();

    internal override void MergeUntyped(Accumulator other)
    {
        lock (_lock) MergeValue((AccumulatorV2<TIn, TOut>)other);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{GetType().Name}(id: {Id}, name: {Name}, value: {Value})";
}
