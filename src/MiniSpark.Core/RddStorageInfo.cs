namespace MiniSpark;

/// <summary>What is stored of one persisted dataset (see <see cref="SparkContext.GetRddStorageInfo"/>).</summary>
/// <param name="RddId">The dataset's <see cref="Rdd.Id"/>.</param>
/// <param name="Name">The dataset's name, or its type name when unnamed.</param>
/// <param name="StorageLevel">The level it was persisted with.</param>
/// <param name="NumPartitions">Its partition count.</param>
/// <param name="CachedPartitions">How many partitions are stored (in memory or on disk).</param>
/// <param name="MemoryBytes">Estimated bytes its partitions hold in memory.</param>
/// <param name="DiskBytes">Bytes of its partition files.</param>
public sealed record RddStorageInfo(int RddId, string Name, StorageLevel StorageLevel, int NumPartitions, int CachedPartitions,
    long MemoryBytes, long DiskBytes);
