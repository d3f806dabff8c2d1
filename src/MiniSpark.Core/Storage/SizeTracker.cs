namespace MiniSpark.Storage;

/// <summary>The estimated size of a growing collection, measured at geometrically spaced update counts and extrapolated
/// in between (Spark's SizeTracker).</summary>
/// <remarks>
/// Measuring walks sampled records and costs far more than an update, so measuring at a fixed interval made it a
/// visible share of map-side combining and caching. Measuring again only once the updates grew by
/// <see cref="SampleGrowthRate"/> means a collection of n updates is measured O(log n) times; between measurements the
/// size grows by the bytes per update seen between the last two, which follows both new entries and growing ones.
/// </remarks>
internal struct SizeTracker
{
    /// <summary>The next measurement comes once the update count has grown by this factor.</summary>
    public const double SampleGrowthRate = 1.1;

    private long _updates;
    private long _nextSample;
    private long _measuredAt;
    private long _measuredBytes;
    private double _bytesPerUpdate;

    /// <summary>Counts one insert or merge.</summary>
    public void Update() => _updates++;

    /// <summary>True when the size should be measured again (and passed to <see cref="Measured"/>).</summary>
    public readonly bool NeedsMeasurement => _updates >= _nextSample;

    /// <summary>Records a measurement taken now; returns it.</summary>
    public long Measured(long bytes)
    {
        if (_updates > _measuredAt && _measuredAt > 0)
            _bytesPerUpdate = Math.Max(0, (bytes - _measuredBytes) / (double)(_updates - _measuredAt));
        (_measuredBytes, _measuredAt) = (bytes, _updates);
        _nextSample = Math.Max(_updates + 1, (long)Math.Ceiling(_updates * SampleGrowthRate));
        return bytes;
    }

    /// <summary>The last measurement plus the growth extrapolated since.</summary>
    public readonly long Estimate => _measuredBytes + (long)(_bytesPerUpdate * (_updates - _measuredAt));

    /// <summary>Forgets everything: the collection was emptied (spilled).</summary>
    public void Reset() => this = default;
}
