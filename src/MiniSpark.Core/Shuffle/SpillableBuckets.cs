using MiniSpark.Storage;

namespace MiniSpark.Shuffle;

/// <summary>Map-side buckets for shuffles without combining: records are appended per reducer and, when the budget
/// says no, all buckets spill to one file (a segment per reducer).</summary>
internal sealed class SpillableBuckets<T> : IDisposable
{
    private const int CheckInterval = 4096;

    private readonly TaskMemory _memory;
    private readonly string _spillDirectory;
    private readonly List<SpillFile> _spills = [];
    private readonly long[] _counts;
    private readonly long[] _checksums;
    private readonly Func<T, long> _checksumOf;
    private List<T>?[] _buckets;
    private int _sinceCheck;
    private SizeTracker _size;
    private long _inMemory;

    public SpillableBuckets(int numReducers, Func<T, long> checksumOf, TaskContext context, string spillDirectory)
    {
        _buckets = new List<T>?[numReducers];
        _counts = new long[numReducers];
        _checksums = new long[numReducers];
        _checksumOf = checksumOf;
        _memory = new TaskMemory(context);
        _spillDirectory = spillDirectory;
    }

    public long[] Counts => _counts;

    public long[] Checksums => _checksums;

    public void Add(int reducer, T record)
    {
        (_buckets[reducer] ??= []).Add(record);
        _counts[reducer]++;
        _checksums[reducer] += _checksumOf(record);
        _inMemory++;
        _size.Update();
        if (++_sinceCheck < CheckInterval) return;
        _sinceCheck = 0;
        long estimate = _size.NeedsMeasurement ? _size.Measured(EstimateBytes()) : _size.Estimate;
        if (!_memory.Ensure(estimate)) Spill(estimate);
    }

    /// <summary>Average record size from the fullest bucket (sampled by the estimator), times the records held.</summary>
    private long EstimateBytes()
    {
        List<T>? fullest = null;
        foreach (List<T>? bucket in _buckets)
        {
            if (bucket is not null && (fullest is null || bucket.Count > fullest.Count)) fullest = bucket;
        }
        if (fullest is null || fullest.Count == 0) return 0;
        return SizeEstimator.EstimateSequence(fullest) * _inMemory / fullest.Count;
    }

    private void Spill(long estimate)
    {
        SpillFile file = SpillFile.Create(_spillDirectory, "buckets");
        try
        {
            foreach (List<T>? bucket in _buckets) file.WriteSegment((IEnumerable<T>?)bucket ?? []);
        }
        catch
        {
            file.Dispose();
            throw;
        }
        _spills.Add(file.Seal());
        _memory.CountSpill(estimate, file.Length);
        _buckets = new List<T>?[_buckets.Length];
        _inMemory = 0;
        _size.Reset();
        _memory.ReleaseAll();
    }

    /// <summary>The final output: the buckets themselves when nothing spilled, else one file whose segment <c>r</c>
    /// concatenates reducer <c>r</c>'s spilled records and what is still in memory.</summary>
    public (List<T>?[]? InMemory, SpillFile? OnDisk) Finish()
    {
        if (_spills.Count == 0) return (_buckets, null);
        SpillFile output = SpillFile.Create(_spillDirectory, "map-output");
        try
        {
            for (int r = 0; r < _buckets.Length; r++) output.WriteSegment(Concat(r));
        }
        catch
        {
            output.Dispose();
            throw;
        }
        _buckets = new List<T>?[_buckets.Length];
        _memory.ReleaseAll();
        return (null, output.Seal());
    }

    private IEnumerable<T> Concat(int reducer)
    {
        foreach (SpillFile spill in _spills)
        {
            foreach (T record in spill.ReadSegment<T>(reducer)) yield return record;
        }
        if (_buckets[reducer] is { } bucket)
        {
            foreach (T record in bucket) yield return record;
        }
    }

    public void Dispose()
    {
        foreach (SpillFile spill in _spills) spill.Dispose();
        _spills.Clear();
        _memory.ReleaseAll();
    }
}
