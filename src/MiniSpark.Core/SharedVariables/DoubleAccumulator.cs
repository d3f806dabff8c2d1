namespace MiniSpark;

/// <summary>Sums doubles; also counts them (for <see cref="Avg"/>).</summary>
public sealed class DoubleAccumulator : AccumulatorV2<double, double>
{
    private double _sum;
    private long _count;

    /// <summary>The sum (same as <see cref="AccumulatorV2{TIn,TOut}.Value"/>).</summary>
    public double Sum => Value;

    /// <summary>How many values were added (merged copies included); on the driver only.</summary>
    public long Count => Volatile.Read(ref _count);

    /// <summary>The average of the values added; NaN when none were.</summary>
    public double Avg => Count == 0 ? double.NaN : Sum / Count;

    /// <inheritdoc/>
    protected override void AddValue(double value)
    {
        _sum += value;
        _count++;
    }

    /// <inheritdoc/>
    protected override double GetValue() => _sum;

    /// <inheritdoc/>
    protected override void MergeValue(AccumulatorV2<double, double> other)
    {
        var o = (DoubleAccumulator)other;
        _sum += o._sum;
        _count += o._count;
    }

    /// <inheritdoc/>
    protected override void ResetValue() => (_sum, _count) = (0, 0);

    /// <inheritdoc/>
    protected override bool IsZeroValue() => _sum == 0 && _count == 0;

    /// <inheritdoc/>
    protected override AccumulatorV2<double, double> CreateEmpty() => new DoubleAccumulator();
}
