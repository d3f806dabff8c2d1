namespace MiniSpark;

/// <summary>Where and how a persisted dataset's partitions are kept.</summary>
/// <remarks>
/// Memory levels keep partitions in the memory budget (<c>spark.memory.maxBytes</c>): deserialized (the objects
/// themselves, fastest to read) or serialized (compact bytes, read back through the record serializer). When the
/// budget is full, least-recently-used datasets lose partitions first: <c>...AndDisk</c> partitions move to
/// <c>spark.local.dir</c>, memory-only ones are dropped and recomputed from lineage when needed.
/// </remarks>
public sealed class StorageLevel : IEquatable<StorageLevel>
{
    private readonly string _name;

    private StorageLevel(string name, bool useMemory, bool useDisk, bool deserialized)
    {
        _name = name;
        UseMemory = useMemory;
        UseDisk = useDisk;
        Deserialized = deserialized;
    }

    /// <summary>Not persisted.</summary>
    public static StorageLevel None { get; } = new(nameof(None), false, false, false);

    /// <summary>Objects in memory; partitions that do not fit are recomputed when needed. What <c>Cache()</c> uses.</summary>
    public static StorageLevel MemoryOnly { get; } = new(nameof(MemoryOnly), true, false, true);

    /// <summary>Objects in memory; partitions that do not fit (or are evicted) go to disk.</summary>
    public static StorageLevel MemoryAndDisk { get; } = new(nameof(MemoryAndDisk), true, true, true);

    /// <summary>Serialized on disk only.</summary>
    public static StorageLevel DiskOnly { get; } = new(nameof(DiskOnly), false, true, false);

    /// <summary>Serialized bytes in memory (smaller, slower to read); partitions that do not fit are recomputed.</summary>
    public static StorageLevel MemoryOnlySerialized { get; } = new(nameof(MemoryOnlySerialized), true, false, false);

    /// <summary>Serialized bytes in memory; partitions that do not fit (or are evicted) go to disk.</summary>
    public static StorageLevel MemoryAndDiskSerialized { get; } = new(nameof(MemoryAndDiskSerialized), true, true, false);

    /// <summary>Whether partitions may be kept in memory.</summary>
    public bool UseMemory { get; }

    /// <summary>Whether partitions may be kept on disk.</summary>
    public bool UseDisk { get; }

    /// <summary>Whether in-memory partitions are objects (true) or serialized bytes (false).</summary>
    public bool Deserialized { get; }

    /// <summary>Whether this level persists anything.</summary>
    public bool IsValid => UseMemory || UseDisk;

    /// <summary>Spark's description, e.g. <c>Memory Deserialized 1x Replicated</c>.</summary>
    public string Description => !IsValid ? "" :
        string.Join(" ", new[] { UseDisk ? "Disk" : null, UseMemory ? "Memory" : null, Deserialized ? "Deserialized" : "Serialized" }
            .Where(s => s is not null)) + " 1x Replicated";

    /// <inheritdoc/>
    public bool Equals(StorageLevel? other) =>
        other is not null && UseMemory == other.UseMemory && UseDisk == other.UseDisk && Deserialized == other.Deserialized;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as StorageLevel);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(UseMemory, UseDisk, Deserialized);

    /// <inheritdoc/>
    public override string ToString() => _name;
}
