using MiniSpark.Sorting;
using MiniSpark.Storage;

namespace MiniSpark.Shuffle;

/// <summary>Sorts records stably by key within the memory budget: sorted runs spill to disk and are merged on read.</summary>
internal sealed class ExternalSorter<K, V> : IDisposable
{
    private const int CheckInterval = 4096;

    private readonly IComparer<K> _comparer;
    private readonly TaskMemory _memory;
    private readonly string _spillDirectory;
    private readonly List<SpillFile> _spills = [];
    private List<(K, V)> _buffer = [];
    private int _sinceCheck;
    private SizeTracker _size;

    public ExternalSorter(IComparer<K> comparer, TaskContext context, string spillDirectory)
    {
        _comparer = comparer;
        _memory = new TaskMemory(context);
        _spillDirectory = spillDirectory;
    }

    public bool HasSpilled => _spills.Count > 0;

    public void Add((K, V) record)
    {
        _buffer.Add(record);
        _size.Update();
        if (++_sinceCheck < CheckInterval) return;
        _sinceCheck = 0;
        long estimate = _size.NeedsMeasurement ? _size.Measured(SizeEstimator.EstimateSequence(_buffer)) : _size.Estimate;
        if (!_memory.Ensure(estimate)) Spill(estimate);
    }

    private (K, V)[] SortedBuffer()
    {
        (K, V)[] items = [.. _buffer];
        StableSort.ByKey(items, items.Length, _comparer);
        return items;
    }

    private void Spill(long estimate)
    {
        SpillFile file = SpillFile.Create(_spillDirectory, "sort");
        try
        {
            file.WriteSegment(SortedBuffer());
        }
        catch
        {
            file.Dispose();
            throw;
        }
        _spills.Add(file.Seal());
        _memory.CountSpill(estimate, file.Length);
        _buffer = [];
        _size.Reset();
        _memory.ReleaseAll();
    }

    /// <summary>All records added, sorted by key; equal keys keep the order they were added in.</summary>
    public IEnumerable<(K, V)> Sorted()
    {
        (K, V)[] last = SortedBuffer();
        _buffer = [];
        if (_spills.Count == 0) return last;
        var runs = new List<IEnumerable<(K, V)>>(_spills.Count + 1);
        foreach (SpillFile spill in _spills) runs.Add(spill.ReadSegment<(K, V)>(0));
        runs.Add(last);
        return RunMerger.Merge(runs, Comparer<(K, V)>.Create((a, b) => _comparer.Compare(a.Item1, b.Item1)));
    }

    public void Dispose()
    {
        foreach (SpillFile spill in _spills) spill.Dispose();
        _spills.Clear();
        _memory.ReleaseAll();
    }
}
