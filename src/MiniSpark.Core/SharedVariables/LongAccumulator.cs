namespace MiniSpark;

/// <summary>Sums 64-bit integers; also counts them (for <see cref="Avg"/>).</summary>
public sealed class LongAccumulator : AccumulatorV2<long, long>
{
    private long _sum;
    private long _count;

    /// <summary>The sum (same as <see cref="AccumulatorV2{TIn,TOut}.Value"/>).</summary>
    public long Sum => Value;

    /// <summary>How many values were added (merged copies included); on the driver only.</summary>
    public long Count => Volatile.Read(ref _count);

    /// <summary>The average of the values added; NaN when none were.</summary>
    public double Avg => Count == 0 ? double.NaN : (double)Sum / Count;

    /// <inheritdoc/>
    protected override void AddValue(long value)
    {
        _sum += value;
        _count++;
    }

    /// <inheritdoc/>
    protected override long GetValue() => _sum;

    /// <inheritdoc/>
    protected override void MergeValue(AccumulatorV2<long, long> other)
    {
        var o = (LongAccumulator)other;
        _sum += o._sum;
        _count += o._count;
    }

    /// <inheritdoc/>
    protected override void ResetValue() => (_sum, _count) = (0, 0);

    /// <inheritdoc/>
    protected override bool IsZeroValue() => _sum == 0 && _count == 0;

    /// <inheritdoc/>
    protected override AccumulatorV2<long, long> CreateEmpty() => new LongAccumulator();
}
