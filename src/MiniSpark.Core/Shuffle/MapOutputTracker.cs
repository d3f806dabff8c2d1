using MiniSpark.Internal;

namespace MiniSpark.Shuffle;

/// <summary>Where every shuffle's map outputs live, so reducers can fetch them and later jobs can reuse them.</summary>
/// <remarks>Written by the scheduler thread, read concurrently by reduce tasks: each shuffle's state is locked.</remarks>
internal sealed class MapOutputTracker
{
    private readonly Dictionary<int, ShuffleStatus> _shuffles = [];
    private readonly Lock _lock = new();

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

    public bool IsRegistered(int shuffleId)
    {
        lock (_lock) return _shuffles.ContainsKey(shuffleId);
    }

    public int ShuffleCount
    {
        get { lock (_lock) return _shuffles.Count; }
    }

    public void AddOutput(int shuffleId, int mapIndex, MapOutput output)
    {
        MapOutput? unused;
        lock (_lock)
        {
            if (_shuffles.TryGetValue(shuffleId, out ShuffleStatus? status))
            {
                unused = status.Outputs[mapIndex]; // a rerun replaces the earlier output
                status.Outputs[mapIndex] = output;
            }
            else
            {
                unused = output; // the shuffle was cleaned up while the task ran: nobody will read it
            }
        }
        if (unused is not null && (!ReferenceEquals(unused, output) || !IsRegistered(shuffleId))) unused.Release();
    }

    public void RemoveOutput(int shuffleId, int mapIndex)
    {
        MapOutput? removed = null;
        lock (_lock)
        {
            if (_shuffles.TryGetValue(shuffleId, out ShuffleStatus? status))
            {
                removed = status.Outputs[mapIndex];
                status.Outputs[mapIndex] = null;
            }
        }
        removed?.Release();
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

    /// <summary>The outputs every reducer of <paramref name="shuffleId"/> reads; all of them must exist.</summary>
    public MapOutput[] GetOutputs(int shuffleId, int reduceId)
    {
        lock (_lock)
        {
            if (!_shuffles.TryGetValue(shuffleId, out ShuffleStatus? status))
                throw new InvalidOperationException(SR.ShuffleMissing(shuffleId, reduceId));
            var outputs = new MapOutput[status.Outputs.Length];
            for (int i = 0; i < outputs.Length; i++)
                outputs[i] = status.Outputs[i] ?? throw new InvalidOperationException(SR.MapOutputMissing(shuffleId, i, reduceId));
            return outputs;
        }
    }

    private sealed class ShuffleStatus(int numMaps)
    {
        public MapOutput?[] Outputs { get; } = new MapOutput?[numMaps];
    }
}
