using MiniSpark.Shuffle;

namespace MiniSpark.Storage;

/// <summary>Frees what no dataset can reach any more: shuffle outputs whose dependency was garbage-collected.</summary>
/// <remarks>Tracks dependencies through weak references and sweeps when a job is submitted, the moment memory
/// is about to be used again.</remarks>
internal sealed class ContextCleaner(MapOutputTracker mapOutputs)
{
    private readonly Lock _lock = new();
    private readonly List<(WeakReference<ShuffleDependency> Dependency, int ShuffleId)> _shuffles = [];
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

    public void Sweep()
    {
        lock (_lock) SweepLocked();
    }

    private void SweepLocked()
    {
        _shuffles.RemoveAll(entry =>
        {
            if (entry.Dependency.TryGetTarget(out _)) return false;
            mapOutputs.UnregisterShuffle(entry.ShuffleId);
            return true;
        });
    }
}
