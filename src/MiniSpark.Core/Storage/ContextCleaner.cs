using MiniSpark.Shuffle;

namespace MiniSpark.Storage;

/// <summary>Frees what no dataset can reach any more: shuffle outputs whose dependency was garbage-collected.</summary>
/// <remarks>Tracks dependencies through weak references and sweeps when a job is submitted, the moment memory
/// is about to be used again.</remarks>
internal sealed class ContextCleaner(MapOutputTracker mapOutputs, BlockManager blocks)
{
    private readonly Lock _lock = new();
    private readonly List<(WeakReference<ShuffleDependency> Dependency, int ShuffleId)> _shuffles = [];
    private readonly Dictionary<int, WeakReference<Rdd>> _persisted = [];
    private int _sweepAt = 64;

    public void RegisterShuffle(ShuffleDependency dependency)
    {
        lock (_lock)
        {
            _shuffles.Add((new WeakReference<ShuffleDependency>(dependency), dependency.ShuffleId));
            // Sweep when the list has doubled, so registering stays amortised O(1).
            if (_shuffles.Count >= _sweepAt)
            {
                SweepLocked();
                _sweepAt = Math.Max(64, _shuffles.Count * 2);
            }
        }
    }

    /// <summary>Tracks a persisted dataset: when it becomes unreachable its blocks are removed.</summary>
    public void RegisterPersisted(Rdd rdd)
    {
        lock (_lock) _persisted[rdd.Id] = new WeakReference<Rdd>(rdd);
    }

    public void UnregisterPersisted(int rddId)
    {
        lock (_lock) _persisted.Remove(rddId);
    }

    /// <summary>The persisted datasets still reachable.</summary>
    public IReadOnlyList<Rdd> PersistedRdds()
    {
        lock (_lock)
        {
            var alive = new List<Rdd>();
            foreach (WeakReference<Rdd> reference in _persisted.Values)
            {
                if (reference.TryGetTarget(out Rdd? rdd)) alive.Add(rdd);
            }
            return alive;
        }
    }

    public void Sweep()
    {
        lock (_lock) SweepLocked();
    }

    private void SweepLocked()
    {
        foreach ((int rddId, WeakReference<Rdd> reference) in _persisted.ToList())
        {
            if (reference.TryGetTarget(out _)) continue;
            _persisted.Remove(rddId);
            blocks.RemoveRdd(rddId);
        }
        _shuffles.RemoveAll(entry =>
        {
            if (entry.Dependency.TryGetTarget(out _)) return false;
            mapOutputs.UnregisterShuffle(entry.ShuffleId);
            return true;
        });
    }
}
