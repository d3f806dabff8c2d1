namespace MiniSpark.Shuffle;

/// <summary>What one map task wrote for every reducer: buckets held in memory, or segments of one file on disk.</summary>
/// <remarks>
/// In-memory outputs are charged to the storage budget and are evictable like cached blocks: eviction moves them to
/// a file (<see cref="MapOutput{T}.MoveToDisk"/>). Readers take whichever form is current when they start, so a
/// move never disturbs a read in progress.
/// </remarks>
internal abstract class MapOutput
{
    private protected MapOutput(long[] recordCounts, long[] checksums)
    {
        RecordCounts = recordCounts;
        Checksums = checksums;
    }

    /// <summary>Records per reduce partition.</summary>
    public long[] RecordCounts { get; }

    /// <summary>Per reduce partition, an order-insensitive checksum of its records (<see cref="OutputChecksum"/>).</summary>
    public long[] Checksums { get; }

    public int NumReducers => RecordCounts.Length;

    /// <summary>Whether the output lives in a file rather than in memory.</summary>
    public abstract bool IsOnDisk { get; }

    /// <summary>Estimated bytes in memory, or file bytes on disk.</summary>
    public abstract long Bytes { get; }

    /// <summary>Frees the memory or deletes the file; called when the shuffle is cleaned up or the output replaced.</summary>
    public abstract void Release();
}

/// <summary>A map output of records of type <typeparamref name="T"/> (a <c>(K, V)</c> or <c>(K, C)</c> tuple).</summary>
internal sealed class MapOutput<T> : MapOutput
{
    private readonly Lock _lock = new();
    private volatile List<T>?[]? _buckets;
    private volatile SpillFile? _file;
    private long _bytes;
    private bool _released;

    /// <summary>An in-memory output.</summary>
    public MapOutput(List<T>?[] buckets, long[] recordCounts, long[] checksums, long estimatedBytes) : base(recordCounts, checksums)
    {
        _buckets = buckets;
        _bytes = estimatedBytes;
    }

    /// <summary>An on-disk output: segment <c>r</c> of <paramref name="file"/> holds reducer <c>r</c>'s records.</summary>
    public MapOutput(SpillFile file, long[] recordCounts, long[] checksums) : base(recordCounts, checksums)
    {
        _file = file;
        _bytes = file.Length;
    }

    /// <summary>Called once when the in-memory output is released (to return its storage memory).</summary>
    public Action? OnRelease { get; set; }

    public override bool IsOnDisk => _file is not null;

    /// <summary>The file holding this output once on disk; for fault-injection tests.</summary>
    internal string? FilePath => _file?.Path;

    public override long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>The reducer's bucket when the output is in memory (an empty or null bucket means no records);
    /// false when it is on disk.</summary>
    public bool TryGetBucket(int reduceId, out List<T>? bucket)
    {
        if (_buckets is { } buckets)
        {
            bucket = buckets[reduceId];
            return true;
        }
        bucket = null;
        return false;
    }

    public IEnumerable<T> Read(int reduceId)
    {
        if (_buckets is { } buckets) return (IEnumerable<T>?)buckets[reduceId] ?? [];
        SpillFile file = _file ?? throw new InvalidOperationException("The map output was released.");
        return file.ReadSegment<T>(reduceId);
    }

    /// <summary>Writes the buckets to a file and drops them from memory (eviction under memory pressure).</summary>
    public void MoveToDisk(string directory)
    {
        lock (_lock)
        {
            if (_released || _buckets is not { } buckets) return;
            SpillFile file = SpillFile.Create(directory, "map-output");
            foreach (List<T>? bucket in buckets) file.WriteSegment((IEnumerable<T>?)bucket ?? []);
            _file = file.Seal();
            Interlocked.Exchange(ref _bytes, file.Length);
            _buckets = null;
        }
    }

    public override void Release()
    {
        Action? onRelease;
        lock (_lock)
        {
            if (_released) return;
            _released = true;
            _buckets = null;
            _file?.Dispose();
            onRelease = OnRelease;
        }
        onRelease?.Invoke();
    }
}
