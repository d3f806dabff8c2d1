using MiniSpark.Internal;

namespace MiniSpark.Shuffle;

/// <summary>Where every shuffle's map outputs live, so reducers can fetch them and later jobs can reuse them.</summary>
/// <remarks>
/// <para>Written by the scheduler thread, read concurrently by reduce tasks: each operation takes one lock.</para>
/// <para>A missing output makes the reducer fail with <see cref="FetchFailedException"/>, which the scheduler answers
/// by recomputing it. The checksums of a removed output are remembered, so that when it is recomputed the scheduler
/// learns whether the data came out the same (see <see cref="AddOutput"/>).</para>
/// </remarks>
internal sealed class MapOutputTracker
{
    private readonly Dictionary<int, ShuffleStatus> _shuffles = [];
    private readonly Lock _lock = new();

    /// <summary>Fault injection for tests: asked before a reducer reads each map output; true loses that output.</summary>
    internal Func<int, int, int, bool>? LoseOutputOnFetch { get; set; }

    public void RegisterShuffle(int shuffleId, int numMaps)
    {
        lock (_lock)
        {
            if (!_shuffles.ContainsKey(shuffleId)) _shuffles.Add(shuffleId, new ShuffleStatus(numMaps));
        }
    }

    /// <summary>Forgets a shuffle and frees its outputs (memory and files).</summary>
    public void UnregisterShuffle(int shuffleId)
    {
        ShuffleStatus? status;
        lock (_lock) _shuffles.Remove(shuffleId, out status);
        if (status is null) return;
        foreach (MapOutput? output in status.Outputs) output?.Release();
    }

    public int ShuffleCount
    {
        get { lock (_lock) return _shuffles.Count; }
    }

    /// <summary>Registers a map output; returns the reduce partitions whose data differs from an earlier, since lost,
    /// output of the same map partition (empty when there was none, or the data is the same).</summary>
    public IReadOnlyList<int> AddOutput(int shuffleId, int mapIndex, MapOutput output)
    {
        MapOutput? unused;
        var changed = new List<int>();
        lock (_lock)
        {
            if (_shuffles.TryGetValue(shuffleId, out ShuffleStatus? status))
            {
                unused = status.Outputs[mapIndex]; // a rerun replaces the earlier output
                if (ReferenceEquals(unused, output)) return changed;
                status.Outputs[mapIndex] = output;
                long[]? before = status.LostChecksums[mapIndex];
                for (int r = 0; before is not null && r < before.Length; r++)
                {
                    if (before[r] != output.Checksums[r]) changed.Add(r);
                }
                status.LostChecksums[mapIndex] = null;
            }
            else
            {
                unused = output; // the shuffle was cleaned up while the task ran: nobody will read it
            }
        }
        unused?.Release();
        return changed;
    }

    /// <summary>Drops an output (only <paramref name="expected"/>, when given, so a newer one is never dropped by mistake).</summary>
    public bool RemoveOutput(int shuffleId, int mapIndex, MapOutput? expected = null)
    {
        MapOutput? removed = null;
        lock (_lock)
        {
            if (_shuffles.TryGetValue(shuffleId, out ShuffleStatus? status) && status.Outputs[mapIndex] is { } current &&
                (expected is null || ReferenceEquals(current, expected)))
            {
                removed = current;
                status.Outputs[mapIndex] = null;
                status.LostChecksums[mapIndex] = current.Checksums;
            }
        }
        removed?.Release();
        return removed is not null;
    }

    /// <summary>Drops every output of a shuffle (its map stage must rerun entirely), remembering their checksums.</summary>
    public void RemoveAllOutputs(int shuffleId)
    {
        int maps;
        lock (_lock) maps = _shuffles.TryGetValue(shuffleId, out ShuffleStatus? status) ? status.Outputs.Length : 0;
        for (int m = 0; m < maps; m++) RemoveOutput(shuffleId, m);
    }

    /// <summary>The current output of a map partition, for fault-injection tests.</summary>
    internal MapOutput? OutputOf(int shuffleId, int mapIndex)
    {
        lock (_lock) return _shuffles.TryGetValue(shuffleId, out ShuffleStatus? status) ? status.Outputs[mapIndex] : null;
    }

    public bool IsComplete(int shuffleId)
    {
        lock (_lock) return _shuffles.TryGetValue(shuffleId, out ShuffleStatus? status) && status.Outputs.All(o => o is not null);
    }

    public IReadOnlyList<int> MissingMapPartitions(int shuffleId)
    {
        lock (_lock)
        {
            ShuffleStatus status = _shuffles[shuffleId];
            var missing = new List<int>();
            for (int i = 0; i < status.Outputs.Length; i++)
            {
                if (status.Outputs[i] is null) missing.Add(i);
            }
            return missing;
        }
    }

    /// <summary>The outputs reducer <paramref name="reduceId"/> reads; a missing one fails the fetch.</summary>
    /// <exception cref="FetchFailedException">An output is missing (or the fault-injection hook lost it).</exception>
    public MapOutput[] GetOutputs(int shuffleId, int reduceId)
    {
        MapOutput[] outputs;
        lock (_lock)
        {
            if (!_shuffles.TryGetValue(shuffleId, out ShuffleStatus? status))
                throw new FetchFailedException(shuffleId, 0, reduceId, null, SR.ShuffleMissing(shuffleId, reduceId));
            outputs = new MapOutput[status.Outputs.Length];
            for (int i = 0; i < outputs.Length; i++)
            {
                outputs[i] = status.Outputs[i]
                    ?? throw new FetchFailedException(shuffleId, i, reduceId, null, SR.MapOutputMissing(shuffleId, i, reduceId));
            }
        }
        if (LoseOutputOnFetch is { } lose)
        {
            for (int i = 0; i < outputs.Length; i++)
            {
                if (!lose(shuffleId, i, reduceId)) continue;
                RemoveOutput(shuffleId, i, outputs[i]);
                throw new FetchFailedException(shuffleId, i, reduceId, outputs[i], SR.MapOutputMissing(shuffleId, i, reduceId) + " (injected)");
            }
        }
        return outputs;
    }

    private sealed class ShuffleStatus(int numMaps)
    {
        public MapOutput?[] Outputs { get; } = new MapOutput?[numMaps];

        /// <summary>Checksums of outputs lost since they were registered, compared when they are recomputed.</summary>
        public long[]?[] LostChecksums { get; } = new long[]?[numMaps];
    }
}
