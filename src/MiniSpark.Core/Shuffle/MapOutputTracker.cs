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

    public void UnregisterShuffle(int shuffleId)
    {
        lock (_lock) _shuffles.Remove(shuffleId);
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
        lock (_lock)
        {
            // An unregistered shuffle was cleaned up while its task ran: the output has no reader.
            if (_shuffles.TryGetValue(shuffleId, out ShuffleStatus? status)) status.Outputs[mapIndex] = output;
        }
    }

    public void RemoveOutput(int shuffleId, int mapIndex)
    {
        lock (_lock)
        {
            if (_shuffles.TryGetValue(shuffleId, out ShuffleStatus? status)) status.Outputs[mapIndex] = null;
        }
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
