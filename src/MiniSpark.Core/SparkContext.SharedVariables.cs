namespace MiniSpark;

public sealed partial class SparkContext
{
    private long _nextAccumulatorId;
    private long _nextBroadcastId;

    /// <summary>Shares <paramref name="value"/> read-only with every task (see <see cref="Broadcast{T}"/>).</summary>
    public Broadcast<T> Broadcast<T>(T value)
    {
        ThrowIfStopped();
        return new Broadcast<T>(Interlocked.Increment(ref _nextBroadcastId) - 1, value);
    }

    /// <summary>A registered accumulator of 64-bit sums.</summary>
    public LongAccumulator LongAccumulator(string? name = null) => Register(new LongAccumulator(), name);

    /// <summary>A registered accumulator of double sums.</summary>
    public DoubleAccumulator DoubleAccumulator(string? name = null) => Register(new DoubleAccumulator(), name);

    /// <summary>A registered accumulator collecting the values added.</summary>
    public CollectionAccumulator<T> CollectionAccumulator<T>(string? name = null) => Register(new CollectionAccumulator<T>(), name);

    /// <summary>Registers a custom accumulator so tasks can add to it; returns it.</summary>
    /// <exception cref="InvalidOperationException">It is already registered (with this or another context).</exception>
    public TAccumulator Register<TAccumulator>(TAccumulator accumulator, string? name = null) where TAccumulator : Accumulator
    {
        Register((Accumulator)accumulator, name);
        return accumulator;
    }

    /// <summary>Registers a custom accumulator so tasks can add to it.</summary>
    /// <exception cref="InvalidOperationException">It is already registered (with this or another context).</exception>
    public void Register(Accumulator accumulator, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(accumulator);
        ThrowIfStopped();
        if (accumulator.Context is not null)
            throw new InvalidOperationException($"Accumulator {accumulator.Id} ('{accumulator.Name}') is already registered.");
        accumulator.Id = Interlocked.Increment(ref _nextAccumulatorId) - 1;
        accumulator.Name = name;
        accumulator.Context = this;
    }
}
