namespace MiniSpark;

public sealed partial class SparkContext
{
    /// <summary>One entry per persisted dataset still reachable: its level and what is stored in memory and on disk.</summary>
    public IReadOnlyList<RddStorageInfo> GetRddStorageInfo()
    {
        ThrowIfStopped();
        return CollectRddStorageInfo();
    }

    /// <summary><see cref="GetRddStorageInfo"/> without the stopped check: the event log's last snapshot runs during Stop.</summary>
    internal IReadOnlyList<RddStorageInfo> CollectRddStorageInfo()
    {
        var infos = new List<RddStorageInfo>();
        foreach (Rdd rdd in Cleaner.PersistedRdds().OrderBy(r => r.Id))
        {
            if (!rdd.StorageLevel.IsValid) continue;
            (_, long memoryBytes) = BlockManager.MemoryStore.UsageOf(rdd.Id);
            int cached = Enumerable.Range(0, rdd.NumPartitions)
                .Count(p => BlockManager.Contains(new Storage.RddBlockId(rdd.Id, p)));
            infos.Add(new RddStorageInfo(rdd.Id, rdd.Name ?? rdd.GetType().Name.Split('`')[0], rdd.StorageLevel, rdd.NumPartitions,
                cached, memoryBytes, BlockManager.DiskStore.BytesOf(rdd.Id)));
        }
        return infos;
    }
}
